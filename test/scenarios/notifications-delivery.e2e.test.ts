import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FonnteStandIn } from '../../src/simulators/fonnte/fonnte.stand-in.ts';
import { WhatsAppCloudStandIn } from '../../src/simulators/whatsapp-cloud/whatsapp-cloud.stand-in.ts';
import type { WebhookToSend } from '../../src/simulators/whatsapp-stand-in.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';

const poll = { timeout: 15_000, interval: 50 };
const cloudAccount = { accessToken: 'EAAG-stand-in-token', phoneNumberId: '109876543210', appSecret: 'meta-app-secret' };
const notOnWhatsApp = '+6289999999999';

type Message = { id: string; status: string; attempts: number; reason: string | null; to: string; externalId: string | null; provider: string | null };

/**
 * Delivery through real provider adapters against their local stand-ins: retries on 5xx,
 * status webhooks (signed for the Cloud API, keyed for Fonnte), numbers not on WhatsApp,
 * timeouts, and the provider setup's bad input.
 */
describe('WhatsApp delivery', () => {
  let app: TestApp;
  let cloud: WhatsAppCloudStandIn;
  let fonnte: FonnteStandIn;
  let owner: string;
  let root: string;

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, cookie = owner) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const message = async (id: string): Promise<Message> =>
    (await call('GET', '/api/notifications/messages?limit=500')).body.find((m: Message) => m.id === id);
  const sendTest = async (to: string): Promise<Message> => {
    const res = await call('POST', '/api/notifications/test-message', { to });
    expect(res.status).toBe(201);
    return res.body;
  };
  const postWebhook = (path: string, webhook: WebhookToSend) =>
    app.http.inject({ method: 'POST', url: path, headers: webhook.headers, payload: webhook.rawBody });
  const useCloud = (extra: Record<string, unknown> = {}) =>
    call('PUT', '/api/notifications/provider', { provider: 'whatsapp_cloud', config: { ...cloudAccount, ...extra }, sender: '0811-2000-3000' });
  const acceptedTo = (digits: string) => cloud.accepted.filter((m) => m.to === digits).length;

  beforeAll(async () => {
    cloud = await WhatsAppCloudStandIn.start({ ...cloudAccount, unregisteredNumbers: [notOnWhatsApp] });
    fonnte = await FonnteStandIn.start({ token: 'fonnte-device-token' });
    app = await createTestApp('pglite', { start: '2026-12-10T03:00:00Z', events: true, providerUrls: { whatsapp_cloud: cloud.baseUrl, fonnte: fonnte.baseUrl } });
    const seeded = await seedTenantWithOwner(app, 'kalasan');
    owner = seeded.ownerCookie;
    root = seeded.rootCookie;
  });
  afterAll(async () => {
    await app?.stop();
    await cloud?.close();
    await fonnte?.close();
  });

  it('should refuse a provider config with a missing token, naming the field, and keep the old setup', async () => {
    const before = (await call('GET', '/api/notifications/provider')).body;
    expect(before).toMatchObject({ provider: null, effective: { provider: 'dev_inbox', source: 'platform' } });
    const res = await call('PUT', '/api/notifications/provider', { provider: 'fonnte', config: { token: ' ' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'WA_PROVIDER_CONFIG_INVALID', details: { fields: [{ field: 'token', problem: 'is required' }] } });
    const cloudMissing = await call('PUT', '/api/notifications/provider', { provider: 'whatsapp_cloud', config: { phoneNumberId: '1' } });
    expect(cloudMissing.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['accessToken', 'appSecret']);
    const badSender = await call('PUT', '/api/notifications/provider', { provider: 'fonnte', config: { token: 't' }, sender: '12-ab' });
    expect(badSender.status).toBe(400);
    expect(badSender.body.error).toMatchObject({ code: 'PHONE_INVALID', details: { fields: [{ field: 'sender' }] } });
    expect((await call('GET', '/api/notifications/provider')).body).toEqual(before);
  });

  it('should refuse a malformed phone number for a test message with a 400 naming the field', async () => {
    const res = await call('POST', '/api/notifications/test-message', { to: '0812-ABC' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'PHONE_INVALID', details: { fields: [{ field: 'to' }] } });
  });

  it('should let only a super admin change the catalog, and refuse providers it does not offer', async () => {
    expect((await call('GET', '/api/platform/wa-providers')).status).toBe(403);
    const withdrawn = await call('PUT', '/api/platform/wa-providers/wablas', { enabled: false }, root);
    expect(withdrawn.body).toMatchObject({ provider: 'wablas', enabled: false, isDefault: false });
    const refused = await call('PUT', '/api/notifications/provider', { provider: 'wablas', config: { token: 't', server: 'jkt' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields).toEqual([{ field: 'provider', problem: 'is not offered by the platform' }]);
    expect((await call('PUT', '/api/platform/wa-providers/dev_inbox', { enabled: false }, root)).status).toBe(409);
    const catalog = (await call('GET', '/api/platform/wa-providers', undefined, root)).body;
    expect(catalog.find((c: { provider: string }) => c.provider === 'dev_inbox')).toMatchObject({ enabled: true, isDefault: true });
  });

  it('should store the credentials sealed and show them masked', async () => {
    const saved = await useCloud();
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ provider: 'whatsapp_cloud', sender: '+6281120003000', effective: { provider: 'whatsapp_cloud', source: 'tenant' } });
    expect(saved.body.config.accessToken).toBe('••••oken');
    expect(saved.body.webhookPath).toBe('/api/webhooks/wa/whatsapp_cloud/kalasan');
    const { rows } = await sql<{ sealed_config: string }>`select sealed_config from notifications_settings`.execute(app.db.owner);
    expect(rows[0].sealed_config).toMatch(/^v1\./);
    expect(rows[0].sealed_config).not.toContain(cloudAccount.accessToken);
  });

  it('should retry 500, 500 with backoff and then deliver exactly one message, recorded as sent', async () => {
    cloud.failNext({ kind: 'server_error' }, { kind: 'server_error' });
    const queued = await sendTest('0812-7000-0001');
    const state = async () => {
      const m = await message(queued.id);
      return `${m.status} after ${m.attempts}`;
    };
    await expect.poll(state, poll).toBe('pending after 1');
    expect((await message(queued.id)).reason).toContain('WA_PROVIDER_UNAVAILABLE');
    app.clock.advance(31_000); // first backoff: 30 s
    await expect.poll(state, poll).toBe('pending after 2');
    app.clock.advance(61_000); // second: 60 s
    await expect.poll(state, poll).toBe('sent after 3');
    expect(await message(queued.id)).toMatchObject({ attempts: 3, reason: null, provider: 'whatsapp_cloud' });
    expect(acceptedTo('6281270000001')).toBe(1);
    expect(cloud.requests.filter((r) => r.rawBody.includes('6281270000001'))).toHaveLength(3);
  });

  it('should move a message to delivered and read from signed status webhooks, and refuse a forged one', async () => {
    const queued = await sendTest('0812-7000-0002');
    await expect.poll(async () => (await message(queued.id)).status, poll).toBe('sent');
    const { externalId } = await message(queued.id);
    const path = '/api/webhooks/wa/whatsapp_cloud/kalasan';
    const forged = await postWebhook(path, cloud.statusWebhook([{ externalId: externalId!, status: 'read' }], { signWith: 'not-the-secret' }));
    expect(forged.statusCode).toBe(401);
    expect((await message(queued.id)).status).toBe('sent');
    expect((await postWebhook(path, cloud.statusWebhook([{ externalId: externalId!, status: 'delivered' }]))).json()).toEqual({ received: 1, applied: 1 });
    expect((await message(queued.id)).status).toBe('delivered');
    await postWebhook(path, cloud.statusWebhook([{ externalId: externalId!, status: 'read' }]));
    // A late "delivered" after "read" does not move it back.
    expect((await postWebhook(path, cloud.statusWebhook([{ externalId: externalId!, status: 'delivered' }]))).json()).toEqual({ received: 1, applied: 0 });
    expect((await message(queued.id)).status).toBe('read');
    expect((await app.http.inject({ method: 'POST', url: '/api/webhooks/wa/whatsapp_cloud/nope', payload: '{}' })).statusCode).toBe(404);
  });

  it('should record a number that is not on WhatsApp as one failed message with the reason, never retried', async () => {
    const queued = await sendTest(notOnWhatsApp);
    await expect.poll(async () => (await message(queued.id)).status, poll).toBe('sent');
    const report = cloud.statusWebhook([{ externalId: (await message(queued.id)).externalId!, status: 'failed', errorCode: 131026 }]);
    await postWebhook('/api/webhooks/wa/whatsapp_cloud/kalasan', report);
    const failed = await message(queued.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.reason).toContain('131026');
    expect(failed.reason).toContain('undeliverable');
    app.clock.advance(3_600_000);
    await app.notifications.deliverDue(); // a delivery round an hour later
    expect(acceptedTo(notOnWhatsApp.slice(1))).toBe(1);
    expect(await message(queued.id)).toMatchObject({ status: 'failed', attempts: 1 });
    const events = await sql<{ data: { outcome: string; reason: string } }>`
      select data from event_outbox where type = 'notifications.message.failed' and data->>'messageId' = ${queued.id}`.execute(app.db.owner);
    expect(events.rows.map((r) => r.data.outcome)).toEqual(['failed']);
  });

  it('should not resend a message whose send timed out, leaving the decision to a person', async () => {
    expect((await useCloud({ timeoutMs: 300 })).status).toBe(200);
    cloud.failNext({ kind: 'timeout' });
    const queued = await sendTest('0812-7000-0003');
    await expect.poll(async () => (await message(queued.id)).status, poll).toBe('unknown');
    const unknown = await message(queued.id);
    expect(unknown.reason).toContain('WA_PROVIDER_TIMEOUT');
    expect(unknown.reason).toContain('Not resent automatically');
    app.clock.advance(3_600_000);
    await app.notifications.deliverDue();
    expect(cloud.requests.filter((r) => r.rawBody.includes('6281270000003'))).toHaveLength(1);
    // The stand-in never accepted it; a person resends it, once.
    expect((await call('POST', `/api/notifications/messages/${queued.id}/resend`)).body.status).toBe('pending');
    await expect.poll(async () => (await message(queued.id)).status, poll).toBe('sent');
    expect(acceptedTo('6281270000003')).toBe(1);
    expect((await call('POST', `/api/notifications/messages/${queued.id}/resend`)).status).toBe(409);
    await useCloud();
  });

  it('should accept a Fonnte status webhook only with the tenant’s key in the URL', async () => {
    const saved = await call('PUT', '/api/notifications/provider', { provider: 'fonnte', config: { token: 'fonnte-device-token' } });
    expect(saved.status).toBe(200);
    const path: string = saved.body.webhookPath;
    expect(path).toMatch(/^\/api\/webhooks\/wa\/fonnte\/kalasan\?key=[\w-]{20,}$/);
    const queued = await sendTest('0812-7000-0004');
    await expect.poll(async () => (await message(queued.id)).status, poll).toBe('sent');
    expect(fonnte.accepted.map((m) => m.target)).toEqual(['6281270000004']);
    const [report] = fonnte.deliveryReports();
    expect((await postWebhook(path.split('?')[0], report.webhook)).statusCode).toBe(401);
    expect((await postWebhook(`${path.split('?')[0]}?key=wrong`, report.webhook)).statusCode).toBe(401);
    expect((await postWebhook(path, report.webhook)).json()).toEqual({ received: 1, applied: 1 });
    expect((await message(queued.id)).status).toBe('delivered');
  });
});
