import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n.tsx';

export const platformPaths = {
  tenants: '/platform/saas',
  catalog: '/platform/saas/catalog',
  features: '/platform/saas/features',
  invoices: '/platform/saas/invoices',
  domains: '/platform/saas/domains',
  impersonations: '/platform/saas/impersonations',
} as const;

/** The super admin's SaaS screens, one tab each (a tenant's detail page belongs to the tenants tab). */
export function PlatformNav() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/platform/saas/tenants/') ? platformPaths.tenants : pathname;
  return (
    <Tabs value={current} onChange={(value) => value && navigate(value)} mb="md">
      <Tabs.List style={{ flexWrap: 'wrap' }}>
        {(Object.keys(platformPaths) as (keyof typeof platformPaths)[]).map((tab) => (
          <Tabs.Tab key={tab} value={platformPaths[tab]}>
            {t(`platform.tab.${tab}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
