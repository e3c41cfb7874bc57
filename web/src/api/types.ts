import type { paths } from './schema.d.ts';

/**
 * The API's shapes, named once for the app; every one is derived from the generated
 * schema.d.ts (`npm run gen:api`), so a change on the server shows up here at typecheck.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a path's success response (200 or 201). */
export type ResponseOf<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? Json<Ok>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never;
/** The JSON request body of a path. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type Item<T> = T extends readonly (infer I)[] ? I : never;

export type Me = ResponseOf<'/api/me', 'get'>;
export type Role = Item<Me['roles']>;
export type Page<T> = { items: T[]; total: number };

export type Plan = Item<ResponseOf<'/api/plans', 'get'>>;
export type Customer = ResponseOf<'/api/customers/{customerId}', 'get'>;
export type CustomerRow = Item<ResponseOf<'/api/customers', 'get'>['items']>;
export type CustomerStatus = Customer['status'];
export type BulkIsolationAnswer = ResponseOf<'/api/isolation/bulk', 'post'>;
export type DailyScanPreview = ResponseOf<'/api/billing/daily-scan/preview', 'post'>;
export type InvoicesPreview = ResponseOf<'/api/billing/invoices/generate/preview', 'post'>;
export type Line = NonNullable<ResponseOf<'/api/customers/{customerId}/line', 'get'>>;
export type LineState = Line['desiredState'];
export type IsolatedLine = Item<ResponseOf<'/api/isolation/isolated', 'get'>>;
export type IsolationEntry = Item<ResponseOf<'/api/isolation/history', 'get'>>;

export type Invoice = Item<ResponseOf<'/api/invoices', 'get'>['items']>;
export type InvoiceStatus = Invoice['status'];
export type InvoiceDetail = ResponseOf<'/api/invoices/{invoiceId}', 'get'>;
export type PaymentHistoryEntry = Item<ResponseOf<'/api/payment-history', 'get'>>;

export type Tenant = Item<ResponseOf<'/api/platform/tenants', 'get'>>;
export type Router = Item<ResponseOf<'/api/routers', 'get'>>;
export type RadiusIsolation = Router['radiusIsolation'];
export type NetworkLine = Item<ResponseOf<'/api/network/lines', 'get'>>;
export type RadiusActivity = Item<ResponseOf<'/api/customers/{customerId}/sessions', 'get'>>;
/** List rows name their customer (null once the customer has left: the row stays). */
export type CustomerLabel = Pick<Invoice, 'customerName' | 'customerCode'>;
