// Public entry of the notifications module: WhatsApp providers, templates, rules, delivery.
export { notificationsErrors } from './notifications.errors.ts';
export { createNotificationsService, messageStatuses, type MessageRecord, type MessageStatus, type NotificationsService } from './notifications.service.ts';
export { notificationEvents } from './notifications.events.ts';
export { notificationsHandlers } from './notifications.handlers.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { waProvidersRoutes } from './wa-providers.routes.ts';
export { createDeliveryWorker } from './delivery-worker.ts';
export { notificationRules, ruleEventTypesIn, type NotificationRule } from './notification-rules.ts';
// What the WhatsApp provider simulators (src/simulators) share with the adapters.
export { TokenBucket, type WaDeliveryStatus, type WaWebhookRequest } from './gateways/index.ts';
export { metaSignature } from './gateways/whatsapp-cloud.gateway.ts';
