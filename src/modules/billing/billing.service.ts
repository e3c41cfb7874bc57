import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { reserveCounter } from '../../platform/db/counters.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { addDays, dayOfMonth, localDate, monthOf, type IsoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Publish, PublishMany } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { IsolationService } from '../isolation/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import type { billingEvents } from './billing.events.ts';

export const isolationTriggers = ['invoice_due_unpaid', 'invoice_overdue', 'overdue_after_grace_period'] as const;
export type IsolationTrigger = (typeof isolationTriggers)[number];

export type BillingPolicy = {
  billingDay: number;
  dueDays: number;
  graceDays: number;
  isolationTrigger: IsolationTrigger;
  autoIsolate: boolean;
  autoRestore: boolean;
  notifyUnpaid: boolean;
  notifyIsolated: boolean;
  notifyReconnected: boolean;
};

export type InvoiceStatus = 'unpaid' | 'awaiting_setoran' | 'setoran_confirmed' | 'paid' | 'void';
export type Invoice = {
  id: string;
  number: string;
  customerId: string;
  period: IsoDate;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: number;
  description: string;
  status: InvoiceStatus;
  stage: InvoiceStage;
  paidAt: Date | null;
  voidReason: string | null;
};
type InvoiceStage = 'issued' | 'due_unpaid' | 'overdue' | 'grace_expired';

/** Cash or a bank transfer recorded by finance: the full invoice amount. */
export type ManualPayment = { amount: number; method: 'cash' | 'transfer'; note?: string };
export type PaymentSource = 'gateway' | 'finance' | 'manual' | 'collector';
export type PaymentHistoryType = 'gateway' | 'manual' | 'collected_by_collector' | 'setoran_confirmed' | 'deposited' | 'voided';

/** Which invoice stages keep a customer isolated under each trigger. */
const stagesIsolatingUnder: Record<IsolationTrigger, InvoiceStage[]> = {
  invoice_due_unpaid: ['due_unpaid', 'overdue', 'grace_expired'],
  invoice_overdue: ['overdue', 'grace_expired'],
  overdue_after_grace_period: ['grace_expired'],
};

const invoiceColumns = sql`id, number, customer_id, to_char(period, 'YYYY-MM-DD') as period,
  to_char(issue_date, 'YYYY-MM-DD') as issue_date, to_char(due_date, 'YYYY-MM-DD') as due_date,
  amount, description, status, stage, paid_at, void_reason`;

const toInvoice = (r: Record<string, any>): Invoice => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  period: r.period,
  issueDate: r.issue_date,
  dueDate: r.due_date,
  amount: Number(r.amount),
  description: r.description,
  status: r.status,
  stage: r.stage,
  paidAt: r.paid_at,
  voidReason: r.void_reason,
});

/** Name and code from a `customers_billable` left join: null once the customer has left. */
const customerLabel = (r: Record<string, any>) => ({ customerName: r.customer_name as string | null, customerCode: r.customer_code as string | null });

const eventRef = (i: Invoice) => ({ invoiceId: i.id, customerId: i.customerId, number: i.number, amount: i.amount, dueDate: i.dueDate });

export type BillingDeps = {
  db: Database;
  clock: Clock;
  tenants: TenantsService;
  isolation: IsolationService;
  publish: Publish<typeof billingEvents>;
  publishMany: PublishMany<typeof billingEvents>;
};
export type BillingService = ReturnType<typeof createBillingService>;

export function createBillingService(deps: BillingDeps) {
  const { db, clock, tenants, isolation, publish, publishMany } = deps;

  // ---- policy ----

  async function policyInTransaction(trx: Tx): Promise<BillingPolicy> {
    await sql`insert into billing_policies (tenant_id, updated_at) values (app_tenant_id(), ${clock.now()})
              on conflict (tenant_id) do nothing`.execute(trx);
    const { rows } = await sql<Record<string, any>>`select * from billing_policies`.execute(trx);
    const p = rows[0];
    return {
      billingDay: p.billing_day,
      dueDays: p.due_days,
      graceDays: p.grace_days,
      isolationTrigger: p.isolation_trigger,
      autoIsolate: p.auto_isolate,
      autoRestore: p.auto_restore,
      notifyUnpaid: p.notify_unpaid,
      notifyIsolated: p.notify_isolated,
      notifyReconnected: p.notify_reconnected,
    };
  }

  const getPolicy = (tenantId: TenantId) => db.tenant(tenantId, policyInTransaction);

  const updatePolicy = (tenantId: TenantId, change: Partial<BillingPolicy>) =>
    db.tenant(tenantId, async (trx) => {
      const p = { ...(await policyInTransaction(trx)), ...change };
      await sql`update billing_policies set billing_day = ${p.billingDay}, due_days = ${p.dueDays}, grace_days = ${p.graceDays},
        isolation_trigger = ${p.isolationTrigger}, auto_isolate = ${p.autoIsolate}, auto_restore = ${p.autoRestore},
        notify_unpaid = ${p.notifyUnpaid}, notify_isolated = ${p.notifyIsolated}, notify_reconnected = ${p.notifyReconnected},
        updated_at = ${clock.now()}`.execute(trx);
      return p;
    });

  const listExclusions = (tenantId: TenantId) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<{ day: string; reason: string }>`
        select to_char(day, 'YYYY-MM-DD') as day, reason from billing_isolation_exclusions order by day`.execute(trx);
      return rows;
    });

  const addExclusion = (tenantId: TenantId, day: IsoDate, reason: string) =>
    db.tenant(tenantId, async (trx) => {
      await sql`insert into billing_isolation_exclusions (tenant_id, day, reason) values (app_tenant_id(), ${day}, ${reason})
                on conflict (tenant_id, day) do update set reason = excluded.reason`.execute(trx);
    });

  const removeExclusion = (tenantId: TenantId, day: IsoDate) =>
    db.tenant(tenantId, async (trx) => {
      await sql`delete from billing_isolation_exclusions where day = ${day}`.execute(trx);
    });

  // ---- invoices ----

  /**
   * Issues this period's invoices to every active customer that has none yet (idempotent: one
   * invoice per customer per period, however often it runs). Customers activated during the
   * period pay pro rata for the days they have. Runs daily; issues from the billing day on.
   */
  const generateInvoices = (tenantId: TenantId, options: { period?: IsoDate } = {}) =>
    db.tenant(tenantId, async (trx) => {
      // One generator per tenant at a time, so numbering has no gaps and no race.
      await sql`select pg_advisory_xact_lock(hashtext('billing.generate:' || app_tenant_id()::text))`.execute(trx);
      const policy = await policyInTransaction(trx);
      const today = localDate(clock.now(), await tenants.timeZoneInTransaction(trx));
      const period = options.period ?? monthOf(today);
      const issueDate = dayOfMonth(period, policy.billingDay);
      if (!options.period && today < issueDate) return { issued: 0, period };
      const dueDate = addDays(issueDate, policy.dueDays);
      const lastDay = addDays(monthOf(addDays(period, 32)), -1);

      const candidates = sql`
        select c.customer_id, c.plan_name, c.monthly_price, c.activated_on,
               row_number() over (order by c.code) as n
        from customers_billable c
        where c.activated_on <= ${lastDay}::date
          and not exists (select 1 from billing_invoices i where i.customer_id = c.customer_id and i.period = ${period}::date)`;
      const { rows: counted } = await sql<{ count: number }>`select count(*)::int as count from (${candidates}) x`.execute(trx);
      const count = counted[0].count;
      if (count === 0) return { issued: 0, period };
      const yearMonth = period.slice(0, 7).replace('-', '/');
      const first = await reserveCounter(trx, `invoice:${period.slice(0, 4)}`, count);
      const { rows } = await sql<Record<string, any>>`
        insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, created_at)
        select gen_random_uuid(), app_tenant_id(),
               ${`INV/${yearMonth}/`} || lpad((${first} + n - 1)::text, 5, '0'),
               customer_id, ${period}::date, ${issueDate}::date, ${dueDate}::date,
               case when activated_on <= ${period}::date then monthly_price
                    else round(monthly_price * (${lastDay}::date - activated_on + 1)::numeric
                               / extract(day from ${lastDay}::date))::bigint end,
               plan_name || ' ' || ${yearMonth} ||
                 case when activated_on > ${period}::date then ' (prorata dari ' || to_char(activated_on, 'DD/MM') || ')' else '' end,
               ${clock.now()}
        from (${candidates}) c
        returning ${invoiceColumns}`.execute(trx);
      const issued = rows.map(toInvoice);
      await publishMany(
        trx,
        'billing.invoice.issued',
        issued.map((i) => ({ data: { ...eventRef(i), period: i.period }, key: i.customerId })),
      );
      return { issued: issued.length, period };
    });

  const listInvoices = (tenantId: TenantId, filter: { status?: InvoiceStatus; customerId?: string; limit: number; offset: number }) =>
    db.tenant(tenantId, async (trx) => {
      const where = sql`${filter.status ? sql`status = ${filter.status}` : sql`true`}
        and ${filter.customerId ? sql`customer_id = ${filter.customerId}` : sql`true`}`;
      // Names come from the customers module's read model; a left join keeps the invoices of
      // customers who left (the view lists active customers only), with no name.
      const [{ rows }, { rows: total }] = await Promise.all([
        sql<Record<string, any>>`select i.*, c.name as customer_name, c.code as customer_code
          from (select ${invoiceColumns} from billing_invoices where ${where}
                order by due_date desc, number desc limit ${filter.limit} offset ${filter.offset}) i
          left join customers_billable c on c.customer_id = i.customer_id
          order by i.due_date desc, i.number desc`.execute(trx),
        sql<{ n: number }>`select count(*)::int as n from billing_invoices where ${where}`.execute(trx),
      ]);
      return { items: rows.map((r) => ({ ...toInvoice(r), ...customerLabel(r) })), total: total[0].n };
    });

  async function getInvoiceInTransaction(trx: Tx, invoiceId: string, options: { lock?: boolean } = {}) {
    const { rows } = await sql<Record<string, any>>`
      select ${invoiceColumns} from billing_invoices where id = ${invoiceId} ${options.lock ? sql`for update` : sql``}`.execute(trx);
    if (!rows[0]) throw new AppError('NOT_FOUND', 'No such invoice.');
    return toInvoice(rows[0]);
  }

  const getInvoice = (tenantId: TenantId, invoiceId: string) =>
    db.tenant(tenantId, async (trx) => {
      const invoice = await getInvoiceInTransaction(trx, invoiceId);
      const { rows } = await sql<Record<string, any>>`
        select id, type, amount, actor_user_id, reference, created_at from billing_payment_history
        where invoice_id = ${invoiceId} order by created_at`.execute(trx);
      const line = (await isolation.linesInTransaction(trx, [invoice.customerId])).get(invoice.customerId) ?? null;
      return {
        ...invoice,
        history: rows.map((r) => ({
          id: r.id as string,
          type: r.type as PaymentHistoryType,
          amount: Number(r.amount),
          actorUserId: r.actor_user_id as string | null,
          reference: r.reference as string | null,
          createdAt: r.created_at as Date,
        })),
        // What the billing screen needs to show "unisolate" after payment.
        customerLine: line ? { desiredState: line.desiredState, restoreEligible: line.restoreEligible } : { desiredState: 'active' as const, restoreEligible: false },
      };
    });

  async function voidInvoiceInTransaction(trx: Tx, actorUserId: string, invoiceId: string, reason: string) {
    const invoice = await getInvoiceInTransaction(trx, invoiceId, { lock: true });
    if (invoice.status !== 'unpaid') {
      throw new AppError('CONFLICT', `Only an unpaid invoice can be voided; this one is ${invoice.status}.`);
    }
    await sql`update billing_invoices set status = 'void', void_reason = ${reason} where id = ${invoiceId}`.execute(trx);
    await addHistory(trx, invoice, 'voided', 0, actorUserId, reason);
    await publish(trx, 'billing.invoice.voided', { ...eventRef(invoice), reason }, { key: invoice.customerId });
    return getInvoiceInTransaction(trx, invoiceId);
  }

  const addHistory = (trx: Tx, invoice: Invoice, type: PaymentHistoryType, amount: number, actorUserId: string | null, reference: string | null) =>
    sql`insert into billing_payment_history (id, tenant_id, invoice_id, customer_id, type, amount, actor_user_id, reference, created_at)
        values (${newId()}, app_tenant_id(), ${invoice.id}, ${invoice.customerId}, ${type}, ${amount}, ${actorUserId}, ${reference}, ${clock.now()})`.execute(trx);

  // ---- payments ----

  /**
   * Marks an invoice paid inside the caller's transaction: the invoice row is locked, the
   * amount must match, the payment and its history entry are written, and `paid` plus
   * `payment confirmed` are published. A provider reference that was already recorded
   * returns the earlier payment (a repeated notification pays nothing twice).
   */
  async function payInTransaction(
    trx: Tx,
    input: {
      invoiceId: string;
      amount: number;
      source: PaymentSource;
      method: 'cash' | 'transfer' | 'gateway' | 'collector';
      provider?: string | null;
      providerRef?: string | null;
      actorUserId?: string | null;
      note?: string | null;
      historyType: PaymentHistoryType;
    },
  ): Promise<{ paymentId: string; duplicate: boolean; invoice: Invoice }> {
    const invoice = await getInvoiceInTransaction(trx, input.invoiceId, { lock: true });
    if (input.provider && input.providerRef) {
      const { rows } = await sql<{ id: string }>`
        select id from billing_payments where provider = ${input.provider} and provider_ref = ${input.providerRef}`.execute(trx);
      if (rows[0]) return { paymentId: rows[0].id, duplicate: true, invoice };
    }
    if (invoice.status === 'paid') throw new AppError('INVOICE_ALREADY_PAID', `Invoice ${invoice.number} is already paid.`);
    if (invoice.status === 'void') throw new AppError('CONFLICT', `Invoice ${invoice.number} is void.`);
    if (input.amount !== invoice.amount) {
      throw new AppError('PAYMENT_AMOUNT_MISMATCH', `Invoice ${invoice.number} is Rp ${invoice.amount}; the payment is Rp ${input.amount}.`, {
        fields: { amount: 'mismatch' },
        expected: invoice.amount,
        received: input.amount,
      });
    }
    const paymentId = newId();
    const now = clock.now();
    await sql`insert into billing_payments (id, tenant_id, invoice_id, amount, method, provider, provider_ref, recorded_by, received_at, note)
      values (${paymentId}, app_tenant_id(), ${invoice.id}, ${input.amount}, ${input.method}, ${input.provider ?? null},
              ${input.providerRef ?? null}, ${input.actorUserId ?? null}, ${now}, ${input.note ?? null})`.execute(trx);
    await sql`update billing_invoices set status = 'paid', paid_at = ${now} where id = ${invoice.id}`.execute(trx);
    await addHistory(trx, invoice, input.historyType, input.amount, input.actorUserId ?? null, input.providerRef ?? input.note ?? null);
    await publish(
      trx,
      'billing.payment.confirmed',
      { paymentId, invoiceId: invoice.id, customerId: invoice.customerId, amount: input.amount, source: input.source, provider: input.provider ?? null },
      { key: invoice.customerId },
    );
    await publish(trx, 'billing.invoice.paid', { ...eventRef(invoice), paymentId, source: input.source }, { key: invoice.customerId });
    return { paymentId, duplicate: false, invoice: { ...invoice, status: 'paid', paidAt: now } };
  }

  /**
   * Finance or admin records cash or a bank transfer, inside the caller's transaction (the
   * route's, which stores the answer to an Idempotency-Key with it).
   */
  async function recordPaymentInTransaction(trx: Tx, actorUserId: string, invoiceId: string, input: ManualPayment) {
    const { paymentId } = await payInTransaction(trx, {
      invoiceId,
      amount: input.amount,
      source: 'finance',
      method: input.method,
      actorUserId,
      note: input.note,
      historyType: 'manual',
    });
    return { paymentId, invoice: await getInvoiceInTransaction(trx, invoiceId) };
  }

  const recordPayment = (tenantId: TenantId, actorUserId: string, invoiceId: string, input: ManualPayment) =>
    db.tenant(tenantId, (trx) => recordPaymentInTransaction(trx, actorUserId, invoiceId, input));

  // ---- the daily scan (auto_isolir_worker) ----

  /**
   * One tenant's daily scan, in its local day: moves unpaid invoices through due → overdue →
   * grace expired (each step announced once, even after days of downtime), and isolates the
   * customers the tenant's trigger makes eligible, unless today is an exclusion date.
   * Set-based: a handful of statements whatever the number of customers.
   */
  const runDailyScan = (tenantId: TenantId) =>
    db.tenant(tenantId, async (trx) => {
      const policy = await policyInTransaction(trx);
      const today = localDate(clock.now(), await tenants.timeZoneInTransaction(trx));
      const advance = async (from: InvoiceStage, to: InvoiceStage, reachedBy: string) => {
        const { rows } = await sql<Record<string, any>>`
          update billing_invoices set stage = ${to}
          where status = 'unpaid' and stage = ${from} and ${sql.raw(reachedBy)} <= ${today}::date
          returning ${invoiceColumns}`.execute(trx);
        return rows.map(toInvoice);
      };
      const dueUnpaid = await advance('issued', 'due_unpaid', 'due_date');
      const overdue = await advance('due_unpaid', 'overdue', 'due_date + 1');
      const graceExpired = await advance('overdue', 'grace_expired', `due_date + 1 + ${Number(policy.graceDays)}`);

      const { rows: excluded } = await sql<{ reason: string }>`
        select reason from billing_isolation_exclusions where day = ${today}::date`.execute(trx);
      let isolatedNow: { customerId: string }[] = [];
      if (policy.autoIsolate && excluded.length === 0) {
        const { rows: eligible } = await sql<{ customer_id: string; invoice_id: string; number: string }>`
          select distinct on (customer_id) customer_id, id as invoice_id, number
          from billing_invoices
          where status = 'unpaid' and stage = any(${stagesIsolatingUnder[policy.isolationTrigger]}::text[])
          order by customer_id, due_date`.execute(trx);
        isolatedNow = await isolation.isolateInTransaction(
          trx,
          eligible.map((e) => ({
            customerId: e.customer_id,
            invoiceId: e.invoice_id,
            trigger: policy.isolationTrigger,
            reason: `Tagihan ${e.number} belum dibayar`,
          })),
          { type: 'system', userId: null },
        );
      }

      // Every transition is published (handlers may need each one), but when this scan takes an
      // invoice through several stages (after downtime, or back-dated), or isolates its customer,
      // only the latest is news to a person: the earlier ones are marked superseded.
      const isolatedCustomers = new Set(isolatedNow.map((c) => c.customerId));
      const announce = (invoices: Invoice[], movedFurther: Invoice[]) => {
        const further = new Set(movedFurther.map((i) => i.id));
        return invoices.map((i) => ({ data: { ...eventRef(i), superseded: further.has(i.id) || isolatedCustomers.has(i.customerId) }, key: i.customerId }));
      };
      await publishMany(trx, 'billing.invoice.due_unpaid', announce(dueUnpaid, overdue));
      await publishMany(trx, 'billing.invoice.overdue', announce(overdue, graceExpired));
      await publishMany(
        trx,
        'billing.invoice.grace_expired',
        announce(graceExpired, []).map((e) => ({ ...e, data: { ...e.data, graceDays: policy.graceDays } })),
      );
      return {
        today,
        dueUnpaid: dueUnpaid.length,
        overdue: overdue.length,
        graceExpired: graceExpired.length,
        isolated: isolatedNow.length,
        skippedIsolation: excluded[0] ? `exclusion date: ${excluded[0].reason}` : policy.autoIsolate ? null : 'auto-isolate is off',
      };
    });

  // ---- restore after payment (payment_to_unisolate_flow) ----

  /** Numbers of the customer's unpaid invoices that keep the line isolated under the tenant's trigger, oldest first. */
  async function invoicesHoldingLine(trx: Tx, customerId: string, policy: BillingPolicy): Promise<string[]> {
    const { rows } = await sql<{ number: string }>`
      select number from billing_invoices where customer_id = ${customerId} and status = 'unpaid'
        and stage = any(${stagesIsolatingUnder[policy.isolationTrigger]}::text[]) order by due_date`.execute(trx);
    return rows.map((r) => r.number);
  }

  /**
   * After an invoice is paid: if the customer is isolated and no other invoice keeps them
   * isolated, restore them (auto-restore on) or mark them eligible for staff to restore.
   */
  async function restoreAfterPayment(trx: Tx, event: { invoiceId: string; customerId: string; number: string }) {
    const line = (await isolation.linesInTransaction(trx, [event.customerId])).get(event.customerId);
    if (!line || line.desiredState !== 'isolated') return 'not_isolated' as const;
    const policy = await policyInTransaction(trx);
    const holding = await invoicesHoldingLine(trx, event.customerId, policy);
    if (holding.length > 0 || !policy.autoRestore) {
      await isolation.markRestoreEligible(trx, event.customerId);
      return holding.length > 0 ? ('still_held' as const) : ('eligible' as const);
    }
    await isolation.restoreInTransaction(
      trx,
      [{ customerId: event.customerId, invoiceId: event.invoiceId, trigger: 'payment_confirmed', reason: `Tagihan ${event.number} lunas` }],
      { type: 'system', userId: null },
    );
    return 'restored' as const;
  }

  /** Staff restore by hand (the unisolate button), refused while an unpaid invoice still holds the line. */
  const restoreByStaff = (tenantId: TenantId, actorUserId: string, customerId: string, reason: string, options: { force: boolean }) =>
    db.tenant(tenantId, async (trx) => {
      if (!options.force) {
        const holding = await invoicesHoldingLine(trx, customerId, await policyInTransaction(trx));
        if (holding.length > 0) {
          throw new AppError('CONFLICT', `Invoice ${holding.join(', ')} is still unpaid. Record the payment first, or restore with force.`, {
            unpaidInvoices: holding,
          });
        }
      }
      const changed = await isolation.restoreInTransaction(trx, [{ customerId, invoiceId: null, trigger: 'manual', reason }], {
        type: 'staff',
        userId: actorUserId,
      });
      if (changed.length === 0) throw new AppError('CONFLICT', 'The customer is not isolated.');
    });

  const paymentHistory = (tenantId: TenantId, filter: { customerId?: string; limit: number }) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<Record<string, any>>`
        select h.id, h.invoice_id, i.number, h.customer_id, c.name as customer_name, c.code as customer_code,
               h.type, h.amount, h.actor_user_id, h.reference, h.created_at
        from billing_payment_history h join billing_invoices i on i.id = h.invoice_id
        left join customers_billable c on c.customer_id = h.customer_id
        where ${filter.customerId ? sql`h.customer_id = ${filter.customerId}` : sql`true`}
        order by h.created_at desc limit ${filter.limit}`.execute(trx);
      return rows.map((r) => ({
        id: r.id as string,
        invoiceId: r.invoice_id as string,
        invoiceNumber: r.number as string,
        customerId: r.customer_id as string,
        ...customerLabel(r),
        type: r.type as PaymentHistoryType,
        amount: Number(r.amount),
        actorUserId: r.actor_user_id as string | null,
        reference: r.reference as string | null,
        createdAt: r.created_at as Date,
      }));
    });

  return {
    getPolicy,
    policyInTransaction,
    updatePolicy,
    listExclusions,
    addExclusion,
    removeExclusion,
    generateInvoices,
    listInvoices,
    getInvoice,
    getInvoiceInTransaction,
    voidInvoiceInTransaction,
    payInTransaction,
    recordPaymentInTransaction,
    recordPayment,
    runDailyScan,
    restoreAfterPayment,
    restoreByStaff,
    paymentHistory,
  };
}
