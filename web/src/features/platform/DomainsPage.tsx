import { Card, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { PlatformNav } from './PlatformNav.tsx';
import { usePlatformDomains } from './queries.ts';
import { DomainTable, useTenantNames } from './tables.tsx';

/** Every tenant's custom domains: only verified ones route to their tenant and get a certificate (Caddy's `ask`). */
export function DomainsPage() {
  const t = useT();
  const domains = usePlatformDomains();
  const names = useTenantNames();
  return (
    <Stack gap={0}>
      <PageTitle>{t('platform.title')}</PageTitle>
      <PlatformNav />
      <Card withBorder>
        <Text size="sm" c="dimmed" mb="sm">
          {t('platform.domainsHint')}
        </Text>
        <QueryState query={domains}>{(list) => <DomainTable rows={list} tenantNames={names ?? {}} />}</QueryState>
      </Card>
    </Stack>
  );
}
