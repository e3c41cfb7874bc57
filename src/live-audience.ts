import { hasPermission, type Actor, type Permission } from './modules/identity/index.ts';
import type { eventCatalog } from './composition-root.ts';

/** The catalog's event types, without the catch-all `string` of its index signature. */
type CatalogEventType = keyof { [K in keyof typeof eventCatalog as string extends K ? never : K]: unknown };

/**
 * Who sees each event on the live feed (GET /api/live): the permission that reads the same data
 * through the API (an invoice paid carries its amount: billing.read, as GET /api/invoices). Every
 * catalog event has an entry (a new one fails the type check until it is given one), and the
 * feed sends nobody an event it can't find here.
 */
export const liveAudience = {
  'billing.invoice.issued': 'billing.read',
  'billing.invoice.due_unpaid': 'billing.read',
  'billing.invoice.overdue': 'billing.read',
  'billing.invoice.grace_expired': 'billing.read',
  'billing.invoice.paid': 'billing.read',
  'billing.invoice.partially_paid': 'billing.read',
  'billing.invoice.voided': 'billing.read',
  'billing.payment.confirmed': 'billing.read',
  'billing.payment.failed': 'billing.read',
  // Isolation state and history are read with customers.read (a field technician needs it).
  'isolation.customer.isolated': 'customers.read',
  'isolation.customer.restored': 'customers.read',
  'customers.customer.created': 'customers.read',
  'customers.customer.changed': 'customers.read',
  'plans.plan.changed': 'customers.read',
  // The office's handover and deposit screens (the collector's own screen polls its worklist).
  'collectors.visit.succeeded': 'collections.read',
  'collectors.setoran.confirmed': 'collections.read',
  'collectors.deposit.confirmed': 'collections.read',
  'network.router.failed': 'network.manage',
  'network.router.recovered': 'network.manage',
  // A customer's sessions and login failures: GET /api/customers/{id}/sessions.
  'network.customer.online': 'customers.read',
  'network.customer.offline': 'customers.read',
  'network.radius.auth_failed': 'customers.read',
  // Outages and their suggestions: what GET /api/maps/outages and /suggestions show.
  'maps.outage.set': 'maps.read',
  'maps.outage.cleared': 'maps.read',
  'maps.outage.technician_requested': 'maps.read',
  'maps.outage.suggested': 'maps.read',
  // A customer's complaint from the portal: whoever reads customers (technicians will act on it).
  'portal.complaint.submitted': 'customers.read',
  // Tasks and activity logs: what GET /api/tasks shows (never to collectors or finance).
  'field.task.created': 'tasks.read',
  'field.task.status_changed': 'tasks.read',
  'field.activity.logged': 'tasks.read',
  'field.outage.fixed': 'tasks.read',
  'notifications.message.queued': 'notifications.read',
  'notifications.message.sent': 'notifications.read',
  'notifications.message.delivered': 'notifications.read',
  'notifications.message.failed': 'notifications.read',
  // The subscription page (GET /api/saas/subscription, /api/saas/invoices): limits update live after a purchase is paid.
  'addons.invoice.created': 'subscription.read',
  'addons.invoice.paid': 'subscription.read',
  'addons.addon.activated': 'subscription.read',
  'saas.invoice.issued': 'subscription.read',
  'saas.invoice.reminder': 'subscription.read',
  'saas.limit.warning': 'subscription.read',
} as const satisfies Record<CatalogEventType, Permission>;

/** The live feed's view of a staff member: their tenant, and the event types their roles may read. */
export const liveViewer = (actor: Pick<Actor, 'roles'> & { tenantId: string }) => ({
  tenantId: actor.tenantId,
  mayRead: (eventType: string) => {
    const permission = (liveAudience as Record<string, Permission>)[eventType];
    return permission !== undefined && hasPermission(actor.roles, permission);
  },
});
