import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { reserveCounter } from '../../platform/db/counters.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { columnsToSet, requireSomethingToUpdate } from '../../platform/db/updates.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeIndonesianPhone, phoneSearchDigits } from '../../platform/phone.ts';
import type { PlansService } from '../plans/index.ts';
import { customerErrors } from './customers.errors.ts';
import type { customerEvents } from './customers.events.ts';

export type ConnectionType = 'pppoe' | 'static' | 'dhcp';
/** active: billed and online; suspended (cuti): billing paused, the line disabled; terminated (berhenti): gone from the router. */
export type CustomerStatus = 'active' | 'suspended' | 'terminated';
export const customerStatuses = ['active', 'suspended', 'terminated'] as const satisfies readonly CustomerStatus[];

export type Customer = {
  id: string;
  code: string;
  name: string;
  phone: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  planId: string;
  connectionType: ConnectionType;
  pppoeUsername: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  routerId: string | null;
  status: CustomerStatus;
  activatedOn: string;
};
/** What the customer still owes (billing's read model `billing_customer_arrears`). */
export type CustomerArrears = { arrears: number; unpaidInvoices: number };
/** Fields only tenant staff with customers.manage read; never the platform (no grant). */
export type CustomerPrivate = { idCardNumber: string | null; pppoePassword: string | null; notes: string | null };

export type CustomerInput = {
  code?: string;
  name: string;
  phone: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  planId: string;
  connectionType: ConnectionType;
  pppoeUsername?: string | null;
  ipAddress?: string | null;
  macAddress?: string | null;
  routerId?: string | null;
  activatedOn: string;
  private?: Partial<CustomerPrivate>;
};

type CustomersTables = {
  customers: {
    id: string;
    tenant_id: string;
    code: string;
    name: string;
    phone: string;
    address: string;
    latitude: number | null;
    longitude: number | null;
    plan_id: string;
    connection_type: ConnectionType;
    pppoe_username: string | null;
    ip_address: string | null;
    mac_address: string | null;
    router_id: string | null;
    status: CustomerStatus;
    activated_on: string;
    created_at: Date;
  };
  customers_private: {
    customer_id: string;
    tenant_id: string;
    id_card_number: string | null;
    pppoe_password: string | null;
    notes: string | null;
  };
};

const publicColumns = [
  'id',
  'code',
  'name',
  'phone',
  'address',
  'latitude',
  'longitude',
  'plan_id',
  'connection_type',
  'pppoe_username',
  sql<string | null>`host(ip_address)`.as('ip_address'),
  sql<string | null>`mac_address::text`.as('mac_address'),
  'router_id',
  'status',
  sql<string>`to_char(activated_on, 'YYYY-MM-DD')`.as('activated_on'),
] as const;

const toCustomer = (r: Record<string, any>): Customer => ({
  id: r.id,
  code: r.code,
  name: r.name,
  phone: r.phone,
  address: r.address,
  latitude: r.latitude,
  longitude: r.longitude,
  planId: r.plan_id,
  connectionType: r.connection_type,
  pppoeUsername: r.pppoe_username,
  ipAddress: r.ip_address,
  macAddress: r.mac_address ?? null,
  routerId: r.router_id,
  status: r.status,
  activatedOn: r.activated_on,
});

/**
 * The columns of customers and customers_private that customers_lines (the read model this module
 * publishes for the network's network_desired_lines and network_radius_lines) reads, by the field
 * name published. A change to any of them publishes customers.customer.changed so routers and
 * RADIUS follow at once; customers.api.test.ts checks this list against the view's column usage.
 */
export const lineColumns = {
  code: 'code',
  name: 'name',
  planId: 'plan_id',
  connectionType: 'connection_type',
  pppoeUsername: 'pppoe_username',
  ipAddress: 'ip_address',
  macAddress: 'mac_address',
  routerId: 'router_id',
  status: 'status',
  pppoePassword: 'pppoe_password',
} as const;

const changedLineFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  (Object.keys(lineColumns) as (keyof typeof lineColumns)[]).filter((field) => before[lineColumns[field]] !== after[lineColumns[field]]);

export type CustomersService = ReturnType<typeof createCustomersService>;

/** The SaaS customer limit (composition root: the saas module's guard), checked in the creating transaction. */
export type CustomerLimit = { assertWithinLimit(trx: Tx<any>, limit: 'customers', countUsed: (trx: Tx<any>) => Promise<number>): Promise<void> };

export function createCustomersService(deps: { db: Database; clock: Clock; plans: PlansService; publish: Publish<typeof customerEvents>; limits?: CustomerLimit }) {
  const { db, clock, plans, publish } = deps;

  const requirePhone = (phone: string) => {
    const normalized = normalizeIndonesianPhone(phone);
    if (!normalized) {
      throw new AppError('PHONE_INVALID', `"${phone}" is not an Indonesian phone number (use 08…, +62… or 62…).`, { fields: { phone: 'invalid' } });
    }
    return normalized;
  };

  function requireConnection(input: Pick<CustomerInput, 'connectionType' | 'pppoeUsername' | 'ipAddress'>) {
    if (input.connectionType === 'pppoe' && !input.pppoeUsername) {
      throw new AppError('VALIDATION_FAILED', 'A PPPoE customer needs a PPPoE username.', { fields: { pppoeUsername: 'required' } });
    }
    if (input.connectionType !== 'pppoe' && !input.ipAddress) {
      throw new AppError('VALIDATION_FAILED', 'A static or DHCP customer needs an IP address.', { fields: { ipAddress: 'required' } });
    }
  }

  /**
   * A router that is not this tenant's (the foreign key includes tenant_id) is simply not found.
   * Every other refusal (a taken PPPoE username or code) is mapped by platform/db/database-errors.ts.
   */
  const asFieldError = (error: unknown): never => {
    if ((error as { constraint?: string }).constraint === 'customers_router_fk') {
      throw new AppError('NOT_FOUND', 'No such router.', { fields: { routerId: 'not_found' } });
    }
    throw error;
  };

  const create = (tenantId: TenantId, input: CustomerInput) => {
    requirePhone(input.phone);
    requireConnection(input);
    return db.tenant<CustomersTables, Customer>(tenantId, (trx) => createInTransaction(trx, tenantId, input));
  };

  /** The same inside the caller's transaction (importers: one import is one transaction). */
  const createInTransaction = async (anyTrx: Tx, tenantId: TenantId, input: CustomerInput): Promise<Customer> => {
    const trx = anyTrx as Tx<CustomersTables>;
    const phone = requirePhone(input.phone);
    requireConnection(input);
    // Terminated customers no longer count: a tenant at its limit can end one to add another.
    await deps.limits?.assertWithinLimit(trx, 'customers', async (t) =>
      (await sql<{ n: number }>`select count(*)::int as n from customers where status <> 'terminated'`.execute(t)).rows[0]!.n,
    );
    await plans.getInTransaction(trx, input.planId);
    const code = input.code ?? `C${String(await reserveCounter(trx, 'customer_code')).padStart(5, '0')}`;
    const id = newId();
    await trx
      .insertInto('customers')
      .values({
        id,
        tenant_id: tenantId,
        code,
        name: input.name,
        phone,
        address: input.address ?? '',
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        plan_id: input.planId,
        connection_type: input.connectionType,
        pppoe_username: input.pppoeUsername ?? null,
        ip_address: input.ipAddress ?? null,
        mac_address: input.macAddress ?? null,
        router_id: input.routerId ?? null,
        status: 'active',
        activated_on: input.activatedOn,
        created_at: clock.now(),
      })
      .execute()
      .catch(asFieldError);
    await trx
      .insertInto('customers_private')
      .values({
        customer_id: id,
        tenant_id: tenantId,
        id_card_number: input.private?.idCardNumber ?? null,
        pppoe_password: input.private?.pppoePassword ?? null,
        notes: input.private?.notes ?? null,
      })
      .execute();
    await publish(trx, 'customers.customer.created', { customerId: id, code, planId: input.planId }, { key: id });
    return toCustomer(await trx.selectFrom('customers').select(publicColumns).where('id', '=', id).executeTakeFirstOrThrow());
  };

  const list = (tenantId: TenantId, filter: { search?: string; planId?: string; status?: CustomerStatus; limit: number; offset: number }) =>
    db.tenant<CustomersTables, { items: Customer[]; total: number }>(tenantId, async (trx) => {
      let query = trx.selectFrom('customers');
      const search = filter.search?.trim();
      if (search) {
        const like = `%${search.replace(/[%_\\]/g, '\\$&')}%`;
        // A phone typed any way (0812-…, +62 812 …, 62812…) is looked for by its national digits.
        const phoneDigits = phoneSearchDigits(search);
        // Name, code, address, phone or PPPoE username, matched by the trigram indexes through
        // `customers_search_ids` (migration …T0300: under row-level security they'd go unused).
        query = query.where('id', 'in', sql<string>`(select customers_search_ids(${like}, ${phoneDigits ? `%${phoneDigits}%` : like}))`);
      }
      if (filter.planId) query = query.where('plan_id', '=', filter.planId);
      if (filter.status) query = query.where('status', '=', filter.status);
      // The page's ids first (an index-only scan of `customers_list`, however deep the offset),
      // then only their rows. The count reads an index too (exact: the dashboard shows it): under
      // row-level security the planner counts each row's `app_tenant_id()` as free and would read
      // every customer instead (~3× slower at 50,000). A search reads its ids and needs no hint
      // (nor should its trigram function get one); the transaction ends here.
      if (!search) await sql`set local enable_seqscan = off`.execute(trx);
      const pageIds = query.select('id').orderBy('code').limit(filter.limit).offset(filter.offset);
      // Count and page in one statement (one round trip fewer per page): the one-row count, joined
      // to the page's rows; a page past the end still answers its count (one row, no customer).
      const rows = await trx
        .selectFrom(query.select(sql<number>`count(*)::int`.as('total')).as('t'))
        .leftJoin(trx.selectFrom('customers').select(publicColumns).where('id', 'in', pageIds).as('c'), (join) => join.onTrue())
        .selectAll('c')
        .select('t.total')
        .orderBy('c.code')
        .execute();
      return { items: rows.filter((row) => row.id !== null).map(toCustomer), total: rows[0]!.total };
    });

  const get = (tenantId: TenantId, customerId: string, options: { withArrears: boolean; withPrivate: boolean }) =>
    db.tenant<CustomersTables, Customer & Partial<CustomerArrears> & { private?: CustomerPrivate }>(tenantId, async (trx) => {
      const row = await trx.selectFrom('customers').select(publicColumns).where('id', '=', customerId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'No such customer.');
      let customer: Customer & Partial<CustomerArrears> = toCustomer(row);
      // Billing's published read model: the sum of the customer's unpaid invoices. Only asked for
      // a caller who may see money: row-level security hides invoices from the others, so it
      // would answer 0 ("owes nothing"), which is worse than no answer.
      if (options.withArrears) {
        const { rows: owed } = await sql<{ arrears: string; unpaid_invoices: number }>`
          select arrears, unpaid_invoices from billing_customer_arrears where customer_id = ${customerId}`.execute(trx);
        customer = { ...customer, arrears: Number(owed[0]?.arrears ?? 0), unpaidInvoices: owed[0]?.unpaid_invoices ?? 0 };
      }
      if (!options.withPrivate) return customer;
      const p = await trx.selectFrom('customers_private').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
      return { ...customer, private: { idCardNumber: p?.id_card_number ?? null, pppoePassword: p?.pppoe_password ?? null, notes: p?.notes ?? null } };
    });

  const update = (tenantId: TenantId, customerId: string, input: Partial<Omit<CustomerInput, 'code'>>) =>
    db.tenant<CustomersTables, Customer>(tenantId, (trx) => updateInTransaction(trx, customerId, input));

  /** The same inside the caller's transaction (importers). */
  const updateInTransaction = async (anyTrx: Tx, customerId: string, input: Partial<Omit<CustomerInput, 'code'>>): Promise<Customer> => {
    const trx = anyTrx as Tx<CustomersTables>;
    const changes = columnsToSet({
      name: input.name,
      phone: input.phone !== undefined ? requirePhone(input.phone) : undefined,
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      plan_id: input.planId,
      connection_type: input.connectionType,
      pppoe_username: input.pppoeUsername,
      ip_address: input.ipAddress,
      mac_address: input.macAddress,
      router_id: input.routerId,
    });
    const privateChanges = columnsToSet({
      id_card_number: input.private?.idCardNumber,
      pppoe_password: input.private?.pppoePassword,
      notes: input.private?.notes,
    });
    requireSomethingToUpdate(changes, privateChanges);
    const current = await trx.selectFrom('customers').select(publicColumns).where('id', '=', customerId).forUpdate().executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'No such customer.');
    if (current.status === 'terminated') throw new AppError(customerErrors.CUSTOMER_TERMINATED, 'The customer has been terminated; nothing can be changed.');
    requireConnection({ ...toCustomer(current), ...input });
    if (input.planId) await plans.getInTransaction(trx, input.planId);
    const privateBefore = await trx.selectFrom('customers_private').selectAll().where('customer_id', '=', customerId).executeTakeFirstOrThrow();
    if (Object.keys(changes).length) await trx.updateTable('customers').set(changes).where('id', '=', customerId).execute().catch(asFieldError);
    if (Object.keys(privateChanges).length) {
      await trx.updateTable('customers_private').set(privateChanges).where('customer_id', '=', customerId).execute();
    }
    const after = await trx.selectFrom('customers').select(publicColumns).where('id', '=', customerId).executeTakeFirstOrThrow();
    const privateAfter = await trx.selectFrom('customers_private').selectAll().where('customer_id', '=', customerId).executeTakeFirstOrThrow();
    const fields = changedLineFields({ ...current, ...privateBefore }, { ...after, ...privateAfter });
    if (fields.length) await publish(trx, 'customers.customer.changed', { customerId, code: current.code, fields }, { key: customerId });
    return toCustomer(after);
  };

  /**
   * For the customer portal, in the caller's tenant transaction: the active customer with this
   * code (case-insensitive) or this E.164 phone number. Several customers may share one phone
   * (one family, two lines): the one with the lowest code is taken.
   */
  async function findActiveInTransaction(trx: Tx, by: { code: string } | { phone: string }): Promise<Customer | null> {
    const where = 'code' in by ? sql`upper(code) = ${by.code.toUpperCase()}` : sql`phone = ${by.phone}`;
    const { rows } = await sql<Record<string, any>>`
      select id, code, name, phone, address, latitude, longitude, plan_id, connection_type, pppoe_username, host(ip_address) as ip_address,
             router_id, status, to_char(activated_on, 'YYYY-MM-DD') as activated_on
      from customers where status = 'active' and ${where} order by code limit 1`.execute(trx);
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  /** The active static or DHCP customer whose line has this address (the isolir page's "who is asking"). */
  async function idByLineAddressInTransaction(trx: Tx, address: string): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`
      select id from customers where status = 'active' and connection_type in ('static', 'dhcp') and ip_address = ${address}::inet
      order by code limit 1`.execute(trx);
    return rows[0]?.id ?? null;
  }

  /** One customer by id in the caller's transaction (public fields), null when absent. */
  async function getInTransaction(trx: Tx, customerId: string): Promise<Customer | null> {
    const { rows } = await sql<Record<string, any>>`
      select id, code, name, phone, address, latitude, longitude, plan_id, connection_type, pppoe_username, host(ip_address) as ip_address,
             router_id, status, to_char(activated_on, 'YYYY-MM-DD') as activated_on
      from customers where id = ${customerId}`.execute(trx);
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  /**
   * Suspend (cuti), resume or terminate (berhenti). The status is a line column: the change is
   * published as customers.customer.changed and the network converges the router to it.
   */
  const allowedMoves: Record<CustomerStatus, CustomerStatus[]> = { active: ['suspended', 'terminated'], suspended: ['active', 'terminated'], terminated: [] };
  const setStatus = (tenantId: TenantId, customerId: string, target: CustomerStatus) =>
    db.tenant<CustomersTables, Customer>(tenantId, async (trx) => {
      const current = await trx.selectFrom('customers').select(['code', 'status']).where('id', '=', customerId).forUpdate().executeTakeFirst();
      if (!current) throw new AppError('NOT_FOUND', 'No such customer.');
      if (current.status === 'terminated') throw new AppError(customerErrors.CUSTOMER_TERMINATED, 'The customer has been terminated; nothing can be changed.');
      if (!allowedMoves[current.status].includes(target)) {
        throw new AppError(customerErrors.CUSTOMER_STATUS_UNCHANGED, `The customer is already ${target}.`, { status: current.status });
      }
      await trx.updateTable('customers').set({ status: target }).where('id', '=', customerId).execute();
      await publish(trx, 'customers.customer.changed', { customerId, code: current.code, fields: ['status'] }, { key: customerId });
      return toCustomer(await trx.selectFrom('customers').select(publicColumns).where('id', '=', customerId).executeTakeFirstOrThrow());
    });

  /** Reports: customers added per month in the range, and how many are active, suspended and terminated now. */
  const movementsInTransaction = async (trx: Tx, range: { from: string; to: string }) => {
    const { rows } = await sql<{ month: string; added: number }>`
      select to_char(activated_on, 'YYYY-MM') as month, count(*)::int as added from customers
      where activated_on between ${range.from}::date and ${range.to}::date group by 1 order by 1`.execute(trx);
    const { rows: status } = await sql<{ active: number; terminated: number }>`
      select count(*) filter (where status = 'active')::int as active, count(*) filter (where status = 'terminated')::int as terminated from customers`.execute(trx);
    return { months: rows, ...status[0] };
  };

  /** Importers: which of these PPPoE usernames already belong to a customer (id by username). */
  const idsByPppoeUsernameInTransaction = async (trx: Tx, usernames: readonly string[]): Promise<Map<string, string>> => {
    if (usernames.length === 0) return new Map();
    const rows = await (trx as Tx<CustomersTables>).selectFrom('customers').select(['id', 'pppoe_username']).where('pppoe_username', 'in', usernames).execute();
    return new Map(rows.map((r) => [r.pppoe_username!, r.id]));
  };

  return { create, createInTransaction, list, get, update, updateInTransaction, setStatus, movementsInTransaction, idsByPppoeUsernameInTransaction, findActiveInTransaction, idByLineAddressInTransaction, getInTransaction };
}
