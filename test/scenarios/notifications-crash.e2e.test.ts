import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/composition-root.ts';
import { WhatsAppCloudStandIn } from '../../src/simulators/whatsapp-cloud/whatsapp-cloud.stand-in.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createSecretBox } from '../../src/platform/crypto/secret-box.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { loginCookie, openTestDatabase, testConfig, type TestDatabase } from '../harness.ts';

const cloudAccount = { accessToken: 'EAAG-stand-in-token', phoneNumberId: '109876543210', appSecret: 'meta-app-secret' };
/** Meta refuses some numbers at send time with 131026 (not a WhatsApp user). */
const refusedDigits = '6281199990000';

/**
 * Two application processes on one database (the server shape): one dies in the middle of a
 * send, the other carries on. Guarantee under test: a message the provider may have accepted
 * is never sent a second time by the machine.
 */
describe('WhatsApp delivery when a worker dies mid-send', () => {
  let db: TestDatabase;
  let cloud: WhatsAppCloudStandIn;
  let dying: App;
  let survivor: App;
  let cookie: string;
  const clock = new ManualClock('2026-12-10T03:00:00Z');
  let refusedCalls = 0;

  /** Hands the request to the provider, then never hears back: the process was killed. */
  const killedAfterSending: typeof fetch = async (url, init) => {
    await fetch(url, init);
    return new Promise<Response>(() => {});
  };
  const metaFetch: typeof fetch = async (url, init) => {
    if (String(init?.body).includes(`"to":"${refusedDigits}"`)) {
      refusedCalls += 1;
      return Response.json(
        { error: { message: '(#131026) Message undeliverable.', type: 'OAuthException', code: 131026, error_data: { details: 'Message Undeliverable.' } } },
        { status: 400 },
      );
    }
    return fetch(url, init);
  };

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await survivor.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const message = async (id: string) => (await call('GET', '/api/notifications/messages?limit=500')).body.find((m: { id: string }) => m.id === id);

  beforeAll(async () => {
    cloud = await WhatsAppCloudStandIn.start(cloudAccount);
    db = await openTestDatabase('pglite');
    const secrets = createSecretBox(randomBytes(32));
    const processWith = (fetchImpl: typeof fetch) =>
      createApp({
        db,
        clock,
        secrets,
        fetch: fetchImpl,
        logger: createLogger({ level: 'silent' }),
        config: {
          ...testConfig,
          events: { transport: 'postgres', redisUrl: undefined, redisKeyPrefix: 'simpul-test', databaseUrl: undefined },
          providerUrls: { whatsapp_cloud: cloud.baseUrl },
        },
      });
    dying = await processWith(killedAfterSending);
    survivor = await processWith(metaFetch);
    // Neither runs its workers: each test drives delivery rounds by hand, as a worker would.
    await survivor.identity.ensureSuperAdmin({ email: 'root@platform.test', name: 'Root', password: 'rahasia-super-123' });
    const root = await loginCookie(survivor as never, 'root@platform.test', 'rahasia-super-123');
    const owner = { email: 'owner@prambanan.test', name: 'Owner', password: 'pemilik-123456' };
    await survivor.http.inject({ method: 'POST', url: '/api/platform/tenants', headers: { cookie: root }, payload: { name: 'Net Prambanan', slug: 'prambanan', timeZone: 'WIB', owner } });
    cookie = await loginCookie(survivor as never, owner.email, owner.password);
    const saved = await call('PUT', '/api/notifications/provider', { provider: 'whatsapp_cloud', config: cloudAccount });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await survivor?.close();
    await dying?.close().catch(() => undefined);
    await cloud?.close();
    await db?.drop();
  });

  it('should not send a second message after the lease of a killed worker expires', async () => {
    const queued = (await call('POST', '/api/notifications/test-message', { to: '0812-8000-0001' })).body;
    void dying.notifications.deliverDue(); // claims, sends, and is "killed" before hearing the answer
    await expect.poll(() => cloud.accepted.length, { timeout: 10_000, interval: 20 }).toBe(1);
    expect(await message(queued.id)).toMatchObject({ status: 'sending', attempts: 1 });

    // Within the lease the survivor leaves it alone; after it, it settles it — without resending.
    expect(await survivor.notifications.deliverDue()).toBe(0);
    clock.advance(6 * 60_000);
    await survivor.notifications.deliverDue();
    const settled = await message(queued.id);
    expect(settled.status).toBe('unknown');
    expect(settled.reason).toContain('Not resent automatically');
    clock.advance(24 * 3_600_000);
    await survivor.notifications.deliverDue();
    expect(cloud.accepted).toHaveLength(1);
    expect((await message(queued.id)).status).toBe('unknown');
    const failed = await sql<{ data: { outcome: string } }>`
      select data from event_outbox where type = 'notifications.message.failed' and data->>'messageId' = ${queued.id}`.execute(db.owner);
    expect(failed.rows.map((r) => r.data.outcome)).toEqual(['unknown']);

    // Meta's status webhook echoes our idempotency key: it settles the message it never had an id for.
    const report = cloud.deliveryReport();
    const res = await survivor.http.inject({ method: 'POST', url: '/api/webhooks/wa/whatsapp_cloud/prambanan', headers: report.headers, payload: report.rawBody });
    expect(res.json()).toEqual({ received: 1, applied: 1 });
    expect(await message(queued.id)).toMatchObject({ status: 'delivered', externalId: cloud.accepted[0].externalId });
  });

  it('should fail a number the provider refuses at send time once, with the reason, and never retry it', async () => {
    const queued = (await call('POST', '/api/notifications/test-message', { to: '0811-9999-0000' })).body;
    await survivor.notifications.deliverDue();
    const failed = await message(queued.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.reason).toContain('WA_INVALID_RECIPIENT');
    expect(failed.reason).toContain('131026');
    clock.advance(24 * 3_600_000);
    await survivor.notifications.deliverDue();
    expect(refusedCalls).toBe(1);
    expect((await call('GET', '/api/notifications/messages?status=failed')).body).toHaveLength(1);
  });
});
