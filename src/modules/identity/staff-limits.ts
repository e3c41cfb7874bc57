import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import type { StaffRole } from './identity.tables.ts';

/** The SaaS limits a staff member counts against: everyone against `staff`, some roles against their own. */
export type StaffLimitName = 'staff' | 'collectors' | 'technicians';

/** The SaaS staff limits, checked in the transaction that adds the person (the composition root hands it in). */
export type StaffLimit = { assertWithinLimit(trx: Tx<any>, limit: StaffLimitName, countUsed: (trx: Tx<any>) => Promise<number>): Promise<void> };

const roleLimits: { limit: StaffLimitName; role: StaffRole }[] = [
  { limit: 'collectors', role: 'collector' },
  { limit: 'technicians', role: 'technician' },
];

/**
 * Who holds a place: active members plus open invitations (an invitation reserves its place, so
 * accepting it never fails on a limit), narrowed to a role for the per-role limits.
 */
const countHolding = (role: StaffRole | null, now: Date) => async (trx: Tx<any>) => {
  const withRole = role ? sql`and ${role} = any(roles)` : sql``;
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from identity_memberships where tenant_id = app_tenant_id() and status = 'active' ${withRole})::int
         + (select count(*) from identity_invitations where tenant_id = app_tenant_id() and accepted_at is null and revoked_at is null and expires_at > ${now} ${withRole})::int as n`.execute(trx);
  return rows[0]!.n;
};

/**
 * Checks the limits a person newly takes a place in: `staff` when they join or come back
 * (`joins`), and each role limit for a role they newly hold. Always in the same order, so two
 * transactions taking several limits' locks never wait on each other in a cycle.
 */
export async function assertStaffWithinLimits(limits: StaffLimit | undefined, trx: Tx<any>, change: { joins: boolean; newRoles: readonly StaffRole[]; now: Date }) {
  if (!limits) return;
  if (change.joins) await limits.assertWithinLimit(trx, 'staff', countHolding(null, change.now));
  for (const { limit, role } of roleLimits) {
    if (change.newRoles.includes(role)) await limits.assertWithinLimit(trx, limit, countHolding(role, change.now));
  }
}
