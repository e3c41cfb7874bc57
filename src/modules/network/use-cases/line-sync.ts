import { sql } from 'kysely';
import { asTenantId, type TenantId, type Tx } from '../../../platform/db/database.ts';
import { removeRadiusLine, syncRadiusLine, type RadiusIsolationPolicy } from '../radius/index.ts';
import { isolationOf, type NetworkContext, type RouterRow } from './router-access.ts';

export type LineSync = {
  customerId: string;
  code: string;
  name: string;
  routerId: string;
  desiredState: 'active' | 'isolated';
  appliedState: 'active' | 'isolated' | null;
  status: 'pending' | 'in_sync' | 'failed';
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
  inSyncAt: Date | null;
};

/** A network_radius_lines row: a PPPoE line on a RADIUS router, with that router's isolation reply. */
type RadiusLineRow = Pick<
  RouterRow,
  'isolation_address_list' | 'radius_isolation_address_list' | 'radius_isolation_pool' | 'radius_isolation_download_kbps' | 'radius_isolation_upload_kbps'
> & {
  tenant_id: string;
  customer_id: string;
  username: string;
  password: string;
  router_profile: string;
  download_kbps: number;
  upload_kbps: number;
  desired_state: 'active' | 'isolated';
  router_id: string;
};

type LineSyncRow = {
  customer_id: string;
  code: string;
  name: string;
  router_id: string;
  desired_state: LineSync['desiredState'];
  applied_state: LineSync['appliedState'];
  status: LineSync['status'];
  attempts: number;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  last_error: string | null;
  in_sync_at: Date | null;
};

/** The router's isolation reply as RADIUS rows take it (its own group per router). */
const radiusIsolationPolicy = (r: RadiusLineRow): RadiusIsolationPolicy => {
  const reply = isolationOf(r);
  return {
    routerId: r.router_id,
    addressList: reply.addressList ? r.isolation_address_list : undefined,
    framedPool: reply.framedPool ?? undefined,
    rateLimit: reply.rateLimit ?? undefined,
  };
};

/**
 * Lines marked pending when their desired state may have changed, and what the operator sees of
 * them. Database effects only: the converge pass does the router I/O.
 */
export function createLineSync({ db, clock }: NetworkContext) {
  /**
   * Marks customers' lines pending because their desired state may have changed (isolation,
   * restore, plan or router change). A database effect only: the worker does the router I/O.
   */
  async function markLinesPending(trx: Tx, customerIds: string[]) {
    if (customerIds.length === 0) return;
    const now = clock.now();
    // The upsert locks each line's sync row until commit (in id order: no deadlocks between two
    // batches). Two handlers of one customer's events (created, then isolated a moment later) thus
    // take turns, and the RADIUS rows below are written from a desired state read after the other
    // one committed: a handler that read the older state can never have the last word.
    // (What the router holds for the line, `line_*`, is recorded by the converge pass once the router confirmed it.)
    await sql`
      insert into network_line_sync as s (customer_id, tenant_id, router_id, status, next_attempt_at, updated_at)
      select d.customer_id, d.tenant_id, d.router_id, 'pending', ${now}, ${now}
      from network_desired_lines d where d.customer_id = any(${customerIds}::uuid[])
      order by d.customer_id
      on conflict (customer_id) do update set router_id = excluded.router_id, status = 'pending',
        desired_version = s.desired_version + 1, attempts = 0, next_attempt_at = ${now}, updated_at = ${now}`.execute(trx);
    // A line whose customer left (terminated, or no router any more) is due once more on the router
    // it was on: the converge pass removes what Simpul put there, then the row.
    await sql`
      update network_line_sync s set status = 'pending', desired_version = s.desired_version + 1, attempts = 0,
        next_attempt_at = ${now}, updated_at = ${now}
      where s.customer_id = any(${customerIds}::uuid[])
        and not exists (select 1 from network_desired_lines d where d.customer_id = s.customer_id)`.execute(trx);
    await syncRadius(trx, customerIds);
    await sql`select pg_notify('network_converge', '')`.execute(trx);
  }

  /**
   * RADIUS rows follow the desired state at once (a database effect): the next login already
   * gets the right attributes. Lines that left a RADIUS router lose their rows.
   */
  async function syncRadius(trx: Tx, customerIds: string[]) {
    const { rows } = await sql<RadiusLineRow>`
      select * from network_radius_lines where customer_id = any(${customerIds}::uuid[])`.execute(trx);
    for (const r of rows) {
      await syncRadiusLine(
        trx,
        asTenantId(r.tenant_id),
        {
          customerId: r.customer_id,
          username: r.username,
          password: r.password,
          plan: { profile: r.router_profile, downloadKbps: r.download_kbps, uploadKbps: r.upload_kbps },
          isolated: r.desired_state === 'isolated',
        },
        radiusIsolationPolicy(r),
      );
    }
    const synced = new Set(rows.map((r) => r.customer_id));
    for (const customerId of customerIds.filter((id) => !synced.has(id))) await removeRadiusLine(trx, customerId);
  }

  /** A plan's speeds or profile changed: every line on it is re-checked (RADIUS rows rewritten, sessions told). */
  async function markPlanLinesPending(trx: Tx, planId: string) {
    const { rows } = await sql<{ customer_id: string }>`select customer_id from network_desired_lines where plan_id = ${planId}`.execute(trx);
    await markLinesPending(trx, rows.map((r) => r.customer_id));
  }

  /** Periodic reconcile: every line of the tenant is compared with its router again (repairs hand edits). */
  const reconcileTenant = (tenantId: TenantId) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<{ customer_id: string }>`select customer_id from network_desired_lines`.execute(trx);
      await markLinesPending(trx, rows.map((r) => r.customer_id));
      return { lines: rows.length };
    });

  const listLines = (tenantId: TenantId, filter: { routerId?: string; status?: LineSync['status']; limit: number }) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<LineSyncRow>`
        select s.*, d.code, d.name, d.desired_state from network_line_sync s
        join network_desired_lines d on d.customer_id = s.customer_id
        where ${filter.routerId ? sql`s.router_id = ${filter.routerId}` : sql`true`}
          and ${filter.status ? sql`s.status = ${filter.status}` : sql`true`}
        order by s.status <> 'failed', s.updated_at desc limit ${filter.limit}`.execute(trx);
      return rows.map(
        (r): LineSync => ({
          customerId: r.customer_id,
          code: r.code,
          name: r.name,
          routerId: r.router_id,
          desiredState: r.desired_state,
          appliedState: r.applied_state,
          status: r.status,
          attempts: r.attempts,
          lastAttemptAt: r.last_attempt_at,
          nextAttemptAt: r.next_attempt_at,
          lastError: r.last_error,
          inSyncAt: r.in_sync_at,
        }),
      );
    });

  /**
   * One line's convergence in the caller's transaction: what the router last confirmed
   * (`appliedState`) against what is wanted; null when the line has no router.
   */
  async function lineSyncInTransaction(trx: Tx, customerId: string): Promise<Pick<LineSync, 'desiredState' | 'appliedState' | 'status'> | null> {
    const { rows } = await sql<Pick<LineSyncRow, 'desired_state' | 'applied_state' | 'status'>>`
      select d.desired_state, s.applied_state, s.status from network_line_sync s
      join network_desired_lines d on d.customer_id = s.customer_id where s.customer_id = ${customerId}`.execute(trx);
    return rows[0] ? { desiredState: rows[0].desired_state, appliedState: rows[0].applied_state, status: rows[0].status } : null;
  }

  return { markLinesPending, markPlanLinesPending, reconcileTenant, listLines, lineSyncInTransaction };
}
