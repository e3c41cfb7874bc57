import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouterModel, Menu } from '../../src/simulators/routeros/router-model.ts';
import { RouterStandIn } from '../../src/simulators/routeros/router-stand-in.ts';
import { runRouterScript } from '../../src/simulators/routeros/script.ts';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { addStaff, createTestApp, drivers, type TestApp } from '../harness.ts';
import { portalCookie, postForm, requestNewCode, seedPortalTenant, type PortalCustomer } from './portal-fixture.ts';

/**
 * The isolir landing page (the customer known by the request's source address), the captive
 * portal API, paying from the page, complaints, and the router script in the RouterOS stand-in.
 */
describe.each(drivers)('isolir page and router script on %s', (driver) => {
  let app: TestApp;
  let midtrans: MidtransStandIn;
  let budi: PortalCustomer;
  let sri: PortalCustomer;
  let tenantId: string;
  let call: Awaited<ReturnType<typeof seedPortalTenant>>['call'];
  let seededPlanId: string;
  const slug = 'godean';

  let listening: Promise<string> | undefined;
  /** The app on a real port, for server-sent events (started once). */
  const serverUrl = () => (listening ??= app.http.listen({ port: 0, host: '127.0.0.1' }));
  const isolirFrom = (address: string, url = `/p/${slug}/isolir`) => app.http.inject({ method: 'GET', url, remoteAddress: address });

  beforeAll(async () => {
    midtrans = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-portal' });
    app = await createTestApp(driver, { start: '2026-12-01T02:00:00Z', events: true, providerUrls: { midtrans: midtrans.baseUrl } });
    const seeded = await seedPortalTenant(app, slug, { midtrans: true });
    ({ tenantId, call } = seeded);
    seededPlanId = seeded.plan.id;
    [budi, sri] = seeded.customers;
    await addStaff(app, seeded.ownerCookie, { email: 'admin@godean.test', name: 'Admin Godean', phone: '0813-1111-2222', roles: ['admin'], password: 'admin-rahasia-1' });
  });
  afterAll(async () => {
    await app?.stop();
    await midtrans?.close();
  });

  it('should show an isolated static line’s own bill, masked, to a request from its address', async () => {
    const res = await isolirFrom(budi.ip);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(`Layanan Anda diisolir karena tagihan ${budi.invoiceNumber} belum dibayar.`);
    expect(res.body).toContain('Rp 150.000');
    expect(res.body).toContain('B***i S***o');
    expect(res.body).not.toContain('Budi Santoso');
    expect(res.body).not.toContain(sri.invoiceNumber);
    expect(res.body).toContain('Bayar sekarang');
    // IPv4-mapped IPv6, as a dual-stack socket reports it, is the same line.
    expect((await isolirFrom(`::ffff:${sri.ip}`)).body).toContain(sri.invoiceNumber);
    // A small page: no script bundle, no fonts; only its own hashed inline style and script may run.
    expect(Buffer.byteLength(res.body)).toBeLessThan(12_000);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('should offer identification to an unknown address, whatever the request claims', async () => {
    const res = await isolirFrom('10.99.0.1', `/p/${slug}/isolir?ip=${budi.ip}&customerId=${budi.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Kami belum mengenali sambungan Anda');
    expect(res.body).toContain('Kirim kode ke WhatsApp');
    expect(res.body).not.toContain(budi.invoiceNumber);
    expect(res.body).not.toContain('B***i');
    const spoofed = await app.http.inject({ method: 'GET', url: `/p/${slug}/isolir`, remoteAddress: '10.99.0.1', headers: { 'x-forwarded-for': budi.ip } });
    expect(spoofed.body).not.toContain(budi.invoiceNumber); // TRUST_PROXY is off: the header is not believed
    // Paying from an unknown address pays nothing: back to the page.
    const pay = await postForm(app, `/p/${slug}/isolir/pay`, {}, { address: '10.99.0.1' });
    expect(pay.statusCode).toBe(303);
    expect(pay.headers.location).toBe(`/p/${slug}/isolir`);
  });

  it('should know a PPPoE customer by the framed address of the open RADIUS session, and forget it when the session stops', async () => {
    const router = await call('POST', '/api/routers', { name: 'Godean RADIUS', host: '10.0.0.2', apiKind: 'rest', username: 'admin', password: 'rahasia', pppoeViaRadius: true, radiusSecret: 'rahasia-radius' });
    const dewi = await call('POST', '/api/customers', {
      name: 'Dewi Lestari',
      phone: '0812-2700-1103',
      planId: seededPlanId,
      connectionType: 'pppoe',
      pppoeUsername: 'dewi@godean',
      routerId: router.id,
      activatedOn: '2026-11-01',
      private: { pppoePassword: 'rahasia-ppp' },
    });
    await call('POST', `/api/customers/${dewi.id}/isolate`, { reason: 'Uji isolir PPPoE' });
    await expect.poll(async () => (await sql`select 1 from radius_users where username = 'dewi@godean'`.execute(app.db.owner)).rows.length, { timeout: 15_000, interval: 100 }).toBe(1);
    // FreeRADIUS writes the accounting Start, with the address the NAS framed for the session.
    await sql`insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, framedipaddress)
      values ('s-dewi', 'u-dewi', 'dewi@godean', '10.0.0.2', now(), '100.64.0.7')`.execute(app.db.owner);
    const page = await isolirFrom('100.64.0.7');
    expect(page.body).toContain('Layanan internet Anda diisolir');
    expect(page.body).toContain(`D***i L***i · ${dewi.code}`);
    expect(page.body).not.toContain('Dewi Lestari');
    // Accounting Stop: the address is nobody's now.
    await sql`update radacct set acctstoptime = now() where acctuniqueid = 'u-dewi'`.execute(app.db.owner);
    expect((await isolirFrom('100.64.0.7')).body).toContain('Kami belum mengenali sambungan Anda');
  });

  it('should show "reconnecting" while the router still isolates a restored line, and flip to active when it confirms', { timeout: 90_000 }, async () => {
    const routerStandIn = await RouterStandIn.start({ username: 'simpul', password: 'router-pass' });
    try {
      const router = await call('POST', '/api/routers', { name: 'Godean API', host: routerStandIn.host, port: routerStandIn.apiPort, apiKind: 'routeros-api', username: 'simpul', password: 'router-pass' });
      const eko = await call('POST', '/api/customers', { name: 'Eko Prasetyo', phone: '0812-2700-1104', planId: seededPlanId, connectionType: 'static', ipAddress: '10.20.0.21', routerId: router.id, activatedOn: '2026-11-01' });
      const applied = () =>
        expect.poll(async () => {
          const lines = await call('GET', `/api/network/lines?routerId=${router.id}`);
          const line = lines.find((l: { customerId: string }) => l.customerId === eko.id);
          return line && `${line.status}/${line.appliedState}`;
        }, { timeout: 30_000, interval: 100 });
      await call('POST', `/api/customers/${eko.id}/isolate`, { reason: 'Uji isolir router' });
      await applied().toBe('in_sync/isolated');
      expect(routerStandIn.model.print(Menu.addressList).map((e) => e.address)).toEqual(['10.20.0.21']);

      // Restored in the database while the router is away: it still isolates the line.
      await routerStandIn.goOffline();
      await call('POST', `/api/customers/${eko.id}/restore`, { reason: 'Sudah bayar di kantor', force: true });
      await expect.poll(() => app.portal.lineStatus(tenantId as never, eko.id), { timeout: 15_000, interval: 100 }).toBe('reconnecting');
      const page = await isolirFrom('10.20.0.21');
      expect(page.body).toContain('Router sedang menyambungkan kembali');
      expect((await app.http.inject({ method: 'GET', url: `/api/portal/captive/${slug}`, remoteAddress: '10.20.0.21' })).json()).toMatchObject({ captive: true });

      // The open page's stream flips by itself once the router confirms (no event says so: it looks again).
      const code = await requestNewCode(app, slug, '0812-2700-1104', '+6281227001104');
      const cookie = portalCookie(await postForm(app, `/p/${slug}/login`, { identifier: '0812-2700-1104', code }));
      const base = await serverUrl();
      const abort = new AbortController();
      const res = await fetch(`${base}/p/${slug}/status`, { headers: { cookie }, signal: abort.signal });
      const reader = res.body!.getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error(`the status stream ended before ${needle}: ${text}`);
          text += new TextDecoder().decode(chunk.value);
        }
      };
      const giveUp = setTimeout(() => abort.abort(), 30_000);
      await readUntil('"line":"reconnecting"');
      // The router is back; the operator's connection test closes its circuit and a reconcile retries the line now.
      await routerStandIn.comeOnline();
      expect((await call('POST', `/api/routers/${router.id}/test`)).ok).toBe(true);
      await call('POST', '/api/network/reconcile');
      await readUntil('"line":"active"');
      clearTimeout(giveUp);
      abort.abort();
      await applied().toBe('in_sync/active');
      expect(routerStandIn.model.print(Menu.addressList)).toEqual([]);
    } finally {
      await routerStandIn.stop();
    }
  });

  it('should answer the RFC 8908 captive portal API for the caller’s line', async () => {
    const isolated = await app.http.inject({ method: 'GET', url: `/api/portal/captive/${slug}`, remoteAddress: budi.ip });
    expect(isolated.statusCode).toBe(200);
    expect(isolated.headers['content-type']).toContain('application/captive+json');
    expect(isolated.json()).toEqual({ captive: true, 'user-portal-url': `http://localhost:80/p/${slug}/isolir` });
    const stranger = await app.http.inject({ method: 'GET', url: `/api/portal/captive/${slug}`, remoteAddress: '10.99.0.1' });
    expect(stranger.json()).toMatchObject({ captive: false });
  });

  it('should pay from the isolir page through the gateway and restore the line when the gateway notifies', async () => {
    const pay = await postForm(app, `/p/${slug}/isolir/pay`, {}, { address: sri.ip });
    expect(pay.statusCode).toBe(303);
    expect(pay.headers.location).toContain(`${midtrans.baseUrl}/snap/v4/redirection/`);
    const [transaction] = [...midtrans.transactions.values()];
    expect(transaction.grossAmount).toBe(150_000);
    const notification = midtrans.signedNotification(transaction.orderId, { status: 'settlement' });
    const webhook = await app.http.inject({ method: 'POST', url: `/api/webhooks/payments/midtrans/${slug}`, headers: notification.headers, payload: notification.rawBody });
    expect(webhook.statusCode).toBe(200);
    await expect.poll(async () => (await call('GET', `/api/customers/${sri.id}/line`)).desiredState, { timeout: 15_000, interval: 100 }).toBe('active');
    expect(await app.portal.lineStatus(tenantId as never, sri.id)).toBe('active');
    const after = await isolirFrom(sri.ip);
    expect(after.body).toContain('Layanan internet Anda aktif');
    expect(after.body).not.toContain('belum dibayar');
    expect((await app.http.inject({ method: 'GET', url: `/api/portal/captive/${slug}`, remoteAddress: sri.ip })).json()).toMatchObject({ captive: false });
  });

  it('should turn "internet mati" into an event and a WhatsApp to the admin', async () => {
    const code = await requestNewCode(app, slug, budi.phone, budi.phone);
    const cookie = portalCookie(await postForm(app, `/p/${slug}/login`, { identifier: budi.phone, code }));
    const sent = await postForm(app, `/p/${slug}/complaints`, { kind: 'no_internet', message: 'Lampu LOS merah sejak pagi' }, { cookie });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Laporan terkirim');
    const { rows: events } = await sql<{ data: Record<string, unknown> }>`select data from event_outbox where type = 'portal.complaint.submitted' and tenant_id = ${tenantId}`.execute(app.db.owner);
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ customerId: budi.id, customerCode: budi.code, kind: 'no_internet', message: 'Lampu LOS merah sejak pagi' })]);
    await expect
      .poll(async () => (await sql<{ to_phone: string; body: string }>`select to_phone, body from notifications_messages where kind = 'portal_complaint' and tenant_id = ${tenantId}`.execute(app.db.owner)).rows, {
        timeout: 15_000,
        interval: 100,
      })
      .toEqual([{ to_phone: '+6281311112222', body: expect.stringContaining('Budi Santoso') }]);
    // A bad kind changes nothing.
    const bad = await postForm(app, `/p/${slug}/complaints`, { kind: 'semua', message: '' }, { cookie });
    expect(bad.statusCode).toBe(400);
    expect((await sql<{ n: number }>`select count(*)::int as n from portal_complaints where tenant_id = ${tenantId}`.execute(app.db.owner)).rows[0].n).toBe(1);
  });

  it('should stream the restore progress of the session’s own customer only, and keep codes out of the staff message log', async () => {
    const code = await requestNewCode(app, slug, budi.code, budi.phone);
    const cookie = portalCookie(await postForm(app, `/p/${slug}/login`, { identifier: budi.code, code }));
    const base = await serverUrl();
    const abort = new AbortController();
    const res = await fetch(`${base}/p/${slug}/status`, { headers: { cookie }, signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the status stream ended before ${needle}: ${text}`);
        text += new TextDecoder().decode(chunk.value);
      }
    };
    await readUntil('event: status');
    expect(text).toContain(`{"line":"isolated","unpaid":["${budi.invoiceId}"]}`);
    // Another customer's change, then Budi's payment at the desk.
    await call('POST', `/api/customers/${sri.id}/isolate`, { reason: 'Uji coba isolir' });
    await call('POST', `/api/invoices/${budi.invoiceId}/payments`, { amount: 150_000, method: 'cash' });
    await readUntil('"line":"active"');
    abort.abort();
    const statuses = text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)));
    expect(statuses.at(-1)).toEqual({ line: 'active', unpaid: [] });
    expect(text).not.toContain(sri.id);
    expect(text).not.toContain(sri.invoiceId);
    // Without a session, from an address that is no line: nothing.
    expect((await fetch(`${base}/p/${slug}/status`)).status).toBe(401);
    // The staff message log never shows a portal code (the dev inbox, in development, does).
    const log = await call('GET', '/api/notifications/messages?kind=portal_otp&limit=50');
    expect(log.length).toBeGreaterThan(0);
    for (const message of log) expect(message.body).not.toMatch(/\d{6}/);
  });

  it('should serve /isolir on the tenant’s own host, and refuse a flood of payment links', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/isolir', remoteAddress: sri.ip, headers: { host: `${slug}.simpul.id` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Layanan internet Anda diisolir'); // Sri was isolated by hand above, with no bill open
    expect(res.body).toContain('Tidak ada tagihan terbuka. Silakan hubungi kantor kami.');
    expect(res.body).toContain('data-line="isolated"');
    const other = await app.http.inject({ method: 'GET', url: '/isolir', remoteAddress: sri.ip, headers: { host: 'tidak-ada.simpul.id' } });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Sri');
    app.clock.advance(60_000);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await postForm(app, `/p/${slug}/isolir/pay`, {}, { address: sri.ip })).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 429]); // nothing to pay, and a seventh press a minute is refused
  });

  it('should generate a RouterOS script that, loaded into the stand-in, makes the documented rules', async () => {
    const router = await call('POST', '/api/routers', { name: 'Godean Pusat', host: '10.0.0.1', apiKind: 'rest', username: 'admin', password: 'rahasia' });
    // Without PUBLIC_URL the portal's address is the one the admin reached Simpul at.
    const res = await app.http.inject({ method: 'GET', url: `/api/portal/router-script?routerId=${router.id}`, headers: { cookie: await seededCookie(), host: 'tagihan.godean.net.id' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const model = new RouterModel();
    // An old rule of an earlier run, and one of the admin's own that must survive.
    model.add(Menu.firewallFilter, { chain: 'forward', action: 'drop', comment: 'simpul-isolir: old' });
    model.add(Menu.firewallFilter, { chain: 'forward', action: 'accept', 'connection-state': 'established,related', comment: 'defconf' });
    runRouterScript(model, res.body);
    runRouterScript(model, res.body); // running it again gives the same rules, not twice as many

    const allow = model.print(Menu.addressList, { query: ['list=simpul-isolir-allow'] }).map((e) => e.address).sort();
    expect(allow).toEqual(['api.sandbox.midtrans.com', 'app.sandbox.midtrans.com', 'tagihan.godean.net.id']);
    expect(model.print(Menu.proxy)[0]).toMatchObject({ enabled: 'true', port: '8089' });
    expect(model.print(Menu.proxyAccess)).toEqual([expect.objectContaining({ action: 'deny', 'redirect-to': `tagihan.godean.net.id/p/${slug}/isolir` })]);
    expect(model.print(Menu.firewallNat)).toEqual([
      expect.objectContaining({ chain: 'dstnat', 'src-address-list': 'simpul-isolir', 'dst-address-list': '!simpul-isolir-allow', protocol: 'tcp', 'dst-port': '80', action: 'redirect', 'to-ports': '8089' }),
    ]);
    const filter = model.print(Menu.firewallFilter).map(({ chain, action, protocol, 'dst-port': port, 'reject-with': rejectWith, 'src-address-list': from, 'dst-address-list': to }) => ({ chain, action, protocol, port, rejectWith, from, to }));
    expect(filter).toEqual([
      { chain: 'forward', action: 'accept', protocol: undefined, port: undefined, rejectWith: undefined, from: undefined, to: undefined },
      { chain: 'input', action: 'accept', protocol: 'tcp', port: '8089', rejectWith: undefined, from: 'simpul-isolir', to: undefined },
      { chain: 'input', action: 'drop', protocol: 'tcp', port: '8089', rejectWith: undefined, from: undefined, to: undefined },
      { chain: 'forward', action: 'accept', protocol: 'udp', port: '53', rejectWith: undefined, from: 'simpul-isolir', to: undefined },
      { chain: 'forward', action: 'accept', protocol: 'tcp', port: '53', rejectWith: undefined, from: 'simpul-isolir', to: undefined },
      { chain: 'forward', action: 'accept', protocol: undefined, port: undefined, rejectWith: undefined, from: 'simpul-isolir', to: 'simpul-isolir-allow' },
      { chain: 'forward', action: 'reject', protocol: 'tcp', port: '443', rejectWith: 'tcp-reset', from: 'simpul-isolir', to: undefined },
      { chain: 'forward', action: 'reject', protocol: undefined, port: undefined, rejectWith: 'icmp-network-unreachable', from: 'simpul-isolir', to: undefined },
    ]);
    expect(res.body).toContain('Mikrotik-Address-List = simpul-isolir');
    expect(res.body).toContain(`code=114 value="'http://tagihan.godean.net.id/api/portal/captive/${slug}'"`);
    // The stand-in refuses what RouterOS refuses, naming the line.
    expect(() => runRouterScript(new RouterModel(), '/ip firewall filter\nadd chain=forward action=reject reject-with=tcp-rst')).toThrow(/line 2: input does not match any value of reject-with/);
    // Another tenant's router, or none: not found.
    expect((await app.http.inject({ method: 'GET', url: '/api/portal/router-script?routerId=0190aaaa-0000-7000-8000-000000000000', headers: { cookie: await seededCookie() } })).statusCode).toBe(404);
    expect((await app.http.inject({ method: 'GET', url: `/api/portal/router-script?routerId=${router.id}` })).statusCode).toBe(401);
  });

  const seededCookie = async () => {
    const res = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `owner@${slug}.test`, password: 'pemilik-123456' } });
    return `simpul_session=${res.cookies.find((c) => c.name === 'simpul_session')!.value}`;
  };
});
