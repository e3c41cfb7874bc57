/*
 * STAND-IN PLUMBING, NOT A PROVIDER. What the WhatsApp provider stand-ins (Cloud API, Fonnte,
 * Wablas) share on top of the HTTP base: injected send faults, a provider-side rate limit and
 * numbers that are not on WhatsApp. Never point production at them.
 */
import { TokenBucket, type WaWebhookRequest } from '../modules/notifications/index.ts';
import { deliverNotification, HttpStandIn, type HttpStandInOptions } from './http-stand-in.ts';

/** Trouble to inject into the next message sends, in order. */
export type StandInFault =
  | { kind: 'server_error'; status?: number }
  /** Accept the connection and never answer: the client's timeout must fire. */
  | { kind: 'timeout' }
  | { kind: 'rate_limited'; retryAfterSeconds?: number };

export type StandInOptions = HttpStandInOptions & {
  /** Enforced like a provider would: sends beyond it get the provider's rate-limit answer. */
  rateLimit?: { perSecond: number; burst?: number };
  /** Numbers (E.164 or digits) that are not on WhatsApp: accepted, then reported as failed. */
  unregisteredNumbers?: string[];
};

export type WebhookToSend = WaWebhookRequest & { headers: Record<string, string>; rawBody: string };

export abstract class WhatsAppStandIn extends HttpStandIn<StandInFault> {
  private readonly bucket: TokenBucket | undefined;
  private readonly unregistered: Set<string>;

  protected constructor(options: StandInOptions) {
    super();
    this.bucket = options.rateLimit
      ? new TokenBucket({ perSecond: options.rateLimit.perSecond, burst: options.rateLimit.burst ?? Math.max(1, options.rateLimit.perSecond) })
      : undefined;
    this.unregistered = new Set((options.unregisteredNumbers ?? []).map((n) => n.replace(/^\+/, '')));
  }

  /** What stands between the next send and acceptance: an injected fault, else the rate limit. */
  protected nextObstacle(): StandInFault | undefined {
    const fault = this.takeFault();
    if (fault) return fault;
    if (this.bucket && !this.bucket.tryTake()) return { kind: 'rate_limited', retryAfterSeconds: 1 };
    return undefined;
  }

  protected isRegistered(digits: string): boolean {
    return !this.unregistered.has(digits);
  }

  /** Delivers a webhook to a receiver the way the provider would; answers the HTTP status. */
  async postWebhook(url: string, webhook: WebhookToSend): Promise<number> {
    return (await deliverNotification(url, webhook)).status;
  }
}
