/**
 * Every event type the live feed may send: the server's event catalog, kept equal to it by
 * `src/event-lists.test.ts`. SSE delivers named events only to listeners of that name, so a
 * type missing here would never reach the page.
 */
export const liveEventTypes = [
  'plans.plan.changed',
  'customers.customer.created',
  'customers.customer.changed',
  'isolation.customer.isolated',
  'isolation.customer.restored',
  'billing.invoice.issued',
  'billing.invoice.due_unpaid',
  'billing.invoice.overdue',
  'billing.invoice.grace_expired',
  'billing.invoice.paid',
  'billing.invoice.partially_paid',
  'billing.invoice.voided',
  'billing.payment.confirmed',
  'billing.payment.failed',
  'network.router.failed',
  'network.router.recovered',
  'network.customer.online',
  'network.customer.offline',
  'network.radius.auth_failed',
  'notifications.message.queued',
  'notifications.message.sent',
  'notifications.message.delivered',
  'notifications.message.failed',
] as const;
