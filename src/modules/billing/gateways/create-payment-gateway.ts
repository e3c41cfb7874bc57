import { systemClock, type Clock } from '../../../platform/clock.ts';
import type { ProviderUrlOverrides } from '../../../platform/config/env.ts';
import { MidtransGateway } from './midtrans.gateway.ts';
import type { PaymentGateway } from './payment-gateway.ts';
import { parsePaymentGatewayConfig } from './provider-config.ts';
import { TripayGateway } from './tripay.gateway.ts';
import { XenditGateway } from './xendit.gateway.ts';

export type CreatePaymentGatewayOptions = {
  clock?: Clock;
  fetch?: typeof fetch;
  /** Development and tests: stand-ins instead of the providers' hosts (SIMPUL_PROVIDER_URL_OVERRIDES). */
  providerUrls?: ProviderUrlOverrides;
};

/** Picks the adapter for a tenant's (decrypted) config; an invalid config throws PAYMENT_GATEWAY_CONFIG_INVALID. */
export const createPaymentGateway = (config: unknown, options: CreatePaymentGatewayOptions = {}): PaymentGateway => {
  const parsed = parsePaymentGatewayConfig(config);
  const deps = { clock: options.clock ?? systemClock, fetch: options.fetch ?? globalThis.fetch, baseUrl: options.providerUrls?.[parsed.provider] };
  switch (parsed.provider) {
    case 'midtrans':
      return new MidtransGateway(parsed, deps);
    case 'xendit':
      return new XenditGateway(parsed, deps);
    case 'tripay':
      return new TripayGateway(parsed, deps);
  }
};
