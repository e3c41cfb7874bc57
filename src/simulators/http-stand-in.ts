/*
 * STAND-IN PLUMBING, NOT A PROVIDER. The one base of the local HTTP stand-ins that imitate the
 * payment providers (Midtrans, Xendit, Tripay) and the WhatsApp providers (Cloud API, Fonnte,
 * Wablas) for tests, benchmarks and the demo: a plain node:http server on 127.0.0.1 that records
 * each request, queues injected faults and answers with what the subclass's `handle` returns.
 * Never point a real tenant at it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; rawBody: string };

/** An answer, or 'hold': accept and never answer (the client's timeout must fire; close() drops it). */
export type StandInReply = { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'hold';

export type HttpStandInOptions = {
  port?: number;
  /** Keep every request for inspection (default); a long benchmark turns it off to stay flat. */
  recordRequests?: boolean;
};

/** A payment provider's notification as it sends it: headers and the exact bytes they sign. */
export type SignedNotification = { headers: Record<string, string>; rawBody: Buffer };

/** `Fault` is what `failNext` queues for the subclass to act on; `takeFault` hands them out in order. */
export abstract class HttpStandIn<Fault = never> {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private server: Server | undefined;

  protected abstract handle(request: RecordedRequest): StandInReply;

  /** Where to point the adapter (SIMPUL_PROVIDER_URL_OVERRIDES, or `providerUrls` in tests). */
  get baseUrl(): string {
    return this.origin;
  }

  protected get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The next requests meet these faults, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  protected takeFault(): Fault | undefined {
    return this.faults.shift();
  }

  protected async listen(options: HttpStandInOptions = {}): Promise<this> {
    const record = options.recordRequests ?? true;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
        if (record) this.requests.push(request);
        const reply = this.handle(request);
        if (reply === 'hold') return;
        const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
        const contentType = reply.json !== undefined ? 'application/json' : 'text/html; charset=utf-8';
        res.writeHead(reply.status, { 'content-type': contentType, ...reply.headers }).end(body);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections(); // also drops requests held by 'hold'
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Delivers a notification or webhook the way the provider does: a POST of the exact bytes. */
export const deliverNotification = async (url: string, request: { headers: Record<string, string>; rawBody: string | Buffer }): Promise<{ status: number; body: string }> => {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.rawBody });
  return { status: response.status, body: await response.text() };
};

export const parseJsonObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Form or JSON bodies, as the unofficial WhatsApp gateways accept both. */
export const parseFormOrJson = (request: RecordedRequest): Record<string, unknown> | undefined => {
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(request.rawBody));
  if (type.includes('application/json')) return parseJsonObject(request.rawBody);
  return undefined;
};

/** `Basic base64(<key>:)`, as Midtrans and Xendit expect the key as user name and no password. */
export const isBasicAuthWithKey = (header: string | undefined, key: string): boolean =>
  header === `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
