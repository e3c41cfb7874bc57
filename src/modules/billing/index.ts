// Public entry of the billing module: policy, invoices, payments, the daily scan, restore after payment.
export { createBillingService, isolationTriggers, type BillingService, type BillingPolicy, type Invoice } from './billing.service.ts';
export { billingRoutes } from './billing.routes.ts';
export { receiptsRoutes } from './receipts.routes.ts';
export { terbilang } from './terbilang.ts';
export { billingErrors } from './billing.errors.ts';
export { billingEvents } from './billing.events.ts';
export { billingHandlers } from './billing.handlers.ts';
export { createPaymentGatewaysService, type PaymentGatewaysService } from './payment-gateways.service.ts';
export { paymentGatewaysRoutes } from './payment-gateways.routes.ts';
export { billingJobs } from './billing.jobs.ts';
// The platform bills tenants through its own account with the same adapters.
export { createPaymentGateway, type CreatePaymentLinkRequest, type PaymentLink, type PaymentNotificationRequest } from './gateways/index.ts';
