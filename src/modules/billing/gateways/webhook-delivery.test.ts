import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors/app-error.ts';
import { createPaymentGateway } from './create-payment-gateway.ts';
import type { PaymentGateway, PaymentNotification } from './payment-gateway.ts';
import { MidtransStandIn } from '../../../simulators/midtrans/midtrans.stand-in.ts';
import { deliverNotification } from '../../../simulators/http-stand-in.ts';
import { TripayStandIn } from '../../../simulators/tripay/tripay.stand-in.ts';
import { XenditStandIn } from '../../../simulators/xendit/xendit.stand-in.ts';

/*
 * The demo's path end to end: a stand-in POSTs a notification over HTTP to a webhook that
 * verifies the exact bytes it received (what the billing route will do with Fastify's raw body).
 */

const received: PaymentNotification[] = [];
let webhook: Server;
let webhookUrl: string;
const gateways = new Map<string, PaymentGateway>();

let midtransStandIn: MidtransStandIn;
let xenditStandIn: XenditStandIn;
let tripayStandIn: TripayStandIn;

beforeAll(async () => {
  midtransStandIn = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-hook' });
  xenditStandIn = await XenditStandIn.start({ secretKey: 'xnd_development_hook', callbackToken: 'hook-token' });
  tripayStandIn = await TripayStandIn.start({ apiKey: 'DEV-hook', privateKey: 'hook-private', merchantCode: 'T0007' });
  gateways.set('midtrans', createPaymentGateway({ provider: 'midtrans', mode: 'sandbox', serverKey: 'SB-Mid-server-hook' }));
  gateways.set('xendit', createPaymentGateway({ provider: 'xendit', secretKey: 'xnd_development_hook', callbackToken: 'hook-token' }));
  gateways.set(
    'tripay',
    createPaymentGateway({ provider: 'tripay', mode: 'sandbox', apiKey: 'DEV-hook', privateKey: 'hook-private', merchantCode: 'T0007', paymentMethod: 'BRIVA', defaultCustomerEmail: 'a@b.id' }),
  );
  webhook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const gateway = gateways.get((req.url ?? '').split('/').at(-1) ?? '')!;
        received.push(gateway.verifyNotification({ headers: req.headers, rawBody: Buffer.concat(chunks) }));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
      } catch (error) {
        res.writeHead(isAppError(error) ? error.httpStatus : 500).end(isAppError(error) ? error.code : 'INTERNAL');
      }
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/webhooks/payments`;
});
afterAll(async () => {
  webhook.closeAllConnections();
  await new Promise<void>((resolve) => webhook.close(() => resolve()));
  await Promise.all([midtransStandIn.close(), xenditStandIn.close(), tripayStandIn.close()]);
});

describe('notifications delivered over HTTP', () => {
  it('are verified from the raw bytes for every provider', async () => {
    const deliveries = [
      deliverNotification(`${webhookUrl}/midtrans`, midtransStandIn.signedNotification('INV-H-1', { status: 'settlement', amount: 150_000 })),
      deliverNotification(`${webhookUrl}/xendit`, xenditStandIn.signedNotification('INV-H-2', { status: 'PAID', amount: 250_000 })),
      deliverNotification(`${webhookUrl}/tripay`, tripayStandIn.signedNotification('INV-H-3', { status: 'PAID', amount: 175_000 })),
    ];

    expect((await Promise.all(deliveries)).map((d) => d.status)).toEqual([200, 200, 200]);
    expect(received.map(({ provider, orderId, amount, status }) => ({ provider, orderId, amount, status }))).toEqual(
      expect.arrayContaining([
        { provider: 'midtrans', orderId: 'INV-H-1', amount: 150_000, status: 'paid' },
        { provider: 'xendit', orderId: 'INV-H-2', amount: 250_000, status: 'paid' },
        { provider: 'tripay', orderId: 'INV-H-3', amount: 175_000, status: 'paid' },
      ]),
    );
  });

  it('are answered 401 when forged', async () => {
    const forged = tripayStandIn.signedNotification('INV-H-4', { status: 'PAID', amount: 175_000 });
    forged.headers['X-Callback-Signature'] = '0'.repeat(64);

    expect(await deliverNotification(`${webhookUrl}/tripay`, forged)).toEqual({ status: 401, body: 'PAYMENT_SIGNATURE_INVALID' });
  });
});
