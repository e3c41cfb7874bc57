export { createWaGateway, type CreateWaGatewayOptions } from './create-wa-gateway.ts';
export { DevInbox, type DevInboxMessage } from './dev-inbox.gateway.ts';
export { parseWaProviderConfig, parseWaProviderInput, type WaProviderConfig, type WaProviderConfigInput } from './provider-config.ts';
export { defaultSenderLimits, realTimer, TokenBucket, type BucketSettings, type Timer } from './rate-limiter.ts';
export { isRetryableWaError, WaSendError, type WaSendErrorCode } from './wa-errors.ts';
export { verifyCloudWebhookSubscription } from './whatsapp-cloud.gateway.ts';
export * from './wa-gateway.ts';
