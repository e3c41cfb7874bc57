import { Alert, AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import type { Me } from './api/types.ts';
import { useEndImpersonation } from './features/platform/queries.ts';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { useI18n, type Language } from './i18n.tsx';
import { useLiveUpdates } from './live.ts';
import { sections } from './sections.tsx';
import { useLogout, useSession, useSwitchTenant } from './session.tsx';

export function Layout() {
  const me = useSession();
  const { t, language, setLanguage } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const switchTenant = useSwitchTenant();
  const live = useLiveUpdates(me.activeTenantId);

  const isActive = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Title order={3} c="cyan.8">
              {t('app.name')}
            </Title>
            {me.activeTenantId && (
              <Badge variant="dot" color={live === 'open' ? 'teal' : 'gray'} data-live={live} visibleFrom="xs">
                {t(live === 'open' ? 'live.open' : 'live.connecting')}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t('lang.label')}
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              data={[
                { value: 'id', label: 'ID' },
                { value: 'en', label: 'EN' },
              ]}
            />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        {/* The menu scrolls on its own (an owner has some twenty pages); the person and logout stay in view. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          <Stack gap={4}>
            {me.tenants.length > 1 || (me.tenants.length === 1 && !me.activeTenantId) ? (
              <Select
                label={t('nav.tenant')}
                mb="sm"
                data={me.tenants.map((tenant) => ({ value: tenant.id, label: tenant.name }))}
                value={me.activeTenantId}
                allowDeselect={false}
                onChange={(tenantId) => tenantId && switchTenant.mutate(tenantId, { onSuccess: () => navigate('/') })}
              />
            ) : (
              me.tenants[0] && (
                <Text size="sm" fw={600} mb="sm">
                  {me.tenants[0].name}
                </Text>
              )
            )}
            {sections
              .filter((section) => section.allowed(me))
              .map((section) => (
                <NavLink key={section.path} component={Link} to={section.path} label={t(section.label)} active={isActive(section.path)} onClick={close} />
              ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section pt="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {me.user.name}
            </Text>
            <Text size="xs" c="dimmed">
              {me.user.email}
            </Text>
            <Button variant="light" color="gray" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('nav.logout')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {me.impersonation && <ImpersonationBanner impersonation={me.impersonation} />}
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}

/** While a super admin works as this tenant's admin, everyone in the tenant (and the super admin) sees it. */
function ImpersonationBanner({ impersonation }: { impersonation: NonNullable<Me['impersonation']> }) {
  const { t } = useI18n();
  const end = useEndImpersonation();
  const until = new Date(impersonation.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <Alert color="grape" mb="md" data-testid="impersonation-banner" title={t(impersonation.you ? 'impersonation.youTitle' : 'impersonation.title', { name: impersonation.superAdminName })}>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{t(impersonation.writeAllowed ? 'impersonation.write' : 'impersonation.readOnly', { reason: impersonation.reason, until })}</Text>
        {impersonation.you && (
          <Button size="xs" color="grape" loading={end.isPending} onClick={() => end.mutate()}>
            {t('impersonation.end')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
