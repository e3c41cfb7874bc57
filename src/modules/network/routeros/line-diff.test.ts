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
      secret: { id: '*3', profile: 'paket-10m', disabled: false, comment: '', password: null },
      sessions: [{ id: '*9', address: '10.20.0.2', startedAt: new Date('2026-11-24T01:00:00Z') }],
    };
    const isolate: DesiredLine = { mode: 'pppoe', customerId: 'cust-7', username: 'budi', isolated: true, planProfile: 'paket-10m' };
    expect(planLine(isolate, actual, settings).changes.map((change) => change.op)).toEqual(['set-ppp-profile', 'kick-ppp-session']);
    expect(planLine({ ...isolate, isolated: false }, actual, settings)).toEqual({ changes: [], blocked: null });
  });

  describe('the PPP secret Simpul keeps for a line', () => {
    const tag = 'simpul:C00007';
    const line = (secret: Partial<NonNullable<Extract<DesiredLine, { mode: 'pppoe' }>['secret']>> = {}): DesiredLine => ({
      mode: 'pppoe',
      customerId: 'cust-7',
      username: 'budi',
      isolated: false,
      planProfile: 'paket-10m',
      secret: { present: true, password: 'rahasia', disabled: false, comment: tag, ...secret },
    });
    const onRouter = (secret: Partial<NonNullable<Extract<ActualLine, { mode: 'pppoe' }>['secret']>> | null, sessions = 0): ActualLine => ({
      mode: 'pppoe',
      customerId: 'cust-7',
      username: 'budi',
      secret: secret ? { id: '*3', profile: 'paket-10m', disabled: false, comment: tag, password: 'rahasia', ...secret } : null,
      sessions: Array.from({ length: sessions }, (_, i) => ({ id: `*S${i}`, address: '10.0.0.9', startedAt: new Date('2026-11-24T01:00:00Z') })),
    });

    it('creates a missing secret with the plan profile, service pppoe and the tag', () => {
      expect(planLine(line(), onRouter(null), settings).changes).toEqual([
        {
          op: 'add-ppp-secret',
          customerId: 'cust-7',
          username: 'budi',
          attributes: { password: 'rahasia', profile: 'paket-10m', service: 'pppoe', comment: tag, disabled: 'no' },
        },
      ]);
      // without a password there is nothing to create it with: blocked, nothing sent
      const blocked = planLine(line({ password: null }), onRouter(null), settings);
      expect(blocked.changes).toEqual([]);
      expect(blocked.blocked?.code).toBe('NOT_FOUND');
    });

    it('adopts an existing secret of that name by tagging it, never adding a second', () => {
      const plan = planLine(line(), onRouter({ comment: 'dipasang manual' }), settings);
      expect(plan.changes).toEqual([{ op: 'update-ppp-secret', customerId: 'cust-7', secretId: '*3', username: 'budi', attributes: { comment: tag } }]);
      expect(planLine(line(), onRouter({}), settings)).toEqual({ changes: [], blocked: null });
    });

    it('disables the secret of a suspended line and kicks its sessions; removes it when the customer left', () => {
      expect(planLine(line({ disabled: true }), onRouter({}, 1), settings).changes.map((c) => c.op)).toEqual(['update-ppp-secret', 'kick-ppp-session']);
      expect(planLine(line({ present: false }), onRouter({}, 1), settings).changes.map((c) => c.op)).toEqual(['remove-ppp-secret', 'kick-ppp-session']);
      // a secret that is not Simpul's (another tag) is left alone
      expect(planLine(line({ present: false }), onRouter({ comment: 'simpul:C99999' }), settings).changes).toEqual([]);
    });
  });
});
