import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/identity/index.ts';
import { newId } from '../../src/platform/ids.ts';
import { createTestApp, drivers, loginCookie, seedTenantWithOwner, type TestApp } from '../harness.ts';

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
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.match(/^data: (.+)$/m)?.[1];
      if (data) seen.push(JSON.parse(data));
    }
  }
  await reader.cancel();
  return seen;
}

// Finding 10 of issue 10: collectors and technicians (403 on invoices) received every billing
// event, amounts and invoice ids included, on GET /api/live.
describe.each(drivers)('the live feed by permission on %s', (driver) => {
  let app: TestApp;
  let url: string;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const cookies: Record<'collector' | 'technician' | 'finance', string> = { collector: '', technician: '', finance: '' };

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-01T02:00:00Z' });
    tenant = await seedTenantWithOwner(app, 'langsung-peran');
    // Staff written directly (not through the staff API, which is not what this test is about).
    const password = 'kata-sandi-staf-123';
    const passwordHash = await hashPassword(password);
    for (const role of Object.keys(cookies) as (keyof typeof cookies)[]) {
      const userId = newId();
      const email = `${role}@langsung-peran.test`;
      await sql`insert into identity_users (id, email, name, password_hash) values (${userId}, ${email}, ${role}, ${passwordHash})`.execute(app.db.owner);
      await sql`insert into identity_memberships (id, tenant_id, user_id, roles) values (${newId()}, ${tenant.tenantId}, ${userId}, ${[role]})`.execute(app.db.owner);
      cookies[role] = await loginCookie(app, email, password);
    }
    url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.stop());

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method, headers: { cookie: tenant.ownerCookie, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return (await res.json()) as any;
  };
  const open = (cookie: string) => fetch(`${url}/api/live`, { headers: { cookie } });

  it('should send billing events to finance and none (no amount, no invoice id) to a collector or a technician', async () => {
    const plan = await api('POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 123_456, routerProfile: 'hemat' });
    const customer = await api('POST', '/api/customers', { name: 'Sari', phone: '081211112222', planId: plan.id, connectionType: 'dhcp', ipAddress: '10.1.1.2', activatedOn: '2026-11-01' });
    const streams = { collector: await open(cookies.collector), technician: await open(cookies.technician), finance: await open(cookies.finance), owner: await open(tenant.ownerCookie) };
    const received = Object.fromEntries(Object.entries(streams).map(([role, stream]) => [role, readUntil(stream, 'customers.customer.changed')]));

    await api('POST', '/api/billing/invoices/generate', {});
    const invoice = (await api('GET', '/api/invoices')).items[0];
    await api('POST', `/api/invoices/${invoice.id}/payments`, { amount: 123_456, method: 'cash' });
    // An event type outside the audience table reaches nobody, not even the owner.
    await sql`insert into event_outbox (id, tenant_id, topic, type, version, occurred_at, correlation_id, data)
      values (${newId()}, ${tenant.tenantId}, 'billing_events', 'billing.unlisted.thing', 1, now(), 'test', '{}')`.execute(app.db.owner);
    // Every role may read this one; it comes after the others, so each stream has seen them by then.
    await api('PATCH', `/api/customers/${customer.id}`, { ipAddress: '10.1.1.3' });

    const types = async (role: string) => (await received[role]).map((e) => e.type);
    expect(await types('finance')).toEqual(expect.arrayContaining(['billing.invoice.issued', 'billing.payment.confirmed', 'billing.invoice.paid']));
    expect((await received.finance).find((e) => e.type === 'billing.invoice.paid')!.data).toMatchObject({ invoiceId: invoice.id, amount: 123_456 });
    for (const role of ['collector', 'technician']) {
      const events = await received[role];
      expect(events.map((e) => e.type)).toEqual(['customers.customer.changed']);
      expect(JSON.stringify(events)).not.toMatch(new RegExp(`123456|${invoice.id}`));
    }
    expect(await types('owner')).not.toContain('billing.unlisted.thing');
  });
});
