/**
 * Event topics: one Redis stream per topic, and the `topic` column of every stored event.
 * NEVER rename a value without a migration: stored events, stream keys and consumer groups
 * carry these strings.
 */
export const Topic = {
  customer: 'customer_events',
  billing: 'billing_events',
  payment: 'payment_events',
  collector: 'collector_events',
  outage: 'outage_events',
  technician: 'technician_events',
  addon: 'addon_events',
  plan: 'plan_events',
  wa: 'wa_events',
  network: 'network_events',
} as const;
export type Topic = (typeof Topic)[keyof typeof Topic];
export const allTopics = Object.values(Topic) as Topic[];
