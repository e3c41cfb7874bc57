import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { recipientDigits } from './wa-errors.ts';
import type { WaGateway, WaSendRequest, WaSendResult, WaStatusUpdate, WaTemplateMessage } from './wa-gateway.ts';

export type DevInboxMessage = {
  externalId: string;
  to: string;
  text?: string;
  template?: WaTemplateMessage;
  idempotencyKey: string;
  receivedAt: Date;
};

/**
 * Where messages go when no provider is configured (the embedded default): kept in memory so
 * the API and UI can show what would have been sent. Bounded, oldest dropped first, so a long
 * demo or a 10,000-message outage burst cannot grow memory without limit.
 */
export class DevInbox {
  private readonly capacity: number;
  private readonly byKey = new Map<string, DevInboxMessage>();

  constructor(options: { capacity?: number } = {}) {
    this.capacity = options.capacity ?? 1000;
  }

  /** Stores a message once per idempotency key; a repeat returns the stored one. */
  deliver(message: DevInboxMessage): DevInboxMessage {
    const existing = this.byKey.get(message.idempotencyKey);
    if (existing) return existing;
    this.byKey.set(message.idempotencyKey, message);
    if (this.byKey.size > this.capacity) this.byKey.delete(this.byKey.keys().next().value as string);
    return message;
  }

  /** Newest first; optionally only those to one recipient. */
  list(filter: { to?: string; limit?: number } = {}): DevInboxMessage[] {
    const all = [...this.byKey.values()].reverse().filter((m) => filter.to === undefined || m.to === filter.to);
    return all.slice(0, filter.limit ?? all.length);
  }

  clear(): void {
    this.byKey.clear();
  }
}

/** A gateway with no network: it "delivers" into a `DevInbox`, and it honours idempotency keys. */
export class DevInboxGateway implements WaGateway {
  readonly provider = 'dev_inbox' as const;
  readonly inbox: DevInbox;
  private readonly clock: Clock;

  constructor(inbox: DevInbox, clock: Clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  async send(request: WaSendRequest): Promise<WaSendResult> {
    recipientDigits(request, this.provider);
    const stored = this.inbox.deliver({
      externalId: `dev-${newId()}`,
      to: request.to,
      ...(request.text !== undefined ? { text: request.text } : {}),
      ...(request.template ? { template: request.template } : {}),
      idempotencyKey: request.idempotencyKey,
      receivedAt: this.clock.now(),
    });
    return { externalId: stored.externalId };
  }

  /** Nothing calls back into a dev inbox: a message there is as delivered as it gets. */
  parseStatusWebhook(): WaStatusUpdate[] {
    return [];
  }
}
