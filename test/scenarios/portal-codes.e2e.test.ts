import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, type TestApp } from '../harness.ts';
import { codesFor, portalCookie, postForm, requestNewCode, seedPortalTenant, wib, type PortalCustomer } from './portal-fixture.ts';

/**
 * The customer portal's login: a one-time code by WhatsApp. Expiry, wrong tries, limits, no
 * enumeration, and a session that sees only its own customer's data.
 */
describe.each(drivers)('portal one-time codes on %s', (driver) => {
  let app: TestApp;
  let budi: PortalCustomer;
  let sri: PortalCustomer;
  let tenantId: string;
  let ownerCookie: string;
  const slug = 'kaliurang';
  let hour = 9;
  /** Each test starts in its own hour, past every limit window of the one before. */
  const nextHour = () => app.clock.set(wib(`2026-12-14T${String(hour++).padStart(2, '0')}:00:00`));

  const challengeRows = async () =>
    (await sql<{ customer_id: string | null; attempts: number }>`select customer_id, attempts from portal_challenges where tenant_id = ${tenantId} order by created_at, id`.execute(app.db.owner)).rows;

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T09:00:00'), events: true });
    const seeded = await seedPortalTenant(app, slug);
    tenantId = seeded.tenantId;
    ownerCookie = seeded.ownerCookie;
    [budi, sri] = seeded.customers;
  });
  afterAll(() => app?.stop());

  it('should send a code to the WhatsApp number in any form and open a session that shows only that customer', async () => {
    nextHour();
    for (const typed of ['0812-2700-1101', '+62 812 2700 1101', '6281227001101']) {
      const code = await requestNewCode(app, slug, typed, budi.phone);
      const login = await postForm(app, `/p/${slug}/login`, { identifier: typed, code });
      expect(login.statusCode).toBe(303);
      const cookie = portalCookie(login);
      expect(login.cookies.find((c) => c.name === 'simpul_portal')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `/p/${slug}` });
      const page = await app.http.inject({ method: 'GET', url: `/p/${slug}`, headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Halo, Budi Santoso');
      expect(page.body).toContain(budi.invoiceNumber);
      expect(page.body).not.toContain(sri.invoiceNumber);
      expect(page.body).not.toContain('Sri');
    }
    // By customer code, any case.
    const code = await requestNewCode(app, slug, sri.code.toLowerCase(), sri.phone);
    const login = await postForm(app, `/p/${slug}/login`, { identifier: sri.code.toLowerCase(), code });
    expect(login.statusCode).toBe(303);
    const page = await app.http.inject({ method: 'GET', url: `/p/${slug}`, headers: { cookie: portalCookie(login) } });
    expect(page.body).toContain('Halo, Sri Wahyuni');
    expect(page.body).not.toContain(budi.invoiceNumber);
  });

  it('should answer an unknown number exactly as a customer’s, doing the same work, and send it nothing', async () => {
    nextHour();
    const before = (await challengeRows()).length;
    const messagesBefore = (await sql<{ n: number }>`select count(*)::int as n from notifications_messages where kind = 'portal_otp'`.execute(app.db.owner)).rows[0].n;
    const known = await postForm(app, `/p/${slug}/code`, { identifier: '081227001102' });
    const unknown = await postForm(app, `/p/${slug}/code`, { identifier: '081299998888' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    // The page echoes what was typed (into the hidden field); apart from that, byte for byte the same.
    expect(unknown.body.replaceAll('081299998888', '#')).toBe(known.body.replaceAll('081227001102', '#'));
    // Same path: a challenge row each (the stranger's with no customer) and a rendered message row
    // each; the stranger's is skipped, so only the customer is sent anything.
    const rows = (await challengeRows()).slice(before);
    expect(rows.map((r) => r.customer_id)).toEqual([sri.id, null]);
    const messagesAfter = (await sql<{ n: number }>`select count(*)::int as n from notifications_messages where kind = 'portal_otp'`.execute(app.db.owner)).rows[0].n;
    expect(messagesAfter - messagesBefore).toBe(2);
    const stranger = (await sql<{ status: string; recipient_id: string | null; body: string }>`
      select status, recipient_id, body from notifications_messages where kind = 'portal_otp' and to_phone = '+6281299998888'`.execute(app.db.owner)).rows;
    expect(stranger).toEqual([{ status: 'skipped', recipient_id: null, body: expect.stringMatching(/\d{6} adalah kode masuk portal/) }]);
    // Wrong codes and the limit behave the same for both.
    const wrongKnown = await postForm(app, `/p/${slug}/login`, { identifier: '081227001102', code: '000000' });
    const wrongUnknown = await postForm(app, `/p/${slug}/login`, { identifier: '081299998888', code: '000000' });
    expect(wrongUnknown.statusCode).toBe(401);
    expect(wrongUnknown.statusCode).toBe(wrongKnown.statusCode);
    expect(wrongUnknown.body.replaceAll('081299998888', '#')).toBe(wrongKnown.body.replaceAll('081227001102', '#'));
    for (const identifier of ['081227001102', '081299998888']) {
      expect((await postForm(app, `/p/${slug}/code`, { identifier })).statusCode).toBe(200);
      expect((await postForm(app, `/p/${slug}/code`, { identifier })).statusCode).toBe(200);
      const limited = await postForm(app, `/p/${slug}/code`, { identifier });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
    }
  });

  it('should refuse a code after 15 minutes (ManualClock), and accept it before', async () => {
    nextHour();
    const code = await requestNewCode(app, slug, budi.code, budi.phone);
    app.clock.advance(15 * 60_000);
    const late = await postForm(app, `/p/${slug}/login`, { identifier: budi.code, code });
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('Kode salah atau sudah tidak berlaku.');
    expect(portalCookie(late)).toBe('');
    const fresh = await requestNewCode(app, slug, budi.code, budi.phone);
    app.clock.advance(14 * 60_000 + 59_000);
    expect((await postForm(app, `/p/${slug}/login`, { identifier: budi.code, code: fresh })).statusCode).toBe(303);
    // Used once: the same code again is refused.
    expect((await postForm(app, `/p/${slug}/login`, { identifier: budi.code, code: fresh })).statusCode).toBe(401);
  });

  it('should lock a code after 5 wrong tries, even for the right code afterwards', async () => {
    nextHour();
    const code = await requestNewCode(app, slug, sri.phone, sri.phone);
    const wrong = code === '111111' ? '222222' : '111111';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postForm(app, `/p/${slug}/login`, { identifier: sri.phone, code: wrong })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await postForm(app, `/p/${slug}/login`, { identifier: sri.phone, code });
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Kode salah 5 kali');
    expect(portalCookie(right)).toBe('');
    // A new code works again.
    const next = await requestNewCode(app, slug, sri.phone, sri.phone);
    expect((await postForm(app, `/p/${slug}/login`, { identifier: sri.phone, code: next })).statusCode).toBe(303);
  });

  it('should limit codes per address across numbers, and refuse what is no identifier at all', async () => {
    nextHour();
    const address = '198.51.100.7';
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await postForm(app, `/p/${slug}/code`, { identifier: `08129000${String(1000 + i)}` }, { address })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another address is not held back.
    expect((await postForm(app, `/p/${slug}/code`, { identifier: '081290009999' }, { address: '198.51.100.8' })).statusCode).toBe(200);
    const bad = await postForm(app, `/p/${slug}/code`, { identifier: '<script>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain('<script>');
  });

  it('should never show another customer’s data to a guessed code, number or invoice id', async () => {
    nextHour();
    // Budi's code does not open Sri's account.
    const budiCode = await requestNewCode(app, slug, budi.phone, budi.phone);
    await requestNewCode(app, slug, sri.phone, sri.phone);
    expect((await postForm(app, `/p/${slug}/login`, { identifier: sri.phone, code: budiCode })).statusCode).toBe(401);
    const login = await postForm(app, `/p/${slug}/login`, { identifier: budi.phone, code: budiCode });
    const cookie = portalCookie(login);
    // Sri's invoice through Budi's session: the same "not found" as a made-up id.
    const foreignPay = await app.http.inject({ method: 'POST', url: `/p/${slug}/invoices/${sri.invoiceId}/pay`, headers: { cookie } });
    const madeUpPay = await app.http.inject({ method: 'POST', url: `/p/${slug}/invoices/0190aaaa-0000-7000-8000-000000000000/pay`, headers: { cookie } });
    expect(foreignPay.statusCode).toBe(404);
    expect(foreignPay.body).toBe(madeUpPay.body);
    expect(foreignPay.body).not.toContain(sri.invoiceNumber);
    const foreignReceipt = await app.http.inject({ method: 'GET', url: `/p/${slug}/invoices/${sri.invoiceId}/receipt`, headers: { cookie } });
    expect(foreignReceipt.statusCode).toBe(404);
    expect(foreignReceipt.body).not.toContain('Sri');
    // Without a session nothing is shown; a forged cookie is no session.
    expect((await app.http.inject({ method: 'GET', url: `/p/${slug}/invoices/${budi.invoiceId}/receipt` })).statusCode).toBe(401);
    const forged = await app.http.inject({ method: 'GET', url: `/p/${slug}`, headers: { cookie: 'simpul_portal=bukan-token' } });
    expect(forged.body).not.toContain('Budi');
    expect(forged.body).toContain('Kirim kode ke WhatsApp');
    // Guessing all codes is capped: 3 codes × 5 tries per 15 minutes per number.
    expect((await codesFor(app, sri.phone)).length).toBeGreaterThan(0);
    // Logging out ends the session on the server, not only in the browser.
    await app.http.inject({ method: 'POST', url: `/p/${slug}/logout`, headers: { cookie } });
    expect((await app.http.inject({ method: 'GET', url: `/p/${slug}`, headers: { cookie } })).body).not.toContain('Halo, Budi');
  });

  it('should send the code at once even in the tenant’s quiet hours', async () => {
    nextHour();
    const settings = await app.http.inject({ method: 'PATCH', url: '/api/notifications/settings', headers: { cookie: ownerCookie }, payload: { quietHours: { start: '00:00', end: '23:30' } } });
    expect(settings.statusCode).toBe(200);
    const before = new Set((await sql<{ id: string }>`select id from notifications_messages where kind = 'portal_otp'`.execute(app.db.owner)).rows.map((r) => r.id));
    await requestNewCode(app, slug, budi.code, budi.phone);
    const [message] = (await sql<{ id: string; urgent: boolean; next_attempt_at: Date; reason: string | null }>`
      select id, urgent, next_attempt_at, reason from notifications_messages where kind = 'portal_otp' and to_phone = ${budi.phone}`.execute(app.db.owner)).rows.filter((r) => !before.has(r.id));
    expect(message).toMatchObject({ urgent: true, reason: null });
    expect(new Date(message.next_attempt_at).getTime()).toBe(app.clock.now().getTime());
    await app.http.inject({ method: 'PATCH', url: '/api/notifications/settings', headers: { cookie: ownerCookie }, payload: { quietHours: null } });
  });

  it('should answer an unknown portal address with a plain not found', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/p/tidak-ada' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
