import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../ftth-topology.ts';
import { asTenantId } from '../../src/platform/db/database.ts';
import { logContext } from '../../src/platform/logging/logger.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

type Received = { type: string; data: Record<string, unknown> };

/** Reads a stream's server-sent events until one of type `until` arrives. */
async function readUntil(response: Response, until: string): Promise<Received[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const seen: Received[] = [];
  let buffer = '';
  while (!seen.some((e) => e.type === until)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${until}`);
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer.slice(0, end).match(/^data: (.+)$/m)?.[1];
      buffer = buffer.slice(end + 2);
      if (data) seen.push(JSON.parse(data));
    }
  }
  await reader.cancel();
  return seen;
}

/**
 * "Technician & collector roles operate independently but may combine": a technician alone sees
 * tasks and the network, no money (403 on invoices and payments, no money events on the live
 * feed); a collector alone sees customers, no tasks; one person with both sees both, no more.
 */
describe.each(drivers)('technician and collector roles on %s', (driver) => {
  let app: TestApp;
  let url: string;
  let ownerCookie: string;
  let tenantId: string;
  const cookies = { technician: '', collector: '', both: '' };
  const ids = { technician: '', both: '' };
  let customerId: string;
  let invoiceId: string;
  const as = (who: keyof typeof cookies) => apiCaller(app, cookies[who]);

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-01T02:00:00Z', events: true });
    const seeded = await seedTenantWithOwner(app, 'godean');
    ownerCookie = seeded.ownerCookie;
    tenantId = seeded.tenantId;
    const t = await addStaff(app, ownerCookie, { email: 'tono@godean.test', name: 'Tono', roles: ['technician'], password: 'rahasia-staf-1' });
    const c = await addStaff(app, ownerCookie, { email: 'cici@godean.test', name: 'Cici', roles: ['collector'], password: 'rahasia-staf-1' });
    const b = await addStaff(app, ownerCookie, { email: 'eko@godean.test', name: 'Eko', roles: ['technician', 'collector'], password: 'rahasia-staf-1' });
    Object.assign(cookies, { technician: t.cookie, collector: c.cookie, both: b.cookie });
    Object.assign(ids, { technician: t.userId, both: b.userId });
    const owner = apiCaller(app, ownerCookie);
    const plan = await owner('POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 123_456, routerProfile: 'hemat' });
    customerId = (await owner('POST', '/api/customers', { name: 'Sari', phone: '081211112222', planId: plan.body.id, connectionType: 'dhcp', ipAddress: '10.1.1.2', activatedOn: '2026-11-01', latitude: -7.77, longitude: 110.3 })).body.id;
    url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(() => app?.stop());

  it('should refuse a technician-only account invoices and payments, and give it tasks and the network', async () => {
    await apiCaller(app, ownerCookie)('POST', '/api/billing/invoices/generate', {});
    invoiceId = (await apiCaller(app, ownerCookie)('GET', '/api/invoices')).body.items[0].id;
    const tech = as('technician');
    expect((await tech('GET', '/api/invoices')).status).toBe(403);
    expect((await tech('GET', '/api/payment-history')).status).toBe(403);
    expect((await tech('POST', `/api/invoices/${invoiceId}/payments`, { amount: 123_456, method: 'cash' })).status).toBe(403);
    expect((await tech('GET', '/api/tasks')).status).toBe(200);
    expect((await tech('GET', '/api/routers')).status).toBe(200);
    expect((await tech('GET', '/api/maps/data')).status).toBe(200);
    expect((await tech('POST', '/api/tasks', { kind: 'repair', title: 'x', target: { kind: 'customer', id: customerId } })).status).toBe(403); // office staff create tasks
  });

  it('should refuse a collector-only account every task, photo and activity route', async () => {
    const collector = as('collector');
    for (const path of ['/api/tasks', '/api/photos/overlay', '/api/field-activities', '/api/technicians/settings']) expect((await collector('GET', path)).status).toBe(403);
    expect((await collector('POST', '/api/field-activities', { element: { kind: 'customer', id: customerId }, note: 'x' })).status).toBe(403);
    expect((await collector('GET', '/api/customers')).status).toBe(200);
    expect((await collector('GET', '/api/invoices')).status).toBe(403);
  });

  it('should let a technician+collector account use both, and no more', async () => {
    const both = as('both');
    expect((await both('GET', '/api/customers')).status).toBe(200);
    expect((await both('GET', '/api/tasks')).status).toBe(200);
    const logged = await both('POST', '/api/field-activities', { element: { kind: 'customer', id: customerId }, note: 'Cek kabel drop, aman.' });
    expect(logged).toMatchObject({ status: 201, body: { technicianName: 'Eko', element: { kind: 'customer', name: 'Sari' } } });
    expect((await both('GET', '/api/invoices')).status).toBe(403);
    expect((await both('GET', '/api/payment-history')).status).toBe(403);
    const me = await app.http.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookies.both } });
    const permissions: string[] = me.json().permissions;
    expect(permissions).toEqual(expect.arrayContaining(['tasks.read', 'fieldwork.log', 'collections.collect']));
    expect(permissions).not.toContain('billing.read');
  });

  it('should send task events to technicians and no money events to them; collectors get neither tasks nor money', async () => {
    const open = (cookie: string) => fetch(`${url}/api/live`, { headers: { cookie } });
    const streams = { technician: await open(cookies.technician), collector: await open(cookies.collector), both: await open(cookies.both) };
    const received = Object.fromEntries(Object.entries(streams).map(([who, s]) => [who, readUntil(s, 'customers.customer.changed')]));
    const owner = apiCaller(app, ownerCookie);
    expect((await owner('POST', `/api/invoices/${invoiceId}/payments`, { amount: 123_456, method: 'cash' })).status).toBe(201);
    expect((await owner('POST', '/api/tasks', { kind: 'repair', title: 'LOS merah', target: { kind: 'customer', id: customerId }, assigneeIds: [ids.technician] })).status).toBe(201);
    await owner('PATCH', `/api/customers/${customerId}`, { ipAddress: '10.1.1.3' });
    const types = async (who: string) => (await received[who]).map((e) => e.type);
    expect(await types('technician')).toEqual(['field.task.created', 'customers.customer.changed']);
    expect(await types('both')).toEqual(['field.task.created', 'customers.customer.changed']);
    expect(await types('collector')).toEqual(['customers.customer.changed']);
    for (const who of ['technician', 'both']) expect(JSON.stringify(await received[who])).not.toMatch(/123456/);
  });

  it('should keep money from a technician alone and tasks from a collector alone in the database itself, not only the API', async () => {
    // A tenant transaction as a request by a person holding `roles` (authentication sets them per request).
    const asRoles = <T>(roles: string[], fn: Parameters<typeof app.db.tenant<any, T>>[1]) => logContext.run({ staffRoles: roles }, () => app.db.tenant(asTenantId(tenantId), fn));
    const seen = (roles: string[]) =>
      asRoles(roles, async (trx) => ({
        invoices: (await trx.selectFrom('billing_invoices').select('id').execute()).length,
        payments: (await trx.selectFrom('billing_payments').select('id').execute()).length,
        tasks: (await trx.selectFrom('technicians_tasks').select('id').execute()).length,
      }));
    expect(await seen(['technician'])).toEqual({ invoices: 0, payments: 0, tasks: 1 });
    expect(await seen(['collector'])).toEqual({ invoices: 1, payments: 1, tasks: 0 });
    // Both roles, the office, and jobs and handlers (no staff roles) see everything.
    for (const roles of [['technician', 'collector'], ['finance'], []]) expect(await seen(roles)).toEqual({ invoices: 1, payments: 1, tasks: 1 });
    // Writes are refused the same way: nothing changes.
    const voided = await asRoles(['technician'], (trx) => trx.updateTable('billing_invoices').set({ status: 'void' }).executeTakeFirst());
    const cancelled = await asRoles(['collector'], (trx) => trx.updateTable('technicians_tasks').set({ status: 'cancelled' }).executeTakeFirst());
    expect([voided.numUpdatedRows, cancelled.numUpdatedRows]).toEqual([0n, 0n]);
    expect((await apiCaller(app, ownerCookie)('GET', `/api/invoices/${invoiceId}`)).body.status).toBe('paid');
  });
});
