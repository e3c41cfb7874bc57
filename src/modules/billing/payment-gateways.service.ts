import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { ProviderUrlOverrides } from '../../platform/config/env.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { AppError, isAppError, type AppErrorCode } from '../../platform/errors/app-error.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { TenantsService } from '../tenants/index.ts';
import type { billingEvents } from './billing.events.ts';
import type { BillingService } from './billing.service.ts';
import {
  createPaymentGateway,
  parsePaymentGatewayConfig,
  parsePaymentGatewayInput,
  type PaymentGatewayConfig,
  type PaymentNotification,
  type PaymentProvider,
} from './gateways/index.ts';
import { billingErrors } from './billing.errors.ts';

/** Fields of a provider config that are secrets: stored sealed, shown masked. */
const secretFields = ['serverKey', 'secretKey', 'callbackToken', 'apiKey', 'privateKey'];
const mask = (config: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretFields.includes(k) && typeof v === 'string' ? `••••${v.slice(-4)}` : v]));

const PAYMENT_LINK_TTL_HOURS = 72;

/** How much of a notification that failed verification the log keeps: enough to debug a misconfigured provider, too little to fill the database. */
export const UNVERIFIED_BODY_LOG_BYTES = 2_048;

/**
 * What to answer the provider. `acknowledged` tells it to stop delivering (we took the
 * notification, whatever became of it); otherwise it is refused with `httpStatus` and `code`, and
 * the provider retries: right for a forgery, and for what a retry can still fix (a tenant or an
 * account not set up yet, a payment link whose row commits a moment after the provider knew it).
 */
export type NotificationOutcome =
  | { acknowledged: true; outcome: string; code?: AppErrorCode; message: string }
  | { acknowledged: false; httpStatus: number; outcome: string; code: AppErrorCode; message: string };

/**
 * The log's copy of a body: whole once verified (the route caps its size), a prefix otherwise.
 * NUL bytes are dropped (PostgreSQL text cannot hold them; valid JSON has none).
 */
const loggedBody = (rawBody: Buffer, verified: boolean) =>
  (verified ? rawBody : rawBody.subarray(0, UNVERIFIED_BODY_LOG_BYTES)).toString('utf8').replaceAll('\0', '');

export type PaymentGatewaysService = ReturnType<typeof createPaymentGatewaysService>;

/**
 * The billing side of payment providers: each tenant's accounts (credentials sealed at rest),
 * payment links for invoices, and provider notifications turned into payments. Provider HTTP
 * calls never happen inside a database transaction.
 */
export function createPaymentGatewaysService(deps: {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  tenants: TenantsService;
  billing: BillingService;
  publish: Publish<typeof billingEvents>;
  fetch?: typeof fetch;
  providerUrls?: ProviderUrlOverrides;
}) {
  const { db, clock, secrets, tenants, billing, publish } = deps;
  const gatewayFor = (config: PaymentGatewayConfig) => createPaymentGateway(config, { clock, fetch: deps.fetch, providerUrls: deps.providerUrls });

  async function accountInTransaction(trx: Tx, provider: PaymentProvider): Promise<PaymentGatewayConfig | null> {
    const { rows } = await sql<{ sealed_config: string }>`
      select sealed_config from billing_gateway_accounts where provider = ${provider} and is_active`.execute(trx);
    return rows[0] ? parsePaymentGatewayConfig(JSON.parse(secrets.open(rows[0].sealed_config))) : null;
  }

  const saveAccount = (tenantId: TenantId, provider: PaymentProvider, input: Record<string, unknown>) => {
    const config = parsePaymentGatewayInput({ ...input, provider });
    return db.tenant(tenantId, async (trx) => {
      await sql`insert into billing_gateway_accounts (tenant_id, provider, sealed_config, updated_at)
        values (app_tenant_id(), ${provider}, ${secrets.seal(JSON.stringify(config))}, ${clock.now()})
        on conflict (tenant_id, provider) do update set sealed_config = excluded.sealed_config, is_active = true, updated_at = excluded.updated_at`.execute(trx);
      return { provider, config: mask(config) };
    });
  };

  const listAccounts = (tenantId: TenantId) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<{ provider: PaymentProvider; sealed_config: string; is_active: boolean }>`
        select provider, sealed_config, is_active from billing_gateway_accounts order by provider`.execute(trx);
      return rows.map((r) => ({ provider: r.provider, isActive: r.is_active, config: mask(JSON.parse(secrets.open(r.sealed_config))) }));
    });

  /** A link the customer pays through; a new order id each time (providers refuse a reused one). */
  async function createPaymentLink(tenantId: TenantId, invoiceId: string, provider: PaymentProvider) {
    const prepared = await db.tenant(tenantId, async (trx) => {
      const invoice = await billing.getInvoiceInTransaction(trx, invoiceId);
      if (invoice.status !== 'unpaid') throw new AppError('CONFLICT', `Invoice ${invoice.number} is ${invoice.status}; only an unpaid invoice gets a payment link.`);
      const config = await accountInTransaction(trx, provider);
      if (!config) throw new AppError('NOT_FOUND', `No ${provider} account is set up for this tenant.`, { fields: { provider: 'not_configured' } });
      const { rows } = await sql<{ name: string; phone: string }>`
        select name, phone from customers_billable where customer_id = ${invoice.customerId}`.execute(trx);
      return { invoice, config, customer: rows[0] ?? { name: 'Pelanggan', phone: '' } };
    });
    const orderId = `${prepared.invoice.number.replaceAll('/', '-')}-${randomBytes(3).toString('hex')}`;
    const link = await gatewayFor(prepared.config).createPaymentLink({
      orderId,
      amount: prepared.invoice.amount,
      customer: prepared.customer,
      description: prepared.invoice.description,
      expiresAt: new Date(clock.now().getTime() + PAYMENT_LINK_TTL_HOURS * 3_600_000),
    });
    await db.tenant(tenantId, (trx) =>
      sql`insert into billing_payment_links (order_id, tenant_id, invoice_id, provider, url, amount, expires_at, created_at)
        values (${orderId}, app_tenant_id(), ${invoiceId}, ${provider}, ${link.url}, ${prepared.invoice.amount}, ${link.expiresAt}, ${clock.now()})`.execute(trx),
    );
    return { orderId, url: link.url, expiresAt: link.expiresAt };
  }

  /**
   * A provider's notification: authenticated on its raw bytes, recorded whatever its fate, and
   * applied at most once (deduplicated by the provider's transaction reference). Returns what to
   * answer the provider (see NotificationOutcome).
   */
  async function handleNotification(input: {
    provider: PaymentProvider;
    tenantSlug: string;
    headers: Record<string, string | string[] | undefined>;
    rawBody: Buffer;
  }): Promise<NotificationOutcome> {
    const tenantId = await tenants.findIdBySlug(input.tenantSlug);
    if (!tenantId) return { acknowledged: false, httpStatus: 404, outcome: 'unknown_tenant', code: 'NOT_FOUND', message: 'No such tenant.' };
    return db.tenant(tenantId, async (trx) => {
      let verified = false; // until the signature holds, the log keeps only a prefix of the body
      const record = (outcome: string, orderId: string | null, detail: string | null) =>
        sql`insert into billing_gateway_notifications (id, tenant_id, provider, order_id, outcome, detail, raw_body, received_at)
          values (${newId()}, app_tenant_id(), ${input.provider}, ${orderId}, ${outcome}, ${detail},
                  ${loggedBody(input.rawBody, verified)}, ${clock.now()})`.execute(trx);
      const config = await accountInTransaction(trx, input.provider);
      if (!config) {
        await record('no_account', null, null);
        return { acknowledged: false, httpStatus: 404, outcome: 'no_account', code: 'NOT_FOUND', message: `No ${input.provider} account is set up for this tenant.` };
      }
      let notification: PaymentNotification;
      try {
        notification = gatewayFor(config).verifyNotification({ headers: input.headers, rawBody: input.rawBody });
      } catch (error) {
        if (!isAppError(error)) throw error;
        await record(error.code === billingErrors.PAYMENT_SIGNATURE_INVALID ? 'signature_invalid' : 'invalid', null, error.message);
        return { acknowledged: false, httpStatus: error.httpStatus, outcome: 'rejected', code: error.code, message: error.message };
      }
      verified = true;
      const { rows: links } = await sql<{ invoice_id: string }>`
        select invoice_id from billing_payment_links where order_id = ${notification.orderId} and provider = ${input.provider}`.execute(trx);
      if (!links[0]) {
        await record('unknown_order', notification.orderId, null);
        return { acknowledged: false, httpStatus: 404, outcome: 'unknown_order', code: 'NOT_FOUND', message: `No payment link with order id ${notification.orderId}.` };
      }
      const invoiceId = links[0].invoice_id;
      if (notification.status === 'failed' || notification.status === 'expired') {
        const invoice = await billing.getInvoiceInTransaction(trx, invoiceId);
        await publish(trx, 'billing.payment.failed', {
          invoiceId,
          customerId: invoice.customerId,
          provider: input.provider,
          orderId: notification.orderId,
          status: notification.status,
        });
        await record(notification.status, notification.orderId, null);
        return { acknowledged: true, outcome: notification.status, message: 'Recorded.' };
      }
      if (notification.status !== 'paid') {
        await record(notification.status, notification.orderId, null);
        return { acknowledged: true, outcome: notification.status, message: 'Recorded; nothing to apply.' };
      }
      try {
        const paid = await billing.payInTransaction(trx, {
          invoiceId,
          amount: notification.amount,
          source: 'gateway',
          method: 'gateway',
          provider: input.provider,
          providerRef: notification.providerRef,
          historyType: 'gateway',
        });
        await record(paid.duplicate ? 'duplicate' : 'paid', notification.orderId, notification.providerRef);
        return { acknowledged: true, outcome: paid.duplicate ? 'duplicate' : 'paid', message: paid.duplicate ? 'Already applied.' : 'Invoice paid.' };
      } catch (error) {
        // Unpayable for good (wrong amount, paid by other means, voided): every retry would bring the
        // same bytes to the same invoice, so it is acknowledged (a 4xx would have the provider retry
        // for hours or days) and left in the log for finance to settle with the customer.
        if (!isAppError(error) || (error.code !== billingErrors.PAYMENT_AMOUNT_MISMATCH && error.code !== billingErrors.INVOICE_ALREADY_PAID && error.code !== 'CONFLICT')) throw error;
        await record(error.code === billingErrors.PAYMENT_AMOUNT_MISMATCH ? 'amount_mismatch' : 'not_payable', notification.orderId, error.message);
        return { acknowledged: true, outcome: 'refused', code: error.code, message: error.message };
      }
    });
  }

  const listNotifications = (tenantId: TenantId, limit: number) =>
    db.tenant(tenantId, async (trx) => {
      const rows = await trx
        .selectFrom('billing_gateway_notifications')
        .select(['id', 'provider', 'order_id', 'outcome', 'detail', 'received_at'])
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, provider: r.provider, orderId: r.order_id, outcome: r.outcome, detail: r.detail, receivedAt: r.received_at }));
    });

  return { saveAccount, listAccounts, createPaymentLink, handleNotification, listNotifications };
}
