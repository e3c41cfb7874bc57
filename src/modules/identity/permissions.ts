import { AppError } from '../../platform/errors/app-error.ts';
import type { StaffRole } from './identity.tables.ts';

/**
 * What each staff role may do: one table, read by the API guards and shown to the web app
 * (which hides what a person can't use). A person with several roles has the union.
 */
const rolesByPermission = {
  'staff.manage': ['owner', 'admin'],
  'tokens.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'customers.read': ['owner', 'admin', 'finance', 'collector', 'technician'],
  'customers.manage': ['owner', 'admin'],
  'billing.read': ['owner', 'admin', 'finance'],
  'billing.configure': ['owner', 'admin'],
  'isolation.manage': ['owner', 'admin', 'finance'],
  'payments.record': ['owner', 'admin', 'finance'],
  'deposits.confirm': ['owner', 'finance'],
  'collections.collect': ['collector'],
  'fieldwork.log': ['technician'],
  'network.manage': ['owner', 'admin', 'technician'],
  'events.operate': ['owner', 'admin'],
  'notifications.read': ['owner', 'admin', 'finance'],
  'notifications.manage': ['owner', 'admin'],
  'subscription.read': ['owner', 'admin'],
  'subscription.manage': ['owner'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof rolesByPermission;

export const permissionsOf = (roles: readonly StaffRole[]): Permission[] =>
  (Object.keys(rolesByPermission) as Permission[]).filter((p) =>
    (rolesByPermission[p] as readonly StaffRole[]).some((r) => roles.includes(r)),
  );

export const hasPermission = (roles: readonly StaffRole[], permission: Permission) =>
  (rolesByPermission[permission] as readonly StaffRole[]).some((r) => roles.includes(r));

/**
 * Only an owner hands out the owner role, or changes (demotes, disables, re-enables) anyone who
 * is an owner: otherwise an admin could climb above the people who appointed them.
 */
export function assertMayAssign(actorRoles: readonly StaffRole[], before: readonly StaffRole[], after: readonly StaffRole[]) {
  if ((before.includes('owner') || after.includes('owner')) && !actorRoles.includes('owner')) {
    throw new AppError('FORBIDDEN', 'Only an owner can make someone owner, or change an owner.');
  }
}
