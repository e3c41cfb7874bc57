import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { Enqueuer } from './enqueue.ts';

/** Which customers a broadcast goes to: active customers, narrowed by any of these. */
export type BroadcastFilter = {
  planId?: string;
  /** Only customers who still owe something (billing's `billing_customer_arrears`). */
  withArrears?: boolean;
  /** Exactly these customers (a selection from the list). */
  customerIds?: string[];
};

type AudienceRow = { customer_id: string; code: string; name: string; phone: string; opted_out: boolean };

/** The filtered set, from the customers and billing read models, with each customer's opt-out. */
async function audience(trx: Tx, filter: BroadcastFilter): Promise<AudienceRow[]> {
  const { rows } = await sql<AudienceRow>`
    select c.customer_id, c.code, c.name, c.phone, o.customer_id is not null as opted_out
    from customers_billable c left join notifications_opt_outs o on o.customer_id = c.customer_id
    where ${filter.planId ? sql`c.plan_id = ${filter.planId}` : sql`true`}
      and ${filter.withArrears ? sql`exists (select 1 from billing_customer_arrears a where a.customer_id = c.customer_id)` : sql`true`}
      and ${filter.customerIds ? sql`c.customer_id = any(${filter.customerIds}::uuid[])` : sql`true`}
    order by c.code`.execute(trx);
  return rows;
}

export type BroadcastPreview = {
  /** Customers the filter selects. */
  matched: number;
  optedOut: number;
  /** Messages that would be queued: matched minus opted out. */
  willSend: number;
  /** The first recipients, to check the filter. */
  sample: { customerId: string; code: string; name: string; phone: string; optedOut: boolean }[];
};

const SAMPLE = 50;

export async function previewBroadcast(trx: Tx, filter: BroadcastFilter): Promise<BroadcastPreview> {
  const rows = await audience(trx, filter);
  const optedOut = rows.filter((r) => r.opted_out).length;
  return {
    matched: rows.length,
    optedOut,
    willSend: rows.length - optedOut,
    sample: rows.slice(0, SAMPLE).map((r) => ({ customerId: r.customer_id, code: r.code, name: r.name, phone: r.phone, optedOut: r.opted_out })),
  };
}

/**
 * Queues one `broadcast` message per selected customer through the normal path: rendered from
 * the tenant's template, opted-out customers recorded as skipped, quiet hours waited out (a
 * broadcast is never urgent), the provider's rate limit kept by the delivery worker.
 */
export async function sendBroadcast(trx: Tx, enqueuer: Enqueuer, input: { filter: BroadcastFilter; message: string }) {
  const broadcastId = newId();
  const rows = await audience(trx, input.filter);
  const counts = await enqueuer.queueDirect(
    trx,
    rows.map((r) => ({
      key: `broadcast/${broadcastId}/customer:${r.customer_id}`,
      eventId: null,
      rule: 'staff-broadcast',
      kind: 'broadcast' as const,
      recipient: {
        type: 'customer' as const,
        id: r.customer_id,
        name: r.name,
        phone: r.phone,
        ...(r.opted_out ? { skipReason: 'The customer opted out of WhatsApp messages.' } : {}),
      },
      values: { message: input.message },
    })),
  );
  return { broadcastId, matched: rows.length, ...counts };
}
