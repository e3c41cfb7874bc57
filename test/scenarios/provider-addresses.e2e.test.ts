import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * Nobody chooses where Simpul sends requests (issue 10, finding 5): a tenant cannot point a
 * payment gateway or WhatsApp provider at an address, nor can the super admin the platform's
 * default sender; what the platform changes about senders shows in the tenants' audit logs.
 */
describe.each(drivers)('provider addresses (%s)', (driver) => {
  let app: TestApp;
  let root: string;
  let onPlatform: string;
  let ownAccount: string;
  const cloudAccount = { accessToken: 'EAAG-platform', phoneNumberId: '1098765432', appSecret: 'platform-app-secret' };

  const call = async (cookie: string, method: 'GET' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const senderNotices = async (cookie: string) =>
    (await call(cookie, 'GET', '/api/audit?limit=100')).body
      .filter((e: { action: string }) => e.action === 'wa_provider.platform_changed')
      .map((e: { subject: string; details: Record<string, unknown> }) => ({ subject: e.subject, ...e.details }));

  beforeAll(async () => {
    app = await createTestApp(driver);
    const alpha = await seedTenantWithOwner(app, `alpha-${driver}`);
    const beta = await seedTenantWithOwner(app, `beta-${driver}`);
    ({ rootCookie: root, ownerCookie: onPlatform } = alpha);
    ownAccount = beta.ownerCookie;
    expect((await call(ownAccount, 'PUT', '/api/notifications/provider', { provider: 'fonnte', config: { token: 'beta-device' } })).status).toBe(200);
  });
  afterAll(() => app?.stop());

  it('should refuse a payment gateway with a baseUrl, naming the field, and save nothing', async () => {
    for (const [provider, config] of [
      ['midtrans', { mode: 'sandbox', serverKey: 'SB-Mid-server-k', baseUrl: 'http://169.254.169.254/latest' }],
      ['xendit', { secretKey: 'xnd_development_k', callbackToken: 't', baseUrl: 'http://127.0.0.1:5432' }],
    ] as const) {
      const res = await call(onPlatform, 'PUT', `/api/billing/gateways/${provider}`, config);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'PAYMENT_GATEWAY_CONFIG_INVALID', details: { fields: [{ field: 'baseUrl', problem: expect.stringContaining('cannot be set') }] } });
    }
    expect((await call(onPlatform, 'GET', '/api/billing/gateways')).body).toEqual([]);
  });

  it('should refuse a WhatsApp provider with a baseUrl, naming the field, and keep the old setup', async () => {
    const before = (await call(ownAccount, 'GET', '/api/notifications/provider')).body;
    const res = await call(ownAccount, 'PUT', '/api/notifications/provider', { provider: 'fonnte', config: { token: 't', baseUrl: 'http://10.0.0.1' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'WA_PROVIDER_CONFIG_INVALID', details: { fields: [{ field: 'baseUrl' }] } });
    const wablas = await call(ownAccount, 'PUT', '/api/notifications/provider', { provider: 'wablas', config: { token: 't', server: 'evil.example.com/x' } });
    expect(wablas.status).toBe(400);
    expect(wablas.body.error.details.fields).toEqual([{ field: 'server', problem: expect.stringContaining('jkt') }]);
    expect((await call(ownAccount, 'GET', '/api/notifications/provider')).body).toEqual(before);
  });

  it('should refuse pointing the platform default sender at a URL, and keep the catalog', async () => {
    const before = (await call(root, 'GET', '/api/platform/wa-providers')).body;
    const res = await call(root, 'PUT', '/api/platform/wa-providers/whatsapp_cloud', { isDefault: true, config: { ...cloudAccount, baseUrl: 'https://capture.example' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'WA_PROVIDER_CONFIG_INVALID', details: { fields: [{ field: 'baseUrl' }] } });
    expect((await call(root, 'GET', '/api/platform/wa-providers')).body).toEqual(before);
    expect(await senderNotices(onPlatform)).toEqual([]);
  });

  it('should write a change of the platform default into the audit log of the tenants who send through it', async () => {
    const res = await call(root, 'PUT', '/api/platform/wa-providers/whatsapp_cloud', { isDefault: true, config: cloudAccount, sender: '0811-2000-3000' });
    expect(res.status).toBe(200);
    const notice = { subject: 'whatsapp_cloud', enabled: true, isDefault: true, accountChanged: true, senderChanged: true };
    expect(await senderNotices(onPlatform)).toEqual([notice]);
    // A tenant with its own account is not concerned by the platform's sender…
    expect(await senderNotices(ownAccount)).toEqual([]);
    // …but is by the withdrawal of its own provider (its messages fall back to the platform default).
    expect((await call(root, 'PUT', '/api/platform/wa-providers/fonnte', { enabled: false })).status).toBe(200);
    expect(await senderNotices(ownAccount)).toEqual([{ subject: 'fonnte', enabled: false, isDefault: false, accountChanged: false, senderChanged: false }]);
    expect(await senderNotices(onPlatform)).toEqual([notice]);
    const entry = (await call(onPlatform, 'GET', '/api/audit?limit=100')).body.find((e: { action: string }) => e.action === 'wa_provider.platform_changed');
    expect(JSON.stringify(entry)).not.toContain('EAAG-platform');
  });
});
