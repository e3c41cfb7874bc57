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
  'collections.manage': ['owner', 'admin'],
  'collections.read': ['owner', 'admin', 'finance'],
  'setoran.confirm': ['owner', 'admin'],
  'collections.write_off': ['owner'],
  'fieldwork.log': ['technician'],
  'network.manage': ['owner', 'admin', 'technician'],
  'events.operate': ['owner', 'admin'],
  'notifications.read': ['owner', 'admin', 'finance'],
  'notifications.manage': ['owner', 'admin'],
  // FTTH maps: the office and technicians read the map (not collectors: they see only their assigned
  // customers, spec collector_ui); topology and outages by office and technicians.
  'maps.read': ['owner', 'admin', 'finance', 'technician'],
  'maps.manage': ['owner', 'admin', 'technician'],
  'maps.configure': ['owner', 'admin'],
  // Work orders: technicians see theirs (the service narrows it), office staff all; never collectors or finance.
  'tasks.read': ['owner', 'admin', 'technician'],
  'tasks.manage': ['owner', 'admin'],
  'tasks.configure': ['owner', 'admin'],
  'subscription.read': ['owner', 'admin'],
  'subscription.manage': ['owner'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof rolesByPermission;

export const permissionsOf = (roles: readonly StaffRole[]): Permission[] =>
  (Object.keys(rolesByPermission) as Permission[]).filter((p) =>
    (rolesByPermission[p] as readonly StaffRole[]).some((r) => roles.includes(r)),
  );

/**
 * A collector and nothing else: the database shows them only the customers assigned to them
 * (row-level security on the request's user). A technician who also collects keeps the
 * technician's view of customers; their worklist is still only their assigned customers.
 */
export const seesOnlyAssignedCustomers = (roles: readonly StaffRole[]) => roles.length > 0 && roles.every((r) => r === 'collector');

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
