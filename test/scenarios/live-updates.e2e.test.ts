import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** Reads server-sent events from a live HTTP response until `until` matches one. */
async function readEvents(response: Response, until: (type: string) => boolean) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const seen: { type: string; data: any }[] = [];
  let buffer = '';
  while (!seen.some((e) => until(e.type))) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = block.match(/^event: (.+)$/m)?.[1];
      const data = block.match(/^data: (.+)$/m)?.[1];
      if (type && data) seen.push({ type, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return seen;
}

describe('live updates (server-sent events)', () => {
  let app: TestApp;
  let url: string;
  let owner: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let other: Awaited<ReturnType<typeof seedTenantWithOwner>>;

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: '2026-12-01T02:00:00Z', events: true });
    owner = await seedTenantWithOwner(app, 'langsung');
    other = await seedTenantWithOwner(app, 'tetangga');
    url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.stop());

  const api = (cookie: string, method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }).then((r) => r.json() as Promise<any>);

  it('should push a payment to an open page of its tenant only', async () => {
    const plan = await api(owner.ownerCookie, 'POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'hemat' });
    await api(owner.ownerCookie, 'POST', '/api/customers', { name: 'Sari', phone: '081211112222', planId: plan.id, connectionType: 'dhcp', ipAddress: '10.1.1.2', activatedOn: '2026-11-01' });
    await api(owner.ownerCookie, 'POST', '/api/billing/invoices/generate', {});
    const invoice = (await api(owner.ownerCookie, 'GET', '/api/invoices')).items[0];

    const mine = await fetch(`${url}/api/live`, { headers: { cookie: owner.ownerCookie } });
    expect(mine.headers.get('content-type')).toContain('text/event-stream');
    const theirs = await fetch(`${url}/api/live`, { headers: { cookie: other.ownerCookie } });
    const received = readEvents(mine, (type) => type === 'billing.invoice.paid');
    await api(owner.ownerCookie, 'POST', `/api/invoices/${invoice.id}/payments`, { amount: 100_000, method: 'cash' });
    const events = await received;
    expect(events.find((e) => e.type === 'billing.invoice.paid')!.data.data).toMatchObject({ invoiceId: invoice.id, amount: 100_000 });

    // The neighbour's stream got nothing of it (a heartbeat-free read times out empty).
    const neighbour = await Promise.race([readEvents(theirs, () => true), new Promise((r) => setTimeout(() => r('nothing'), 1500))]);
    expect(neighbour).toBe('nothing');
  });

  it('should refuse an anonymous stream', async () => {
    const res = await fetch(`${url}/api/live`);
    expect(res.status).toBe(401);
  });
});
