import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';

/** An unknown address, or a page this person's roles don't open (navigation never links to those). */
export function NotFoundPage({ home, reason }: { home: string; reason: 'missing' | 'forbidden' }) {
  const t = useT();
  const me = useSession();
  const noTenantYet = !me.activeTenantId && me.tenants.length > 0;
  return (
    <Stack align="flex-start">
      <Text>{noTenantYet ? t('tenant.choose') : t(reason === 'forbidden' ? 'error.forbidden' : 'error.notFound')}</Text>
      {!noTenantYet && (
        <Button component={Link} to={home} variant="light">
          {t('common.back')}
        </Button>
      )}
    </Stack>
  );
}
