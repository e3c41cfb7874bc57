/*
 * STAND-IN, NOT A PROVIDER. Plumbing shared by the local HTTP stand-ins that imitate WhatsApp
 * providers for tests, benchmarks and offline development. Never point production at them.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenBucket } from '../rate-limiter.ts';
import type { WaWebhookRequest } from '../wa-gateway.ts';

/** Trouble to inject into the next message sends, in order. */
export type StandInFault =
  | { kind: 'server_error'; status?: number }
  /** Accept the connection and never answer: the client's timeout must fire. */
  | { kind: 'timeout' }
  | { kind: 'rate_limited'; retryAfterSeconds?: number };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  receivedAt: Date;
};

export type StandInReply = { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'hold';

export type StandInOptions = {
  /** Enforced like a provider would: sends beyond it get the provider's rate-limit answer. */
  rateLimit?: { perSecond: number; burst?: number };
  /** Numbers (E.164 or digits) that are not on WhatsApp: accepted, then reported as failed. */
  unregisteredNumbers?: string[];
  /** Keep every request for inspection (default); a long benchmark turns it off to stay flat. */
  recordRequests?: boolean;
  port?: number;
};

export type WebhookToSend = WaWebhookRequest & { headers: Record<string, string>; rawBody: string };

export class StandInServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly recordRequests: boolean;
  private readonly faults: StandInFault[] = [];
  private readonly bucket: TokenBucket | undefined;
  private readonly unregistered: Set<string>;

  private constructor(handle: (request: RecordedRequest) => StandInReply, options: StandInOptions) {
    this.recordRequests = options.recordRequests ?? true;
    this.bucket = options.rateLimit
      ? new TokenBucket({ perSecond: options.rateLimit.perSecond, burst: options.rateLimit.burst ?? Math.max(1, options.rateLimit.perSecond) })
      : undefined;
    this.unregistered = new Set((options.unregisteredNumbers ?? []).map((n) => n.replace(/^\+/, '')));
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          rawBody: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date(),
        };
        if (this.recordRequests) this.requests.push(recorded);
        const reply = handle(recorded);
        if (reply === 'hold') return; // released by close()
        const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
        const contentType = reply.json !== undefined ? 'application/json' : 'text/html; charset=utf-8';
        res.writeHead(reply.status, { 'content-type': contentType, ...reply.headers }).end(body);
      });
    });
  }

  static async start(handle: (request: RecordedRequest) => StandInReply, options: StandInOptions = {}): Promise<StandInServer> {
    const standIn = new StandInServer(handle, options);
    await new Promise<void>((resolve) => standIn.server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return standIn;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  failNext(...faults: StandInFault[]): void {
    this.faults.push(...faults);
  }

  /** What stands between the next send and acceptance: an injected fault, else the rate limit. */
  nextObstacle(): StandInFault | undefined {
    const fault = this.faults.shift();
    if (fault) return fault;
    if (this.bucket && !this.bucket.tryTake()) return { kind: 'rate_limited', retryAfterSeconds: 1 };
    return undefined;
  }

  isRegistered(digits: string): boolean {
    return !this.unregistered.has(digits);
  }

  /** Delivers a webhook to a receiver the way a provider would: a POST with the exact body. */
  async postWebhook(url: string, webhook: WebhookToSend): Promise<number> {
    const response = await fetch(url, { method: 'POST', headers: webhook.headers, body: webhook.rawBody });
    await response.body?.cancel();
    return response.status;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections(); // also drops requests held for timeout faults
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Form or JSON bodies, as the unofficial gateways accept both. */
export const parseFormOrJson = (request: RecordedRequest): Record<string, unknown> | undefined => {
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(request.rawBody));
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(request.rawBody);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
};
