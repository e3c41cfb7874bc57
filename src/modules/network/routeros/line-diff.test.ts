import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planLine } from './line-diff.ts';
import type { ActualLine, DesiredLine, EnforcementSettings, RouterChange } from './types.ts';

const settings: EnforcementSettings = { isolationAddressList: 'simpul-isolir', isolationProfile: 'isolir' };

/** What the router would hold after the changes ran (the stand-in's rules, in miniature). */
const applyToAddressList = (actual: Extract<ActualLine, { mode: 'address-list' }>, changes: RouterChange[]) => {
  let entries = [...actual.entries];
  for (const change of changes) {
    if (change.op === 'remove-address-list-entry') entries = entries.filter((entry) => entry.id !== change.entryId);
    if (change.op === 'add-address-list-entry') entries.push({ id: `new-${entries.length}`, address: change.address, comment: change.comment });
  }
  return { ...actual, entries };
};

describe('line diff', () => {
  it('address-list: after applying the plan, the next plan is empty and the entry matches the desire', () => {
    const address = fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3');
    const comment = fc.constantFrom('simpul:cust-1', 'manual', '');
    fc.assert(
      fc.property(address, fc.boolean(), fc.uniqueArray(fc.record({ address, comment }), { selector: (entry) => entry.address, maxLength: 3 }), (want, isolated, found) => {
        const desired: DesiredLine = { mode: 'address-list', customerId: 'cust-1', address: want, isolated };
        // readLines returns entries for this address or tagged with this customer
        const entries = found.filter((entry) => entry.address === want || entry.comment === 'simpul:cust-1').map((entry, i) => ({ id: `*${i}`, ...entry }));
        const after = applyToAddressList({ mode: 'address-list', customerId: 'cust-1', address: want, entries }, planLine(desired, { mode: 'address-list', customerId: 'cust-1', address: want, entries }, settings).changes);
        expect(planLine(desired, after, settings).changes).toEqual([]);
        expect(after.entries.map((entry) => entry.address)).toEqual(isolated ? [want] : []);
      }),
    );
  });

  it('pppoe: switching the profile kicks every session after the switch; a matching profile changes nothing', () => {
    const actual: ActualLine = {
      mode: 'pppoe',
      customerId: 'cust-7',
      username: 'budi',
      secret: { id: '*3', profile: 'paket-10m', disabled: false },
      sessions: [{ id: '*9', address: '10.20.0.2', startedAt: new Date('2026-11-24T01:00:00Z') }],
    };
    const isolate: DesiredLine = { mode: 'pppoe', customerId: 'cust-7', username: 'budi', isolated: true, planProfile: 'paket-10m' };
    expect(planLine(isolate, actual, settings).changes.map((change) => change.op)).toEqual(['set-ppp-profile', 'kick-ppp-session']);
    expect(planLine({ ...isolate, isolated: false }, actual, settings)).toEqual({ changes: [], blocked: null });
  });
});
