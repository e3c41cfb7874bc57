import { describe, expect, it } from 'vitest';
import { eventCatalog } from '../../composition-root.ts';
import { notificationRules, type RuleLookups } from './notification-rules.ts';
import { allowedVariables, defaultTemplates, renderTemplate } from './templates/index.ts';

const id = '0193a000-0000-7000-8000-000000000001';
/**
 * An example of each rule event's data, as its module publishes (or will publish) it. Those of
 * events in the catalog must pass the publisher's schema (checked below), and the rules read what
 * that schema makes of them, as a handler does: an example cannot drift from its event.
 */
const examples: Record<string, unknown> = {
  'billing.invoice.issued': { invoiceId: id, customerId: id, number: 'INV/2026/12/00001', amount: 150_000, dueDate: '2026-12-10', period: '2026-12-01' },
  'billing.invoice.due_unpaid': { invoiceId: id, customerId: id, number: 'INV/2026/12/00001', amount: 150_000, dueDate: '2026-12-10' },
  'billing.invoice.overdue': { invoiceId: id, customerId: id, number: 'INV/2026/12/00001', amount: 150_000, dueDate: '2026-12-10' },
  'isolation.customer.isolated': { customerId: id, reason: 'x', trigger: 'invoice_overdue', invoiceId: id, actor: { type: 'system', userId: null } },
  'isolation.customer.restored': { customerId: id, reason: 'x', trigger: 'payment_confirmed', invoiceId: id, actor: { type: 'system', userId: null } },
  'network.router.failed': { routerId: id, name: 'MikroTik Pusat', code: 'ROUTER_TIMEOUT', message: 'no answer' },
  'network.router.recovered': { routerId: id, name: 'MikroTik Pusat' },
  'portal.complaint.submitted': { complaintId: id, customerId: id, customerCode: 'C00042', kind: 'no_internet', kindLabel: 'Internet mati', message: 'Lampu LOS merah' },
  'collectors.visit.succeeded': {
    collectionId: id,
    receiptNumber: 'KOL-2026-000001',
    collectorUserId: id,
    collectorName: 'Agus',
    customerId: id,
    invoiceIds: [id],
    invoiceNumber: 'INV/1',
    amount: 150_000,
    collectedOn: '2026-12-10',
  },
  'collectors.setoran.confirmed': {
    handoverId: id,
    number: 'SETOR-2026-000001',
    collectorUserId: id,
    collectorName: 'Agus',
    amount: 1_500_000,
    difference: 0,
    status: 'confirmed',
    invoiceCount: 10,
    confirmedByName: 'Sari',
  },
  'collectors.deposit.confirmed': { depositId: id, number: 'BANK-2026-000001', collectorName: 'Agus', amount: 1_500_000, invoiceCount: 10, confirmedByName: 'Sari' },
  'maps.outage.set': {
    outageId: id,
    level: 'ODC',
    elementId: id,
    areaName: 'ODC Merapi',
    cause: 'Kabel feeder putus',
    startedAt: '2026-12-10T03:00:00.000Z',
    expectedEndAt: null,
    affectedOdps: 1,
    affectedCustomers: 1,
    customerIds: [id],
  },
  'maps.outage.cleared': {
    outageId: id,
    level: 'ODC',
    elementId: id,
    areaName: 'ODC Merapi',
    cause: 'Kabel feeder putus',
    clearedAt: '2026-12-10T05:00:00.000Z',
    affectedCustomers: 1,
    restoredCustomers: 1,
    stillAffected: 0,
    customerIds: [id],
  },
  'field.activity.logged': { activityId: id, taskId: id, taskNumber: 12, technicianId: id, technicianName: 'Rudi', summary: 'Kabel diganti', customerId: null, areaName: null },
  'addons.invoice.created': {
    invoiceId: '01900000-0000-7000-8000-0000000000a1',
    tenantAddonId: '01900000-0000-7000-8000-0000000000a2',
    addonName: 'Peta',
    number: 'SAAS/1',
    amount: 99_000,
    dueDate: '2026-12-17',
    paymentUrl: 'https://bayar.example/x',
  },
  'addons.addon.activated': { tenantAddonId: '01900000-0000-7000-8000-0000000000a2', addonName: 'Peta', limitName: null, feature: 'ftth_maps', quantity: 1 },
  'saas.limit.warning': { limit: 'customers', label: 'customers', used: 400, max: 500, percent: 80 },
  'saas.invoice.reminder': { invoiceId: '01900000-0000-7000-8000-00000000aa01', number: 'SAAS/2026/12/00001', amount: 250_000, dueDate: '2026-12-11', when: 'before_due', paymentUrl: 'https://simpul.id/subscription?invoice=SAAS%2F2026%2F12%2F00001' },
};

/** The data a handler of `type` receives: the example as the catalog's schema parses it (events of modules not built yet: as written). */
const eventData = (type: string): unknown => (type in eventCatalog ? eventCatalog[type].data.parse(examples[type]) : examples[type]);

const lookups: RuleLookups = {
  occurredAt: new Date('2026-12-10T03:00:00Z'),
  paymentLink: 'kantor kami',
  invoice: async () => ({ number: 'INV/2026/12/00001', amount: 150_000, dueDate: '2026-12-10' }),
  customerName: async () => 'Ani',
  today: '2026-12-10',
  isolationDay: async () => '2026-12-14',
  underOutage: async () => false,
};

describe('notification rules', () => {
  it.each(notificationRules.map((r) => [r.id, r] as const))('%s reads its event and fills the default texts of its kind', async (_id, rule) => {
    const data = rule.reads.parse(eventData(rule.on));
    const values = await rule.values(data, lookups);
    const allowed: readonly string[] = allowedVariables(rule.kind);
    expect(Object.keys(values).filter((name) => !allowed.includes(name))).toEqual([]);
    for (const language of ['id', 'en'] as const) {
      const text = renderTemplate(defaultTemplates[rule.kind][language], { ...values, tenant_name: 'Simpul Net', customer_name: 'Ani' }, { timeZone: 'Asia/Jakarta', language });
      expect(text).not.toContain('{{');
    }
  });

  it('has an example for every rule event, so the check above covers them all', () => {
    expect(notificationRules.filter((r) => !(r.on in examples)).map((r) => r.on)).toEqual([]);
  });

  it.each(Object.keys(examples).filter((type) => type in eventCatalog))('the example of %s is data its publisher may publish', (type) => {
    expect(eventCatalog[type].data.safeParse(examples[type]).error?.issues ?? []).toEqual([]);
  });
});

describe('catch-up: only news is sent', () => {
  const rule = (id: string) => notificationRules.find((r) => r.id === id)!;
  const dataOf = (r: ReturnType<typeof rule>, change: object = {}) => r.reads.parse({ ...(examples[r.on] as object), ...change });

  it.each(['customer-invoice-due', 'customer-invoice-overdue'])('%s reminds only of the latest stage, while its isolation day is ahead', async (id) => {
    const r = rule(id);
    expect(await r.when!(dataOf(r), lookups)).toBe(true); // published before `superseded` existed: news
    expect(await r.when!(dataOf(r, { superseded: false }), { ...lookups, today: '2026-12-14' })).toBe(true); // isolated today
    expect(await r.when!(dataOf(r, { superseded: true }), lookups)).toBe(false);
    expect(await r.when!(dataOf(r, { superseded: false }), { ...lookups, today: '2026-12-15' })).toBe(false);
  });

  it('announces a new invoice only while its due day is ahead', async () => {
    const r = rule('customer-invoice-issued');
    expect(await r.when!(dataOf(r), { ...lookups, today: '2026-12-10' })).toBe(true);
    expect(await r.when!(dataOf(r), { ...lookups, today: '2026-12-11' })).toBe(false);
  });
});
