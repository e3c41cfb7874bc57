import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import type { TenantId, Tx } from '../../../platform/db/database.ts';
import { reserveCounter } from '../../../platform/db/counters.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transactionTenantId, type BillingContext, type Invoice } from '../billing.model.ts';
import { terbilang } from '../terbilang.ts';
import { policyInTransaction } from './policy.ts';

/**
 * Receipts (kuitansi): one per payment, whatever its source. `payInTransaction` issues it in the
 * payment's transaction, so office, gateway and collector payments (every path that writes a
 * `billing_payments` row through it) all get a number from the tenant's `receipt` counter.
 */
export type IssueReceiptOptions = { paymentId: string; invoice: Invoice; amount: number; method: string; staffUserId: string | null };

export const receiptNumber = (n: number) => `KW-${String(n).padStart(6, '0')}`;
const RECEIPT_PURPOSE = 'receipt-verify';

export async function issueReceiptInTransaction(ctx: Pick<BillingContext, 'clock'>, trx: Tx, input: IssueReceiptOptions) {
  const [number] = await issueReceiptsInTransaction(ctx, trx, [input]);
  return { number: number! };
}

/** One receipt per payment, numbered consecutively in one reservation (a deposit pays thousands at once). */
export async function issueReceiptsInTransaction(ctx: Pick<BillingContext, 'clock'>, trx: Tx, inputs: readonly IssueReceiptOptions[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const first = await reserveCounter(trx, 'receipt', inputs.length);
  const numbers = inputs.map((_, n) => receiptNumber(first + n));
  await trx
    .insertInto('billing_receipts')
    .values(
      inputs.map((input, n) => ({
        id: newId(),
        tenant_id: transactionTenantId,
        number: numbers[n]!,
        payment_id: input.paymentId,
        invoice_id: input.invoice.id,
        customer_id: input.invoice.customerId,
        amount: input.amount,
        method: input.method,
        staff_user_id: input.staffUserId,
        issued_at: ctx.clock.now(),
      })),
    )
    .execute();
  return numbers;
}

/** The signature a verify link carries: a tampered number or slug fails. */
export const receiptSignature = (ctx: Pick<BillingContext, 'sign'>, slug: string, number: string) => ctx.sign(RECEIPT_PURPOSE, `${slug}/${number}`).slice(0, 22);

export type Receipt = {
  number: string;
  issuedAt: Date;
  isp: { name: string; address: string; slug: string };
  customer: { id: string; name: string | null; code: string | null; phone: string | null };
  invoice: { id: string; number: string; period: string; amount: number; paidAmount: number; remaining: number; status: string };
  amount: number;
  amountInWords: string;
  method: string;
  staffName: string | null;
  verifyPath: string;
  whatsappUrl: string | null;
};

type ReceiptRow = {
  number: string;
  issued_at: Date;
  amount: string | number;
  method: string;
  staff_user_id: string | null;
  customer_id: string;
  invoice_id: string;
  invoice_number: string;
  period: string;
  invoice_amount: string | number;
  paid_amount: string | number;
  status: string;
  customer_name: string | null;
  customer_code: string | null;
  customer_phone: string | null;
};

async function receiptRows(trx: Tx, where: { number?: string; paymentId?: string; invoiceId?: string }, page: Page = { limit: 1000, offset: 0 }) {
  const { rows } = await sql<ReceiptRow>`
    select r.number, r.issued_at, r.amount, r.method, r.staff_user_id, r.customer_id, r.invoice_id,
           i.number as invoice_number, to_char(i.period, 'YYYY-MM') as period, i.amount as invoice_amount, i.paid_amount, i.status,
           c.name as customer_name, c.code as customer_code, c.phone as customer_phone
    from billing_receipts r
    join billing_invoices i on i.id = r.invoice_id
    left join customers_billable c on c.customer_id = r.customer_id
    where ${where.number ? sql`r.number = ${where.number}` : sql`true`}
      and ${where.paymentId ? sql`r.payment_id = ${where.paymentId}` : sql`true`}
      and ${where.invoiceId ? sql`r.invoice_id = ${where.invoiceId}` : sql`true`}
    order by r.issued_at, r.number limit ${page.limit} offset ${page.offset}`.execute(trx);
  return rows;
}

async function toReceipts(ctx: Pick<BillingContext, 'clock' | 'tenants' | 'staffNames' | 'sign'>, trx: Tx, rows: ReceiptRow[]): Promise<Receipt[]> {
  if (rows.length === 0) return [];
  const profile = await ctx.tenants.profileInTransaction(trx);
  const policy = await policyInTransaction(ctx, trx);
  const names = await ctx.staffNames(trx, [...new Set(rows.flatMap((r) => (r.staff_user_id ? [r.staff_user_id] : [])))]);
  return rows.map((r) => {
    const amount = Number(r.amount);
    const verifyPath = `/p/${profile.slug}/receipt/${r.number}?sig=${receiptSignature(ctx, profile.slug, r.number)}`;
    const phone = r.customer_phone?.replace(/^\+/, '') ?? null;
    const text = `Kuitansi ${r.number} dari ${profile.name}: pembayaran tagihan ${r.invoice_number} sebesar Rp ${amount.toLocaleString('id-ID')}. Cek keaslian: `;
    return {
      number: r.number,
      issuedAt: r.issued_at,
      isp: { name: profile.name, address: policy.receiptAddress, slug: profile.slug },
      customer: { id: r.customer_id, name: r.customer_name, code: r.customer_code, phone: r.customer_phone },
      invoice: {
        id: r.invoice_id,
        number: r.invoice_number,
        period: r.period,
        amount: Number(r.invoice_amount),
        paidAmount: Number(r.paid_amount),
        remaining: Number(r.invoice_amount) - Number(r.paid_amount),
        status: r.status,
      },
      amount,
      amountInWords: terbilang(amount),
      method: r.method,
      staffName: r.staff_user_id ? (names.get(r.staff_user_id) ?? null) : null,
      verifyPath,
      // The page adds the origin to the verify link; the tenant decides whether receipts go out by WhatsApp.
      whatsappUrl: policy.receiptWhatsapp && phone ? `https://wa.me/${phone}?text=${encodeURIComponent(text)}` : null,
    };
  });
}

export async function getReceipt(ctx: Pick<BillingContext, 'clock' | 'tenants' | 'staffNames' | 'sign'>, trx: Tx, number: string): Promise<Receipt> {
  const [receipt] = await toReceipts(ctx, trx, await receiptRows(trx, { number }));
  if (!receipt) throw new AppError('NOT_FOUND', 'No such receipt.');
  return receipt;
}

export const receiptsOfInvoice = async (ctx: Pick<BillingContext, 'clock' | 'tenants' | 'staffNames' | 'sign'>, trx: Tx, invoiceId: string, page: Page) =>
  toReceipts(ctx, trx, await receiptRows(trx, { invoiceId }, page));

export type VerifiedReceipt = { valid: true; isp: string; number: string; amount: number; issuedAt: Date } | { valid: false };

/**
 * The public check behind a receipt's QR code: only a signed number of an active tenant is
 * answered, and only with what the paper shows anyway (ISP, number, amount, date) — no name,
 * phone or invoice.
 */
export async function verifyReceipt(
  ctx: Pick<BillingContext, 'tenants' | 'sign'>,
  inTenant: <T>(tenantId: TenantId, fn: (trx: Tx) => Promise<T>) => Promise<T>,
  input: { slug: string; number: string; sig: string },
): Promise<VerifiedReceipt> {
  const expected = receiptSignature(ctx, input.slug, input.number);
  if (input.sig.length !== expected.length || !timingSafeEqualText(input.sig, expected)) return { valid: false };
  const tenantId = await ctx.tenants.findIdBySlug(input.slug);
  if (!tenantId) return { valid: false };
  return inTenant(tenantId, async (trx) => {
    const row = await trx.selectFrom('billing_receipts').select(['number', 'amount', 'issued_at']).where('number', '=', input.number).executeTakeFirst();
    if (!row) return { valid: false as const };
    const profile = await ctx.tenants.profileInTransaction(trx);
    return { valid: true as const, isp: profile.name, number: row.number, amount: Number(row.amount), issuedAt: row.issued_at };
  });
}

function timingSafeEqualText(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
