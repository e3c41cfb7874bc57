import type { ReactNode } from 'react';
import type { TranslationKey } from './i18n.tsx';
import { CustomerDetailPage } from './features/customers/CustomerDetailPage.tsx';
import { CustomersPage } from './features/customers/CustomersPage.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { InvoiceDetailPage } from './features/invoices/InvoiceDetailPage.tsx';
import { InvoicesPage } from './features/invoices/InvoicesPage.tsx';
import { IsolationPage } from './features/isolation/IsolationPage.tsx';
import { BillingSettingsPage } from './features/billing-settings/BillingSettingsPage.tsx';
import { ReportsPage as MoneyReportsPage } from './features/reports/ReportsPage.tsx';
import { ImportsPage } from './features/imports/ImportsPage.tsx';
import { EventBusPage } from './features/events/EventBusPage.tsx';
import { RoutersPage } from './features/routers/RoutersPage.tsx';
import { TenantsPage } from './features/tenants/TenantsPage.tsx';
import { TenantsUsagePage } from './features/platform/TenantsUsagePage.tsx';
import { TenantDetailPage } from './features/platform/TenantDetailPage.tsx';
import { CatalogPage } from './features/platform/CatalogPage.tsx';
import { FeatureSwitchesPage } from './features/platform/FeatureSwitchesPage.tsx';
import { SaasInvoicesPage } from './features/platform/SaasInvoicesPage.tsx';
import { DomainsPage } from './features/platform/DomainsPage.tsx';
import { ImpersonationsPage } from './features/platform/ImpersonationsPage.tsx';
import { SubscriptionPage } from './features/subscription/SubscriptionPage.tsx';
import { WhatsAppPage } from './features/whatsapp/WhatsAppPage.tsx';
import { MapsPage } from './features/maps/MapsPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { PlansPage } from './features/plans/PlansPage.tsx';
import { StaffPage } from './features/staff/StaffPage.tsx';
import { MyTasksPage, TaskDetailPage } from './features/technicians/MyTasksPage.tsx';
import { TasksPage } from './features/technicians/TasksPage.tsx';
import type { Me } from './api/types.ts';
import { AssignmentsPage } from './features/collectors/AssignmentsPage.tsx';
import { CollectorPage } from './features/collectors/CollectorPage.tsx';
import { DepositPage } from './features/collectors/DepositPage.tsx';
import { HandoverPage } from './features/collectors/HandoverPage.tsx';
import { ReportsPage as CollectionsReportsPage } from './features/collectors/ReportsPage.tsx';

type Section = {
  label: TranslationKey;
  /** The navigation entry; the first route. */
  path: string;
  routes: { path: string; element: ReactNode }[];
  allowed: (me: Me) => boolean;
};

/** What a person may open follows the permissions /api/me lists for the active tenant. */
const withPermission = (permission: string) => (me: Me) => me.activeTenantId !== null && me.permissions.includes(permission);
/** A page of a SaaS feature: shown only while the tenant's subscription has it (the API refuses it otherwise). */
const withFeature = (feature: Me['features'][number], permission: string) => (me: Me) => me.features.includes(feature) && withPermission(permission)(me);

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
  // Field work: a technician's own tasks (phone-first), the office's board; a task page for both.
  { label: 'nav.myTasks', path: '/my-tasks', routes: [{ path: '/my-tasks', element: <MyTasksPage /> }], allowed: withFeature('technicians', 'fieldwork.log') },
  {
    label: 'nav.tasks',
    path: '/tasks',
    routes: [
      { path: '/tasks', element: <TasksPage /> },
      { path: '/tasks/:taskId', element: <TaskDetailPage /> },
    ],
    allowed: withFeature('technicians', 'tasks.read'),
  },
  { label: 'nav.maps', path: '/maps', routes: [{ path: '/maps', element: <MapsPage /> }], allowed: withFeature('ftth_maps', 'maps.read') },
  { label: 'nav.plans', path: '/plans', routes: [{ path: '/plans', element: <PlansPage /> }], allowed: withPermission('customers.manage') },
  // The collector's phone screen (their own worklist); the office's handover, deposit and reports.
  { label: 'nav.collector', path: '/collector', routes: [{ path: '/collector', element: <CollectorPage /> }], allowed: withFeature('collectors', 'collections.collect') },
  {
    label: 'nav.collections',
    path: '/collectors/reports',
    routes: [
      { path: '/collectors/handover', element: <HandoverPage /> },
      { path: '/collectors/deposits', element: <DepositPage /> },
      { path: '/collectors/reports', element: <CollectionsReportsPage /> },
      { path: '/collectors/assignments', element: <AssignmentsPage /> },
    ],
    allowed: withFeature('collectors', 'collections.read'),
  },
  { label: 'nav.reports', path: '/reports', routes: [{ path: '/reports', element: <MoneyReportsPage /> }], allowed: withPermission('billing.read') },
  { label: 'nav.imports', path: '/imports', routes: [{ path: '/imports', element: <ImportsPage /> }], allowed: withPermission('customers.manage') },
  { label: 'nav.isolation', path: '/isolation', routes: [{ path: '/isolation', element: <IsolationPage /> }], allowed: withPermission('customers.read') },
  { label: 'nav.whatsapp', path: '/whatsapp', routes: [{ path: '/whatsapp', element: <WhatsAppPage /> }], allowed: withPermission('notifications.read') },
  { label: 'nav.routers', path: '/routers', routes: [{ path: '/routers', element: <RoutersPage /> }], allowed: withPermission('network.manage') },
  { label: 'nav.billing', path: '/billing', routes: [{ path: '/billing', element: <BillingSettingsPage /> }], allowed: withPermission('billing.configure') },
  { label: 'nav.staff', path: '/staff', routes: [{ path: '/staff', element: <StaffPage /> }], allowed: withPermission('staff.manage') },
  { label: 'nav.audit', path: '/audit', routes: [{ path: '/audit', element: <AuditPage /> }], allowed: withPermission('audit.read') },
  { label: 'nav.subscription', path: '/subscription', routes: [{ path: '/subscription', element: <SubscriptionPage /> }], allowed: withPermission('subscription.read') },
  { label: 'nav.tenants', path: '/platform/tenants', routes: [{ path: '/platform/tenants', element: <TenantsPage /> }], allowed: (me) => me.user.isSuperAdmin },
  // The super admin's SaaS desk (platformPaths in features/platform/PlatformNav.tsx), one tab per route.
  {
    label: 'nav.platformSaas',
    path: '/platform/saas',
    routes: [
      { path: '/platform/saas', element: <TenantsUsagePage /> },
      { path: '/platform/saas/tenants/:tenantId', element: <TenantDetailPage /> },
      { path: '/platform/saas/catalog', element: <CatalogPage /> },
      { path: '/platform/saas/features', element: <FeatureSwitchesPage /> },
      { path: '/platform/saas/invoices', element: <SaasInvoicesPage /> },
      { path: '/platform/saas/domains', element: <DomainsPage /> },
      { path: '/platform/saas/impersonations', element: <ImpersonationsPage /> },
    ],
    allowed: (me) => me.user.isSuperAdmin && !me.impersonation?.you,
  },
  // Cross-tenant infrastructure (every tenant's failures): the platform operator's, like its API.
  { label: 'nav.events', path: '/events', routes: [{ path: '/events', element: <EventBusPage /> }], allowed: (me) => me.user.isSuperAdmin },
];

export const firstAllowedPath = (me: Me) => sections.find((s) => s.allowed(me))?.path ?? '/';
