import { Anchor, Badge, Card, Grid, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, useTranslatedCode } from '../../i18n.tsx';
import { countedLimits, limitKey, limitNames, type LimitName } from './names.ts';
import { PlatformNav, platformPaths } from './PlatformNav.tsx';
import { OverridesCard } from './OverridesCard.tsx';
import { useImpersonations, usePlatformDomains, usePlatformInvoices, usePlatformTenants } from './queries.ts';
import { DomainTable, ImpersonationTable, SaasInvoiceTable } from './tables.tsx';
import { ImpersonateButton, TenantPlanForm, TenantStatusButton } from './TenantActions.tsx';
import { UsageText } from './UsageText.tsx';

const counted = (name: LimitName): name is (typeof countedLimits)[number] => (countedLimits as readonly string[]).includes(name);

/** One tenant as the platform sees it: counts against limits, plan, overrides, SaaS invoices, domains, support sessions. Never its customers. */
export function TenantDetailPage() {
  const t = useT();
  const code = useTranslatedCode();
  const { tenantId = '' } = useParams();
  const tenants = usePlatformTenants();
  return (
    <Stack gap={0}>
      <QueryState query={tenants}>
        {(list) => {
          const tenant = list.find((r) => r.tenantId === tenantId);
          if (!tenant)
            return (
              <Text c="dimmed">
                {t('platform.noTenant')} <Anchor component={Link} to={platformPaths.tenants}>{t('common.back')}</Anchor>
              </Text>
            );
          return (
            <Stack gap={0} data-tenant={tenant.slug}>
              <PageTitle
                actions={
                  <>
                    <ImpersonateButton tenant={tenant} />
                    <TenantStatusButton tenant={tenant} />
                  </>
                }
              >
                {tenant.name}
              </PageTitle>
              <PlatformNav />
              <Stack>
                <Grid>
                  <Grid.Col span={{ base: 12, md: 7 }}>
                    <Card withBorder h="100%">
                      <Stack gap="sm">
                        <Group justify="space-between" wrap="wrap">
                          <Title order={4}>{t('platform.usage')}</Title>
                          <Badge color={tenant.status === 'active' ? 'teal' : 'gray'} variant="light" data-tenant-status={tenant.status}>
                            {code(`tenantStatus.${tenant.status}`, tenant.status)}
                          </Badge>
                        </Group>
                        {limitNames.map((name) => {
                          const max = tenant.limits[name];
                          const used = counted(name) ? tenant.usage[name] : null;
                          const over = tenant.overLimit.includes(name);
                          return (
                            <Stack key={name} gap={2} data-limit={name}>
                              <Group justify="space-between" wrap="nowrap">
                                <Text size="sm">{t(limitKey(name))}</Text>
                                <UsageText used={used} max={max} over={over} />
                              </Group>
                              {used !== null && max !== undefined && max > 0 && <Progress value={Math.min(100, (used * 100) / max)} color={over ? 'red' : used * 100 >= max * 80 ? 'orange' : 'teal'} />}
                            </Stack>
                          );
                        })}
                      </Stack>
                    </Card>
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 5 }}>
                    <Card withBorder h="100%">
                      <Stack gap="sm">
                        <Title order={4}>{t('platform.subscription')}</Title>
                        <TenantPlanForm tenant={tenant} />
                        <Text size="sm" c="dimmed">
                          {t('platform.unpaidCount', { count: tenant.unpaidInvoices })}
                        </Text>
                      </Stack>
                    </Card>
                  </Grid.Col>
                </Grid>
                <OverridesCard tenantId={tenant.tenantId} />
                <TenantLists tenantId={tenant.tenantId} />
              </Stack>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function TenantLists({ tenantId }: { tenantId: string }) {
  const t = useT();
  const invoices = usePlatformInvoices();
  const domains = usePlatformDomains();
  const impersonations = useImpersonations();
  return (
    <>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('subscription.invoices')}
        </Title>
        <QueryState query={invoices}>{(list) => <SaasInvoiceTable rows={list.filter((i) => i.tenantId === tenantId)} tenantNames={null} />}</QueryState>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('platform.domains')}
        </Title>
        <QueryState query={domains}>{(list) => <DomainTable rows={list.filter((d) => d.tenantId === tenantId)} tenantNames={null} />}</QueryState>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('platform.impersonations')}
        </Title>
        <QueryState query={impersonations}>{(list) => <ImpersonationTable rows={list.filter((i) => i.tenantId === tenantId)} tenantNames={null} />}</QueryState>
      </Card>
    </>
  );
}
