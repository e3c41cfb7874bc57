import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import type { saasEvents } from './saas.events.ts';

/** What a plan limits. A create counting against one calls `assertWithinLimit` in its transaction. */
export const limitNames = ['customers', 'routers', 'staff', 'collectors', 'technicians', 'odps', 'whatsapp_messages', 'photo_storage_mb'] as const;
export type LimitName = (typeof limitNames)[number];

/** What a plan, an add-on or an override switches on; routes of a feature that is off refuse. */
export const featureNames = ['radius', 'payment_gateways', 'collectors', 'ftth_maps', 'technicians', 'customer_portal', 'custom_domain', 'api_tokens'] as const;
export type FeatureName = (typeof featureNames)[number];

/** How a person reads each limit (messages, WhatsApp). */
export const limitLabels: Record<LimitName, string> = {
  customers: 'customers',
  routers: 'routers',
  staff: 'staff members',
  collectors: 'collectors',
  technicians: 'technicians',
  odps: 'ODPs',
  whatsapp_messages: 'WhatsApp messages this month',
  photo_storage_mb: 'MB of photo storage',
};

export type Entitlements = {
  plan: { id: string; code: string; name: string };
  /** Effective limits; null = unlimited. */
  limits: Record<LimitName, number | null>;
  features: FeatureName[];
};

export type SaasConfig = {
  /** The platform's domain: each tenant is reachable at `<slug>.<platformDomain>`. */
  platformDomain: string;
  /** Days after a SaaS invoice's due date before the console locks. */
  graceDays: number;
  /** Days a SaaS invoice is due after it is issued. */
  dueDays: number;
  /** Days before the due date the owner is reminded of an unpaid SaaS invoice (and again on the day). */
  reminderDaysBefore: number;
  /** The platform's own payment gateway account (a billing gateway config), or none (super admin marks paid). */
  gateway?: unknown;
  /** The platform's time zone for SaaS periods and numbering. */
  timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
};

export type SaasDeps = {
  db: Database;
  clock: Clock;
  publish: Publish<typeof saasEvents>;
  config: SaasConfig;
  fetch?: typeof fetch;
  providerUrls?: Partial<Record<string, string>>;
  /** DNS TXT lookups (injectable for tests). */
  resolveTxt: (host: string) => Promise<string[][]>;
  /** This month's WhatsApp messages against the quota (the notifications module counts them; the owner's page shows it). */
  whatsappQuotaUsed?: (trx: Tx) => Promise<number | null>;
};
export type SaasContext = Omit<SaasDeps, 'db'>;
