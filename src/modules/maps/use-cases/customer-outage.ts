import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';

/**
 * The open outage a customer is under now (the earliest, when several overlap), for the customer
 * portal's notice: the element's name and when it started. Runs in the caller's tenant transaction.
 */
export async function openOutageForCustomerInTransaction(trx: Tx, customerId: string): Promise<{ area: string; startedAt: Date } | null> {
  const { rows } = await sql<{ element_name: string; started_at: Date }>`
    select o.element_name, o.started_at
    from maps_outage_customers a
    join maps_outages o on o.tenant_id = a.tenant_id and o.id = a.outage_id
    where a.customer_id = ${customerId} and o.cleared_at is null
    order by o.started_at limit 1`.execute(trx);
  return rows[0] ? { area: rows[0].element_name, startedAt: new Date(rows[0].started_at) } : null;
}
