import { describe, expect, it } from 'vitest';
import { createPaymentGateway } from './create-payment-gateway.ts';
import { parsePaymentGatewayInput } from './provider-config.ts';
import { thrownAppError } from './testing.ts';

const tripay = {
  provider: 'tripay',
  mode: 'sandbox',
  apiKey: 'DEV-key',
  privateKey: 'private',
  merchantCode: 'T0001',
  paymentMethod: 'BRIVA',
  defaultCustomerEmail: 'tagihan@isp.example',
};

describe('createPaymentGateway', () => {
  it('picks the adapter named by the config', () => {
    expect(createPaymentGateway({ provider: 'midtrans', mode: 'sandbox', serverKey: 'SB-Mid-server-x' }).provider).toBe('midtrans');
    expect(createPaymentGateway({ provider: 'xendit', secretKey: 'xnd_development_x', callbackToken: 't' }).provider).toBe('xendit');
    expect(createPaymentGateway(tripay).provider).toBe('tripay');
  });

  it('names every missing key of a provider config', () => {
    const error = thrownAppError(() => createPaymentGateway({ provider: 'tripay', mode: 'sandbox', apiKey: 'k', paymentMethod: 'BRIVA' }));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_CONFIG_INVALID', httpStatus: 400 });
    const fields = (error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
    expect(fields).toEqual(['privateKey', 'merchantCode', 'defaultCustomerEmail']);
    expect(error.message).toContain('privateKey is required');
  });

  it('refuses a blank key and an unknown mode, naming them', () => {
    const error = thrownAppError(() => createPaymentGateway({ provider: 'midtrans', mode: 'live', serverKey: '   ' }));

    expect(error.code).toBe('PAYMENT_GATEWAY_CONFIG_INVALID');
    expect(error.message).toMatch(/mode .*sandbox or production/);
    expect(error.message).toContain('serverKey is required');
  });

  it('refuses an unknown provider', () => {
    const error = thrownAppError(() => createPaymentGateway({ provider: 'doku' }));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_CONFIG_INVALID', details: { fields: [{ field: 'provider' }] } });
  });

  it('refuses a base URL in a tenant config, naming the field', () => {
    const error = thrownAppError(() => parsePaymentGatewayInput({ provider: 'xendit', secretKey: 'k', callbackToken: 't', baseUrl: 'http://10.0.0.1' }));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_CONFIG_INVALID', httpStatus: 400, details: { fields: [{ field: 'baseUrl' }] } });
    expect(error.message).toContain('baseUrl cannot be set');
  });
});
