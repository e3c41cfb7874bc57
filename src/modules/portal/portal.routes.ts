import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { TenantId } from '../../platform/db/database.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import type { LiveFeed } from '../../platform/events/live-feed.ts';
import { createAddressRateLimiter } from '../../platform/http/rate-limit.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import { complaintKinds } from './portal.events.ts';
import { SESSION_TTL_MINUTES } from './portal.model.ts';
import { codePage, contentSecurityPolicy, dashboardPage, identifyPage, isolirPage, messagePage, receiptPage } from './portal.pages.ts';
import type { PortalService } from './portal.service.ts';
import { portalErrors } from './portal.errors.ts';
import { createStatusRecheck } from './status-recheck.ts';

const COOKIE = 'simpul_portal';
const HEARTBEAT_MS = 25_000;
/** Payment links one address may open a minute. */
const PAY_PER_MINUTE = 6;
/** Events after which the status stream looks again at the customer's line. */
const statusEvents = new Set(['billing.invoice.paid', 'billing.payment.confirmed', 'isolation.customer.restored', 'isolation.customer.isolated', 'billing.invoice.voided']);
/** No NUL or other control characters (tab, CR, LF allowed), as every API input. */
const plain = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/);

export type PortalRoutesOptions = {
  liveFeed: LiveFeed;
  clock: Clock;
  /** PUBLIC_URL: the portal's address in links and router scripts; else the request's own. */
  publicUrl?: string;
  cookieSecure: boolean;
  /** Requests a minute one address may make to the portal pages (PUBLIC_RATE_LIMIT_PER_MINUTE). */
  perMinute: number;
};

/**
 * The portal's pages (server-rendered HTML outside /api, hidden from OpenAPI: they answer HTML,
 * not the API's JSON) and two API routes: the RFC 8908 captive portal API and the router script.
 */
export const portalRoutes = (portal: PortalService, options: PortalRoutesOptions) => async (app: HttpServer) => {
  const limiter = createAddressRateLimiter({ clock: options.clock, perMinute: options.perMinute });
  // Each pay press opens a transaction at the provider: a few a minute per address is plenty.
  const payLimiter = createAddressRateLimiter({ clock: options.clock, perMinute: PAY_PER_MINUTE });
  const takePay = (request: FastifyRequest) => {
    const taken = payLimiter.take(request.ip);
    if (!taken.allowed) throw new AppError('RATE_LIMITED', 'Terlalu sering menekan Bayar. Tunggu sebentar, lalu coba lagi.', { retryAfterSeconds: taken.retryAfterSeconds });
  };
  const baseUrl = (request: FastifyRequest) => options.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;

  // Forms post application/x-www-form-urlencoded (no JavaScript needed); this parser serves the portal's routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/p/') && !request.url.startsWith('/isolir') && !request.url.startsWith('/portal')) return;
    const taken = limiter.take(request.ip);
    if (!taken.allowed) throw new AppError('RATE_LIMITED', 'Terlalu banyak permintaan dari alamat Anda. Tunggu sebentar.', { retryAfterSeconds: taken.retryAfterSeconds });
  });

  type Page = { tenantId: TenantId; slug: string; base: string; tenantName: string; timeZone: string };
  const hide = { hide: true, security: [] } as const;
  const Slug = z.object({ slug: z.string() });

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .status(status)
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('content-security-policy', contentSecurityPolicy(body))
      .type('text/html; charset=utf-8')
      .send(body);

  const unknownPortal = (reply: FastifyReply) =>
    html(reply, 404, messagePage({ tenantName: 'Simpul', title: 'Tidak ditemukan', message: 'Alamat portal ini tidak dikenal. Periksa tautan dari penyedia internet Anda.' }));

  /**
   * Resolves the tenant; an unknown slug is a plain 404 page, and so is another tenant's slug on
   * a tenant's own address (its domain shows only its portal). The portal's pages need the
   * customer_portal feature; the isolir page (`part: 'isolir'`) belongs to isolation and always
   * answers. Then runs the page, turning refusals into HTML.
   */
  async function withTenant(request: FastifyRequest, reply: FastifyReply, slug: string, fn: (page: Page) => Promise<unknown>, part: 'portal' | 'isolir' = 'portal') {
    const tenantId = await portal.tenantBySlug(slug);
    if (!tenantId) return unknownPortal(reply);
    const hostTenant = await portal.tenantOfHost(request.host);
    if (hostTenant && hostTenant !== tenantId) return unknownPortal(reply);
    const profile = await portal.tenantProfile(tenantId);
    if (part === 'portal' && !(await portal.portalEnabled(tenantId))) {
      return html(reply, 404, messagePage({ tenantName: profile.name, title: 'Portal tidak tersedia', message: `${profile.name} belum menyediakan portal pelanggan. Hubungi kantor untuk tagihan dan pembayaran.` }));
    }
    const page: Page = { tenantId, slug, base: `/p/${slug}`, tenantName: profile.name, timeZone: profile.timeZone };
    try {
      return await fn(page);
    } catch (error) {
      if (!isAppError(error)) throw error;
      retryHeader(reply, error.details);
      return html(reply, error.httpStatus, messagePage({ tenantName: page.tenantName, title: 'Maaf', message: error.message, back: page.base }));
    }
  }

  const sessionToken = (request: FastifyRequest) => request.cookies[COOKIE];
  async function sessionCustomer(request: FastifyRequest, page: Page) {
    const token = sessionToken(request);
    return token ? portal.sessionCustomer(page.tenantId, token) : null;
  }
  const requireSession = async (request: FastifyRequest, page: Page) => {
    const customerId = await sessionCustomer(request, page);
    if (!customerId) throw new AppError(portalErrors.PORTAL_SESSION_REQUIRED, 'Sesi Anda sudah berakhir. Masuk lagi dengan kode dari WhatsApp.');
    return customerId;
  };
  const form = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, string>) : {});

  async function dashboard(reply: FastifyReply, page: Page, customerId: string, extra: { notice?: string; error?: string; status?: number } = {}) {
    const [view, canPay] = await Promise.all([portal.customerView(page.tenantId, customerId, { masked: false }), portal.canPay(page.tenantId)]);
    return html(reply, extra.status ?? 200, dashboardPage({ view, base: page.base, timeZone: page.timeZone, notice: extra.notice, error: extra.error, canPay }));
  }

  app.get('/p/:slug', { schema: { ...hide, params: Slug } }, (request, reply) =>
    withTenant(request, reply, request.params.slug, async (page) => {
      const customerId = await sessionCustomer(request, page);
      if (customerId) return dashboard(reply, page, customerId);
      return html(reply, 200, identifyPage({ tenantName: page.tenantName, base: page.base }));
    }),
  );

  app.post('/p/:slug/code', { schema: { ...hide, params: Slug } }, (request, reply) =>
    withTenant(request, reply, request.params.slug, async (page) => {
      const identifier = plain(60).safeParse(form(request).identifier ?? '');
      if (!identifier.success) return html(reply, 400, identifyPage({ tenantName: page.tenantName, base: page.base, error: 'Masukkan nomor WhatsApp atau kode pelanggan.' }));
      try {
        const sent = await portal.requestCode(page.tenantId, { identifier: identifier.data, address: request.ip });
        return html(reply, 200, codePage({ tenantName: page.tenantName, base: page.base, identifier: identifier.data.trim(), validMinutes: sent.validMinutes }));
      } catch (error) {
        if (!isAppError(error) || (error.code !== portalErrors.PORTAL_IDENTIFIER_INVALID && error.code !== portalErrors.PORTAL_CODE_RATE_LIMITED)) throw error;
        retryHeader(reply, error.details);
        return html(reply, error.httpStatus, identifyPage({ tenantName: page.tenantName, base: page.base, error: error.message, identifier: identifier.data }));
      }
    }),
  );

  app.post('/p/:slug/login', { schema: { ...hide, params: Slug } }, (request, reply) =>
    withTenant(request, reply, request.params.slug, async (page) => {
      const body = z.object({ identifier: plain(60), code: plain(20) }).safeParse(form(request));
      if (!body.success) return html(reply, 400, identifyPage({ tenantName: page.tenantName, base: page.base, error: 'Masukkan nomor WhatsApp atau kode pelanggan.' }));
      try {
        const session = await portal.verifyCode(page.tenantId, body.data);
        reply.setCookie(COOKIE, session.token, { path: page.base, httpOnly: true, sameSite: 'lax', secure: options.cookieSecure, maxAge: SESSION_TTL_MINUTES * 60 });
        return reply.status(303).header('location', page.base).send();
      } catch (error) {
        if (!isAppError(error) || !([portalErrors.PORTAL_CODE_INVALID, portalErrors.PORTAL_CODE_LOCKED, portalErrors.PORTAL_IDENTIFIER_INVALID] as string[]).includes(error.code)) throw error;
        return html(reply, error.httpStatus, codePage({ tenantName: page.tenantName, base: page.base, identifier: body.data.identifier, validMinutes: 15, error: error.message }));
      }
    }),
  );

  app.post('/p/:slug/logout', { schema: { ...hide, params: Slug } }, (request, reply) =>
    withTenant(request, reply, request.params.slug, async (page) => {
      const token = sessionToken(request);
      if (token) await portal.endSession(page.tenantId, token);
      reply.clearCookie(COOKIE, { path: page.base, httpOnly: true, sameSite: 'lax', secure: options.cookieSecure });
      return reply.status(303).header('location', page.base).send();
    }),
  );

  const InvoiceParams = z.object({ slug: z.string(), invoiceId: z.string() });
  app.post('/p/:slug/invoices/:invoiceId/pay', { schema: { ...hide, params: InvoiceParams } }, (request, reply) =>
    withTenant(request, reply, request.params.slug, async (page) => {
      const customerId = await requireSession(request, page);
      takePay(request);
      const link = await portal.payInvoice(page.tenantId, { customerId, invoiceId: request.params.invoiceId });
      return reply.status(303).header('location', link.url).send();
    }),
  );

  app.get('/p/:slug/invoices/:invoiceId/receipt', { schema: { ...hide, params: InvoiceParams } }, (request, reply) =>
    withTenant(request, reply, request.params.slug, async (page) => {
      const customerId = await requireSession(request, page);
      const receipt = await portal.receipt(page.tenantId, customerId, request.params.invoiceId);
      return html(reply, 200, receiptPage({ receipt, timeZone: page.timeZone }));
    }),
  );

  app.post('/p/:slug/complaints', { schema: { ...hide, params: Slug } }, (request, reply) =>
    withTenant(request, reply, request.params.slug, async (page) => {
      const customerId = await requireSession(request, page);
      const body = z.object({ kind: z.enum(complaintKinds), message: plain(500).default('') }).safeParse(form(request));
      if (!body.success) return dashboard(reply, page, customerId, { status: 400, error: 'Pilih jenis masalah; keterangan paling banyak 500 huruf.' });
      try {
        await portal.submitComplaint(page.tenantId, { customerId, ...body.data });
      } catch (error) {
        if (!isAppError(error) || error.code !== portalErrors.PORTAL_COMPLAINT_RATE_LIMITED) throw error;
        return dashboard(reply, page, customerId, { status: 429, error: error.message });
      }
      return dashboard(reply, page, customerId, { notice: 'Laporan terkirim. Petugas kami akan segera menghubungi Anda.' });
    }),
  );

  /** The isolir page: the customer is whoever the router gave this source address to. Unknown → identification. */
  const isolir = async (request: FastifyRequest, reply: FastifyReply, page: Page) => {
    const customerId = await portal.customerAtAddress(page.tenantId, request.ip);
    if (!customerId) {
      return html(
        reply,
        200,
        identifyPage({ tenantName: page.tenantName, base: page.base, intro: 'Kami belum mengenali sambungan Anda. Masukkan nomor WhatsApp atau kode pelanggan untuk melihat tagihan.' }),
      );
    }
    const [view, canPay] = await Promise.all([portal.customerView(page.tenantId, customerId, { masked: true }), portal.canPay(page.tenantId)]);
    return html(reply, 200, isolirPage({ view, base: page.base, canPay }));
  };
  app.get('/p/:slug/isolir', { schema: { ...hide, params: Slug } }, (request, reply) => withTenant(request, reply, request.params.slug, (page) => isolir(request, reply, page), 'isolir'));
  // On a tenant's own address (`<slug>.<platform domain>` or its verified custom domain) the Host picks the tenant.
  const slugOfHost = async (request: FastifyRequest) => {
    const tenantId = await portal.tenantOfHost(request.host);
    return tenantId ? (await portal.tenantProfile(tenantId)).slug : null;
  };
  app.get('/isolir', { schema: hide }, async (request, reply) => {
    const slug = await slugOfHost(request);
    if (slug) return withTenant(request, reply, slug, (page) => isolir(request, reply, page), 'isolir');
    return html(reply, 404, messagePage({ tenantName: 'Simpul', title: 'Layanan diisolir', message: 'Buka halaman tagihan dari penyedia internet Anda: /p/<kode penyedia>/isolir.' }));
  });
  app.get('/portal', { schema: hide }, async (request, reply) => {
    const slug = await slugOfHost(request);
    return slug ? reply.status(303).header('location', `/p/${slug}`).send() : unknownPortal(reply);
  });
  app.post('/p/:slug/isolir/pay', { schema: { ...hide, params: Slug } }, (request, reply) =>
    withTenant(
      request,
      reply,
      request.params.slug,
      async (page) => {
        const customerId = await portal.customerAtAddress(page.tenantId, request.ip);
        if (!customerId) return reply.status(303).header('location', `${page.base}/isolir`).send();
        takePay(request);
        const link = await portal.payOldestUnpaid(page.tenantId, customerId);
        return reply.status(303).header('location', link.url).send();
      },
      'isolir',
    ),
  );

  // The restore progress of the one customer this request is: the portal session's, else the line at the source address.
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get('/p/:slug/status', { schema: { ...hide, params: Slug } }, async (request, reply) => {
    const tenantId = await portal.tenantBySlug(request.params.slug);
    if (!tenantId) throw new AppError('NOT_FOUND', 'No such portal.');
    const token = sessionToken(request);
    const customerId = (token ? await portal.sessionCustomer(tenantId, token) : null) ?? (await portal.customerAtAddress(tenantId, request.ip));
    if (!customerId) throw new AppError(portalErrors.PORTAL_SESSION_REQUIRED, 'Not logged in to the portal, and this address is no known line.');
    reply.hijack();
    const res = reply.raw;
    let last = '';
    const recheck = createStatusRecheck(() => void (queue = queue.then(send).catch((error) => request.log.warn({ err: error }, 'portal status failed'))));
    const send = async () => {
      const status = await portal.liveStatus(tenantId, customerId);
      const data = JSON.stringify(status);
      if (data !== last && !res.writableEnded) res.write(`event: status\ndata: ${data}\n\n`);
      last = data;
      // The router's confirmation publishes no event: while the line waits for it, look again, less and less often.
      if (status.line === 'reconnecting' && !res.writableEnded) recheck.keepLooking();
      else recheck.stop();
    };
    let queue = Promise.resolve();
    const unsubscribe = await options.liveFeed.subscribe({ tenantId, mayRead: (type) => statusEvents.has(type) }, (event) => {
      if ((event.data as { customerId?: string } | null)?.customerId !== customerId) return;
      queue = queue.then(send).catch((error) => request.log.warn({ err: error }, 'portal status failed'));
    });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    open.add(res);
    res.write('retry: 5000\n\n');
    queue = queue.then(send).catch((error) => request.log.warn({ err: error }, 'portal status failed'));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      open.delete(res);
      clearInterval(heartbeat);
      recheck.stop();
      void unsubscribe();
    });
  });

  // ---- API ----

  app.get(
    '/api/portal/captive/:slug',
    {
      schema: {
        security: [],
        tags: ['portal'],
        summary: 'Captive portal API (RFC 8908, application/captive+json): captive while the line at the caller’s address is isolated',
        params: z.object({ slug: z.string().max(63) }),
        response: { 200: z.object({ captive: z.boolean(), 'user-portal-url': z.string().optional(), 'venue-info-url': z.string().optional() }) },
      },
    },
    async (request, reply) => {
      const tenantId = await portal.tenantBySlug(request.params.slug);
      if (!tenantId) throw new AppError('NOT_FOUND', 'No such portal.');
      const state = await portal.captiveState(tenantId, request.ip);
      reply.type('application/captive+json').header('cache-control', 'private, no-store');
      const base = `${baseUrl(request)}/p/${request.params.slug}`;
      return state.captive ? { captive: true, 'user-portal-url': `${base}/isolir` } : { captive: false, 'venue-info-url': base };
    },
  );

  app.get(
    '/api/portal/router-script',
    {
      schema: {
        'x-permission': 'network.manage',
        tags: ['portal'],
        summary: 'RouterOS script for one router: walled garden (portal + payment gateways), web of isolated lines to the isolir page, HTTPS reset, the rest rejected',
        querystring: z.object({ routerId: z.uuid() }),
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      const script = await portal.routerScript(actor.tenantId, request.query.routerId, baseUrl(request));
      return reply.type('text/plain; charset=utf-8').send(script);
    },
  );
};

const retryHeader = (reply: FastifyReply, details: unknown) => {
  const seconds = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (seconds) reply.header('retry-after', String(seconds));
};

/** `net-sleman.simpul.id` → `net-sleman` (the tenant's slug as its host's first label). */
