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

export const selectorFor = (line: DesiredLine): LineSelector =>
  line.mode === 'address-list'
    ? { mode: 'address-list', customerId: line.customerId, address: line.address }
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
  return { changes, blocked: null };
};

const planPppoe = (
  desired: Extract<DesiredLine, { mode: 'pppoe' }>,
  actual: Extract<ActualLine, { mode: 'pppoe' }>,
  settings: EnforcementSettings,
): LinePlan => {
  if (!actual.secret) {
    return {
      changes: [],
      blocked: new AppError('NOT_FOUND', `PPP secret "${desired.username}" does not exist on the router`, { customerId: desired.customerId }),
    };
  }
  const profile = desired.isolated ? settings.isolationProfile : desired.planProfile;
  const switching = actual.secret.profile !== profile;
  const confirmedAt = desired.profileConfirmedAt;
  // Kick after switching, so the redial picks up the new profile; also kick any session older
  // than the last confirmed switch (its kick may have been lost).
  const stale = actual.sessions.filter((session) => switching || (confirmedAt !== undefined && session.startedAt < confirmedAt));
  const changes: RouterChange[] = [];
  if (switching) {
    changes.push({ op: 'set-ppp-profile', customerId: desired.customerId, secretId: actual.secret.id, username: desired.username, profile });
  }
  for (const session of stale) {
    changes.push({ op: 'kick-ppp-session', customerId: desired.customerId, sessionId: session.id, username: desired.username });
  }
  return { changes, blocked: null };
};
