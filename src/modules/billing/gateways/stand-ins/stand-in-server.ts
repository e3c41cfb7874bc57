/*
 * STAND-IN, NOT A PAYMENT PROVIDER. Plumbing shared by the local HTTP stand-ins that imitate
 * Midtrans, Xendit and Tripay for tests and the demo. Never point a real tenant at them.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; rawBody: string };
export type StandInReply = { status: number; json: unknown };

/** A notification as the provider would send it: headers and the exact bytes they sign. */
export type SignedNotification = { headers: Record<string, string>; rawBody: Buffer };

export class StandInServer {
  readonly requests: RecordedRequest[] = [];
  readonly url: string;
  private readonly server: Server;
  private readonly failures: number[] = [];

  private constructor(server: Server, url: string) {
    this.server = server;
    this.url = url;
  }

  static async start(handle: (request: RecordedRequest) => StandInReply, port = 0): Promise<StandInServer> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
        standIn.requests.push(request);
        const failure = standIn.failures.shift();
        if (failure !== undefined) {
          // What a load balancer in front of the provider answers: HTML, not the provider's JSON.
          res.writeHead(failure, { 'content-type': 'text/html' }).end(`<html><body>${failure} Service Unavailable</body></html>`);
          return;
        }
        const reply = handle(request);
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const standIn = new StandInServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return standIn;
  }

  /** The next requests get these HTTP statuses (e.g. 503) instead of an answer. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Delivers a notification to a webhook the way the provider does: a POST of the exact bytes. */
export const deliverNotification = async (webhookUrl: string, notification: SignedNotification): Promise<{ status: number; body: string }> => {
  const response = await fetch(webhookUrl, { method: 'POST', headers: notification.headers, body: notification.rawBody });
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

/** `Basic base64(<key>:)`, as Midtrans and Xendit expect the key as user name and no password. */
export const isBasicAuthWithKey = (header: string | undefined, key: string): boolean =>
  header === `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
