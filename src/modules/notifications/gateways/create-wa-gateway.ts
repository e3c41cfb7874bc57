import { systemClock, type Clock } from '../../../platform/clock.ts';
import type { ProviderUrlOverrides } from '../../../platform/config/env.ts';
import { DevInbox, DevInboxGateway } from './dev-inbox.gateway.ts';
import { FonnteGateway } from './fonnte.gateway.ts';
import { parseWaProviderConfig } from './provider-config.ts';
import type { WaGateway } from './wa-gateway.ts';
import { WablasGateway } from './wablas.gateway.ts';
import { WhatsAppCloudGateway } from './whatsapp-cloud.gateway.ts';

export type CreateWaGatewayOptions = {
  clock?: Clock;
  fetch?: typeof fetch;
  /** The process-wide dev inbox the API reads; a private one when omitted. */
  devInbox?: DevInbox;
  /** Development and tests: stand-ins instead of the providers' hosts (SIMPUL_PROVIDER_URL_OVERRIDES). */
  providerUrls?: ProviderUrlOverrides;
};

/** Picks the adapter for a (decrypted) provider config; an invalid config throws WA_PROVIDER_CONFIG_INVALID. */
export const createWaGateway = (config: unknown, options: CreateWaGatewayOptions = {}): WaGateway => {
  const parsed = parseWaProviderConfig(config);
  const baseUrl = parsed.provider === 'dev_inbox' ? undefined : options.providerUrls?.[parsed.provider];
  const deps = { clock: options.clock ?? systemClock, fetch: options.fetch ?? globalThis.fetch, baseUrl };
  switch (parsed.provider) {
    case 'whatsapp_cloud':
      return new WhatsAppCloudGateway(parsed, deps);
    case 'fonnte':
      return new FonnteGateway(parsed, deps);
    case 'wablas':
      return new WablasGateway(parsed, deps);
    case 'dev_inbox':
      return new DevInboxGateway(options.devInbox ?? new DevInbox(), deps.clock);
  }
};
