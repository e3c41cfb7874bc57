import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import { oncePerTransaction } from '../../platform/db/once-per-transaction.ts';
import type { WaProvider } from './gateways/index.ts';
import type { QuietHours } from './quiet-hours.ts';
import { defaultTemplates, type NotificationKind, type TemplateLanguage } from './templates/index.ts';

export type NotificationSettings = {
  language: TemplateLanguage;
  quietHours: QuietHours | null;
  notifyOutageCustomers: boolean;
  notifyRouterErrors: boolean;
  paymentLink: string | null;
  /** The tenant's own provider; null = the platform default. */
  provider: WaProvider | null;
  sealedConfig: string | null;
  sender: string | null;
  webhookKey: string;
};

/**
 * Read once per transaction: a payment's messages read them several times (queueing, sending)
 * and they change only through `settingsChanged`'s callers.
 */
const settings = oncePerTransaction(readSettings);

/** The current tenant's settings (read once per transaction), created with defaults on first use. */
export const settingsInTransaction = (trx: Tx, now: Date): Promise<NotificationSettings> => settings.get(trx, now);

/** After an UPDATE of `notifications_settings` in `trx`: the next read sees it. */
export const settingsChanged = (trx: Tx): void => settings.forget(trx);

async function readSettings(trx: Tx, now: Date): Promise<NotificationSettings> {
  // The row exists after the tenant's first read: select first, write the defaults only when missing.
  let s = (await sql<Record<string, any>>`select * from notifications_settings`.execute(trx)).rows[0];
  if (!s) {
    await sql`insert into notifications_settings (tenant_id, webhook_key, updated_at)
              values (app_tenant_id(), ${randomBytes(18).toString('base64url')}, ${now})
              on conflict (tenant_id) do nothing`.execute(trx);
    s = (await sql<Record<string, any>>`select * from notifications_settings`.execute(trx)).rows[0];
  }
  return {
    language: s.language,
    quietHours: s.quiet_start_minute === null ? null : { startMinute: s.quiet_start_minute, endMinute: s.quiet_end_minute },
    notifyOutageCustomers: s.notify_outage_customers,
    notifyRouterErrors: s.notify_router_errors,
    paymentLink: s.payment_link,
    provider: s.provider,
    sealedConfig: s.sealed_config,
    sender: s.sender,
    webhookKey: s.webhook_key,
  };
}

/** The tenant's wording for a kind and language, else the built-in default. */
export async function templateInTransaction(trx: Tx, kind: NotificationKind, language: TemplateLanguage): Promise<{ body: string; isDefault: boolean }> {
  const { rows } = await sql<{ body: string }>`
    select body from notifications_templates where kind = ${kind} and language = ${language}`.execute(trx);
  return rows[0] ? { body: rows[0].body, isDefault: false } : { body: defaultTemplates[kind][language], isDefault: true };
}

/** What {{payment_link}} says when the tenant gave nothing better: "Bayar di kantor kami". */
export const paymentLinkText = (settings: NotificationSettings): string =>
  settings.paymentLink ?? (settings.language === 'id' ? 'kantor kami' : 'our office');
