import { sql } from 'kysely';
import { expect } from 'vitest';
import { seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
export const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

export type PortalCustomer = { id: string; code: string; name: string; phone: string; ip: string; invoiceId: string; invoiceNumber: string };

/**
 * A tenant with two static-IP customers, both isolated for December's unpaid invoice (the daily
 * scan past the grace period), as the portal tests need them. `midtrans`: a gateway account.
 */
export async function seedPortalTenant(app: TestApp, slug: string, options: { midtrans?: boolean; ips?: [string, string] } = {}) {
  const tenant = await seedTenantWithOwner(app, slug, 'WIB');
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie: tenant.ownerCookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };
  await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3 });
  const plan = await call('POST', '/api/plans', { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'r20' });
  const [first, second] = options.ips ?? ['10.20.0.11', '10.20.0.12'];
  const people = [
    ['Budi Santoso', '0812-2700-1101', first],
    ['Sri Wahyuni', '+62 812 2700 1102', second],
  ] as const;
  const customers: PortalCustomer[] = [];
  for (const [name, phone, ip] of people) {
    const c = await call('POST', '/api/customers', { name, phone, address: 'Jl. Kaliurang km 9, Sleman', planId: plan.id, connectionType: 'static', ipAddress: ip, activatedOn: '2026-11-01' });
    customers.push({ id: c.id, code: c.code, name, phone: c.phone, ip, invoiceId: '', invoiceNumber: '' });
  }
  await call('POST', '/api/billing/invoices/generate', {});
  app.clock.set(wib('2026-12-14T08:00:00'));
  await call('POST', '/api/billing/daily-scan');
  for (const customer of customers) {
    const invoice = (await call('GET', `/api/invoices?customerId=${customer.id}`)).items[0];
    Object.assign(customer, { invoiceId: invoice.id, invoiceNumber: invoice.number });
    expect((await call('GET', `/api/customers/${customer.id}/line`)).desiredState).toBe('isolated');
  }
  if (options.midtrans) await call('PUT', '/api/billing/gateways/midtrans', { mode: 'sandbox', serverKey: 'SB-Mid-server-portal' });
  return { ...tenant, call, customers, plan };
}

/** A form post as a browser sends it, from `address`, with an optional portal cookie. */
export async function postForm(app: TestApp, url: string, fields: Record<string, string>, options: { address?: string; cookie?: string } = {}) {
  return app.http.inject({
    method: 'POST',
    url,
    remoteAddress: options.address ?? '203.0.113.9',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.cookie ? { cookie: options.cookie } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** The last portal code the dev inbox (or the queue, before delivery) holds for a phone. */
export async function lastCodeFor(app: TestApp, ownerCookie: string, phone: string): Promise<string> {
  let code = '';
  await expect
    .poll(
      async () => {
        const res = await app.http.inject({ method: 'GET', url: '/api/notifications/inbox?limit=50', headers: { cookie: ownerCookie } });
        const message = (res.json() as { kind: string; to: string; text: string }[]).find((m) => m.kind === 'portal_otp' && m.to === phone);
        code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1] ?? '';
        return code;
      },
      { timeout: 15_000, interval: 100 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

export const portalCookie = (res: { cookies: { name: string; value: string }[] }) => {
  const cookie = res.cookies.find((c) => c.name === 'simpul_portal');
  return cookie ? `simpul_portal=${cookie.value}` : '';
};

/** Every portal code queued for a phone so far (the message rows, queued with the challenge). */
export async function codesFor(app: TestApp, phone: string): Promise<string[]> {
  const { rows } = await sql<{ body: string }>`select body from notifications_messages where kind = 'portal_otp' and to_phone = ${phone}`.execute(app.db.owner);
  return rows.map((r) => /\b(\d{6})\b/.exec(r.body)![1]);
}

/** Asks for a code as the customer would and returns the new one. */
export async function requestNewCode(app: TestApp, slug: string, identifier: string, phone: string, address = '203.0.113.9'): Promise<string> {
  const before = new Set(await codesFor(app, phone));
  const res = await postForm(app, `/p/${slug}/code`, { identifier }, { address });
  expect(res.statusCode).toBe(200);
  const fresh = (await codesFor(app, phone)).filter((c) => !before.has(c));
  expect(fresh).toHaveLength(1);
  return fresh[0];
}
