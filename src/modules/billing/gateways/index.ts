/** Payment gateways: payment links and verified notifications for Midtrans, Xendit and Tripay. */
export { createPaymentGateway, type CreatePaymentGatewayOptions } from './create-payment-gateway.ts';
export type {
  CreatePaymentLinkRequest,
  PaymentGateway,
  PaymentLink,
  PaymentNotification,
  PaymentNotificationRequest,
  PaymentProvider,
  PaymentStatus,
} from './payment-gateway.ts';
export { paymentProviders } from './payment-gateway.ts';
export { parsePaymentGatewayConfig, parsePaymentGatewayInput, type PaymentGatewayConfig, type PaymentGatewayConfigInput } from './provider-config.ts';
export { parseRupiah } from './rupiah.ts';
