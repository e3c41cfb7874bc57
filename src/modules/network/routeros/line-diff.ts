import { AppError } from '../../../platform/errors/app-error.ts';
import { normaliseIpv4 } from './ipv4.ts';
import type { ActualLine, DesiredLine, EnforcementSettings, LineSelector, RouterChange } from './types.ts';
import { networkErrors } from '../network.errors.ts';

/**
 * Desired vs actual → the few router commands that close the gap. Pure: the same inputs give
 * the same commands, and once they are applied the next plan is empty (idempotent).
 */

const commentPrefix = 'simpul:';

/** The comment that marks an address-list entry as Simpul's, carrying the customer id. */
export const customerComment = (customerId: string): string => `${commentPrefix}${customerId}`;

/** The comment that marks a PPP secret or DHCP lease as Simpul's, carrying the customer code. */
export const lineTag = (customerCode: string): string => `${commentPrefix}${customerCode}`;

export const selectorFor = (line: DesiredLine): LineSelector =>
  line.mode === 'address-list'
    ? { mode: 'address-list', customerId: line.customerId, address: line.address, ...(line.lease !== undefined ? { leaseTag: line.lease.comment } : {}) }
    : { mode: 'pppoe', customerId: line.customerId, username: line.username };

/** A line that cannot be planned at all (bad input): nothing is read or sent for it. */
export const invalidLineError = (line: DesiredLine | LineSelector): AppError | null => {
  if (line.mode === 'address-list' && normaliseIpv4(line.address) === null) {
    return new AppError(networkErrors.INVALID_ADDRESS, `"${line.address}" is not an IPv4 address`, { customerId: line.customerId, address: line.address });
  }
  if (line.mode === 'pppoe' && line.username.trim() === '') {
    return new AppError('VALIDATION_FAILED', 'PPPoE username is empty', { customerId: line.customerId });
  }
  return null;
};

export type LinePlan = {
  changes: RouterChange[];
  /** Why the line cannot converge by itself (e.g. its PPP secret is missing on the router). */
  blocked: AppError | null;
};

export const planLine = (desired: DesiredLine, actual: ActualLine, settings: EnforcementSettings): LinePlan => {
  if (desired.mode === 'address-list' && actual.mode === 'address-list') return planAddressList(desired, actual, settings);
  if (desired.mode === 'pppoe' && actual.mode === 'pppoe') return planPppoe(desired, actual, settings);
  throw new Error(`line ${desired.customerId}: desired ${desired.mode} compared with actual ${actual.mode}`);
};

const planAddressList = (
  desired: Extract<DesiredLine, { mode: 'address-list' }>,
  actual: Extract<ActualLine, { mode: 'address-list' }>,
  settings: EnforcementSettings,
): LinePlan => {
  const address = normaliseIpv4(desired.address);
  if (address === null) return { changes: [], blocked: invalidLineError(desired) };
  const keep = desired.isolated ? actual.entries.find((entry) => entry.address === address) : undefined;
  const changes: RouterChange[] = actual.entries
    .filter((entry) => entry !== keep)
    .map((entry) => ({ op: 'remove-address-list-entry', customerId: desired.customerId, entryId: entry.id, address: entry.address }));
  if (desired.isolated && !keep) {
    changes.push({
      op: 'add-address-list-entry',
      customerId: desired.customerId,
      list: settings.isolationAddressList,
      address,
      comment: customerComment(desired.customerId),
    });
  }
  if (desired.lease !== undefined) changes.push(...planLease(desired.customerId, address, desired.lease, actual.leases ?? []));
  return { changes, blocked: null };
};

/**
 * A DHCP line's static lease: one lease binding the customer's MAC to the address, tagged as
 * Simpul's. A static lease of that address (the operator's own) is adopted and tagged; dynamic
 * leases are the DHCP server's business and left alone. Other static leases tagged for the
 * customer (an old address) are removed, and all of them when the line should have none.
 */
const planLease = (
  customerId: string,
  address: string,
  desired: { macAddress: string | null; comment: string },
  leases: NonNullable<Extract<ActualLine, { mode: 'address-list' }>['leases']>,
): RouterChange[] => {
  const statics = leases.filter((lease) => !lease.dynamic);
  const keep =
    desired.macAddress === null
      ? undefined
      : (statics.find((lease) => lease.address === address && lease.comment === desired.comment) ?? statics.find((lease) => lease.address === address));
  const changes: RouterChange[] = statics
    .filter((lease) => lease !== keep && lease.comment === desired.comment)
    .map((lease) => ({ op: 'remove-dhcp-lease', customerId, leaseId: lease.id, address: lease.address }));
  if (desired.macAddress === null) return changes;
  const macAddress = desired.macAddress.toUpperCase();
  if (!keep) changes.push({ op: 'add-dhcp-lease', customerId, address, macAddress, comment: desired.comment });
  else if (keep.macAddress.toUpperCase() !== macAddress || keep.comment !== desired.comment) {
    changes.push({ op: 'update-dhcp-lease', customerId, leaseId: keep.id, address, macAddress, comment: desired.comment });
  }
  return changes;
};

const planPppoe = (
  desired: Extract<DesiredLine, { mode: 'pppoe' }>,
  actual: Extract<ActualLine, { mode: 'pppoe' }>,
  settings: EnforcementSettings,
): LinePlan => {
  const wanted = desired.secret;
  const kickAll = (): RouterChange[] =>
    actual.sessions.map((session) => ({ op: 'kick-ppp-session', customerId: desired.customerId, sessionId: session.id, username: desired.username }));
  const profile = desired.isolated ? settings.isolationProfile : desired.planProfile;

  // The customer left: the secret goes (only one Simpul tagged as this line's), and so do its sessions.
  if (wanted && !wanted.present) {
    const changes = kickAll();
    if (actual.secret && actual.secret.comment === wanted.comment) {
      changes.unshift({ op: 'remove-ppp-secret', customerId: desired.customerId, secretId: actual.secret.id, username: desired.username });
    }
    return { changes, blocked: null };
  }
  if (!actual.secret) {
    if (wanted && wanted.password !== null) {
      const attributes = { password: wanted.password, profile, service: 'pppoe', comment: wanted.comment, disabled: wanted.disabled ? 'yes' : 'no' } as const;
      return { changes: [{ op: 'add-ppp-secret', customerId: desired.customerId, username: desired.username, attributes }], blocked: null };
    }
    return {
      changes: [],
      blocked: new AppError('NOT_FOUND', `PPP secret "${desired.username}" does not exist on the router${wanted ? ' and the customer has no PPPoE password to create it' : ''}`, {
        customerId: desired.customerId,
      }),
    };
  }
  const changes: RouterChange[] = [];
  // An existing secret of that name is adopted: tagged as Simpul's, its password and state driven.
  if (wanted) {
    const attributes: Extract<RouterChange, { op: 'update-ppp-secret' }>['attributes'] = {};
    if (actual.secret.comment !== wanted.comment) attributes.comment = wanted.comment;
    if (wanted.password !== null && actual.secret.password !== null && actual.secret.password !== wanted.password) attributes.password = wanted.password;
    if (actual.secret.disabled !== wanted.disabled) attributes.disabled = wanted.disabled ? 'yes' : 'no';
    if (Object.keys(attributes).length > 0) {
      changes.push({ op: 'update-ppp-secret', customerId: desired.customerId, secretId: actual.secret.id, username: desired.username, attributes });
    }
  }
  const switching = actual.secret.profile !== profile;
  const confirmedAt = desired.profileConfirmedAt;
  if (switching) {
    changes.push({ op: 'set-ppp-profile', customerId: desired.customerId, secretId: actual.secret.id, username: desired.username, profile });
  }
  // A disabled (suspended) line keeps no session. Otherwise kick after switching, so the redial
  // picks up the new profile; also kick any session older than the last confirmed switch (its
  // kick may have been lost).
  if (wanted?.disabled) return { changes: [...changes, ...kickAll()], blocked: null };
  const stale = actual.sessions.filter((session) => switching || (confirmedAt !== undefined && session.startedAt < confirmedAt));
  for (const session of stale) {
    changes.push({ op: 'kick-ppp-session', customerId: desired.customerId, sessionId: session.id, username: desired.username });
  }
  return { changes, blocked: null };
};
