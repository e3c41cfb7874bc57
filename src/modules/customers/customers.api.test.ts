import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';
import { lineColumns } from './customers.service.ts';

describe.each(drivers)('changing customers on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let customerId: string;
  let planId: string;

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const radiusPassword = async () =>
    (
      await sql<{ value: string }>`select value from radcheck where username = 'sari@pelanggan' and attribute = 'Cleartext-Password'`.execute(app.db.owner)
    ).rows.map((r) => r.value);

  beforeAll(async () => {
    // The event bus runs (relay and handlers), the scheduler does not: no reconcile tick can help.
    app = await createTestApp(driver, { events: true });
    cookie = (await seedTenantWithOwner(app, 'ubah')).ownerCookie;
    const router = await call('POST', '/api/routers', {
      name: 'BRAS',
      host: '127.0.0.1',
      apiKind: 'rest',
      username: 'simpul',
      password: 'rahasia-router',
      pppoeViaRadius: true,
      radiusSecret: 'nas-rahasia',
    });
    expect(router.status).toBe(201);
    planId = (await call('POST', '/api/plans', { name: 'Rumahan 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'paket-10m' })).body.id;
    const customer = await call('POST', '/api/customers', {
      name: 'Sari',
      phone: '081233334444',
      planId,
      connectionType: 'pppoe',
      pppoeUsername: 'sari@pelanggan',
      routerId: router.body.id,
      activatedOn: '2026-01-01',
      private: { pppoePassword: 'lama-rahasia' },
    });
    expect(customer.status).toBe(201);
    customerId = customer.body.id;
  }, 60_000);
  afterAll(() => app?.stop());

  it('should refuse an empty PATCH with 400 NOTHING_TO_UPDATE and change nothing', async () => {
    for (const body of [{}, { private: {} }]) {
      const res = await call('PATCH', `/api/customers/${customerId}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('NOTHING_TO_UPDATE');
    }
    expect((await call('GET', `/api/customers/${customerId}`)).body.name).toBe('Sari');
  });

  it('should save a PATCH of only private fields', async () => {
    const res = await call('PATCH', `/api/customers/${customerId}`, { private: { idCardNumber: '3404011234567890', notes: 'rumah hijau' } });
    expect(res.status).toBe(200);
    const read = await call('GET', `/api/customers/${customerId}`);
    expect(read.body.private).toEqual({ idCardNumber: '3404011234567890', pppoePassword: 'lama-rahasia', notes: 'rumah hijau' });
  });

  it('should give RADIUS a new PPPoE password at once, without waiting for a reconcile', async () => {
    await expect.poll(radiusPassword, { timeout: 15_000, interval: 50 }).toEqual(['lama-rahasia']);
    const res = await call('PATCH', `/api/customers/${customerId}`, { private: { pppoePassword: 'baru-rahasia' } });
    expect(res.status).toBe(200);
    await expect.poll(radiusPassword, { timeout: 15_000, interval: 50 }).toEqual(['baru-rahasia']);
  });

  it('should answer a taken PPPoE username with 409 naming the field, and an invalid phone with the one fields form', async () => {
    const other = await call('POST', '/api/customers', { name: 'Budi', phone: '081255556666', planId, connectionType: 'pppoe', pppoeUsername: 'budi@pelanggan', activatedOn: '2026-01-01' });
    expect(other.status).toBe(201);
    const taken = await call('PATCH', `/api/customers/${other.body.id}`, { pppoeUsername: 'sari@pelanggan' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: { fields: [{ field: 'pppoeUsername', problem: 'taken' }] } });
    const phone = await call('PATCH', `/api/customers/${other.body.id}`, { phone: '12' });
    expect(phone.status).toBe(400);
    expect(phone.body.error.details.fields).toEqual([{ field: 'phone', problem: 'invalid' }]);
    expect((await call('GET', `/api/customers/${other.body.id}`)).body).toMatchObject({ pppoeUsername: 'budi@pelanggan', phone: '+6281255556666' });
  });

  it('should publish a change for every customer column the network reads (through customers_lines)', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select distinct table_name, column_name from information_schema.view_column_usage
      where view_name = 'customers_lines' and table_name in ('customers', 'customers_private')`.execute(app.db.owner);
    const keys = new Set(['id', 'tenant_id', 'customer_id']); // what joins rows, not what a user changes
    const read = rows.map((r) => r.column_name).filter((c) => !keys.has(c));
    expect(read.length).toBeGreaterThan(5);
    expect(Object.values(lineColumns)).toEqual(expect.arrayContaining(read));
  });

  it('should tell finance what a customer owes, and leave it out for a technician instead of a false 0', async () => {
    expect((await call('POST', '/api/billing/invoices/generate', {})).status).toBe(200);
    const finance = await addStaff(app, cookie, { email: 'keu@ubah.test', name: 'Keuangan', roles: ['finance'], password: 'keuangan-12345' });
    const technician = await addStaff(app, cookie, { email: 'tek@ubah.test', name: 'Teknisi', roles: ['technician'], password: 'teknisi-123456' });
    const read = async (who: string) => {
      const res = await app.http.inject({ method: 'GET', url: `/api/customers/${customerId}`, headers: { cookie: who } });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    expect(await read(finance.cookie)).toMatchObject({ name: 'Sari', arrears: 100_000, unpaidInvoices: 1 });
    const seen = await read(technician.cookie);
    expect(seen.name).toBe('Sari');
    expect(seen).not.toHaveProperty('arrears');
    expect(seen).not.toHaveProperty('unpaidInvoices');
  });
});
