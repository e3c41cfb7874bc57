import { Card, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { PlatformNav } from './PlatformNav.tsx';
import { useImpersonations } from './queries.ts';
import { ImpersonationTable, useTenantNames } from './tables.tsx';

/** Every time someone from the platform worked as a tenant's admin: who, where, why, how long. A new one starts from the tenant's page. */
export function ImpersonationsPage() {
  const t = useT();
  const history = useImpersonations();
  const names = useTenantNames();
  return (
    <Stack gap={0}>
      <PageTitle>{t('platform.title')}</PageTitle>
      <PlatformNav />
      <Card withBorder>
        <Text size="sm" c="dimmed" mb="sm">
          {t('platform.impersonationsHint')}
        </Text>
        <QueryState query={history}>{(list) => <ImpersonationTable rows={list} tenantNames={names ?? {}} />}</QueryState>
      </Card>
    </Stack>
  );
}
