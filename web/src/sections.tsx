import type { ReactNode } from 'react';
import type { TranslationKey } from './i18n.tsx';
import { CustomerDetailPage } from './features/customers/CustomerDetailPage.tsx';
import { CustomersPage } from './features/customers/CustomersPage.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { InvoiceDetailPage } from './features/invoices/InvoiceDetailPage.tsx';
import { InvoicesPage } from './features/invoices/InvoicesPage.tsx';
import { IsolationPage } from './features/isolation/IsolationPage.tsx';
import { BillingSettingsPage } from './features/billing-settings/BillingSettingsPage.tsx';
import { ReportsPage } from './features/reports/ReportsPage.tsx';
import { ImportsPage } from './features/imports/ImportsPage.tsx';
import { EventBusPage } from './features/events/EventBusPage.tsx';
import { RoutersPage } from './features/routers/RoutersPage.tsx';
import { TenantsPage } from './features/tenants/TenantsPage.tsx';
import { WhatsAppPage } from './features/whatsapp/WhatsAppPage.tsx';
import type { Me } from './api/types.ts';

type Section = {
  label: TranslationKey;
  /** The navigation entry; the first route. */
  path: string;
  routes: { path: string; element: ReactNode }[];
  allowed: (me: Me) => boolean;
};

/** What a person may open follows the permissions /api/me lists for the active tenant. */
const withPermission = (permission: string) => (me: Me) => me.activeTenantId !== null && me.permissions.includes(permission);

/** Every page of the app, in navigation order, with who may open it: the one list for both. */
export const sections: Section[] = [
  { label: 'nav.dashboard', path: '/', routes: [{ path: '/', element: <DashboardPage /> }], allowed: withPermission('customers.read') },
  {
    label: 'nav.customers',
    path: '/customers',
    routes: [
      { path: '/customers', element: <CustomersPage /> },
      { path: '/customers/:customerId', element: <CustomerDetailPage /> },
    ],
    allowed: withPermission('customers.read'),
  },
  {
    label: 'nav.invoices',
    path: '/invoices',
    routes: [
      { path: '/invoices', element: <InvoicesPage /> },
      { path: '/invoices/:invoiceId', element: <InvoiceDetailPage /> },
    ],
    allowed: withPermission('billing.read'),
  },
  { label: 'nav.reports', path: '/reports', routes: [{ path: '/reports', element: <ReportsPage /> }], allowed: withPermission('billing.read') },
  { label: 'nav.imports', path: '/imports', routes: [{ path: '/imports', element: <ImportsPage /> }], allowed: withPermission('customers.manage') },
  { label: 'nav.isolation', path: '/isolation', routes: [{ path: '/isolation', element: <IsolationPage /> }], allowed: withPermission('customers.read') },
  { label: 'nav.whatsapp', path: '/whatsapp', routes: [{ path: '/whatsapp', element: <WhatsAppPage /> }], allowed: withPermission('notifications.read') },
  { label: 'nav.routers', path: '/routers', routes: [{ path: '/routers', element: <RoutersPage /> }], allowed: withPermission('network.manage') },
  { label: 'nav.billing', path: '/billing', routes: [{ path: '/billing', element: <BillingSettingsPage /> }], allowed: withPermission('billing.configure') },
  { label: 'nav.tenants', path: '/platform/tenants', routes: [{ path: '/platform/tenants', element: <TenantsPage /> }], allowed: (me) => me.user.isSuperAdmin },
  // Cross-tenant infrastructure (every tenant's failures): the platform operator's, like its API.
  { label: 'nav.events', path: '/events', routes: [{ path: '/events', element: <EventBusPage /> }], allowed: (me) => me.user.isSuperAdmin },
];

export const firstAllowedPath = (me: Me) => sections.find((s) => s.allowed(me))?.path ?? '/';
