import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { reserveCounter } from '../../platform/db/counters.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { columnsToSet, requireSomethingToUpdate } from '../../platform/db/updates.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeIndonesianPhone } from '../../platform/phone.ts';
import type { PlansService } from '../plans/index.ts';
import type { customerEvents } from './customers.events.ts';

export type ConnectionType = 'pppoe' | 'static' | 'dhcp';

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
  routerId: string | null;
  status: 'active' | 'terminated';
  activatedOn: string;
};
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
    router_id: string | null;
    status: 'active' | 'terminated';
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
  routerId: 'router_id',
  status: 'status',
  pppoePassword: 'pppoe_password',
} as const;

const changedLineFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  (Object.keys(lineColumns) as (keyof typeof lineColumns)[]).filter((field) => before[lineColumns[field]] !== after[lineColumns[field]]);

export type CustomersService = ReturnType<typeof createCustomersService>;

export function createCustomersService(deps: { db: Database; clock: Clock; plans: PlansService; publish: Publish<typeof customerEvents> }) {
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

  const list = (tenantId: TenantId, filter: { search?: string; planId?: string; limit: number; offset: number }) =>
    db.tenant<CustomersTables, { items: Customer[]; total: number }>(tenantId, async (trx) => {
      let query = trx.selectFrom('customers');
      if (filter.search) {
        const like = `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`;
        query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'ilike', like), eb('phone', 'like', like), eb('address', 'ilike', like)]));
      }
      if (filter.planId) query = query.where('plan_id', '=', filter.planId);
      const [rows, count] = await Promise.all([
        query.select(publicColumns).orderBy('code').limit(filter.limit).offset(filter.offset).execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toCustomer), total: count.n };
    });

  const get = (tenantId: TenantId, customerId: string, options: { withPrivate: boolean }) =>
    db.tenant<CustomersTables, Customer & { private?: CustomerPrivate }>(tenantId, async (trx) => {
      const row = await trx.selectFrom('customers').select(publicColumns).where('id', '=', customerId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'No such customer.');
      const customer = toCustomer(row);
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

  /** Money desk report: customers activated per local month in a range, and the active / terminated counts now. */
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

  return { create, createInTransaction, list, get, update, updateInTransaction, movementsInTransaction, idsByPppoeUsernameInTransaction };
}
