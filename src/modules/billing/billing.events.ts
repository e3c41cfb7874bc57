import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

const InvoiceRef = z.object({
  invoiceId: z.uuid(),
  customerId: z.uuid(),
  number: z.string(),
  amount: z.number().int().positive(),
  dueDate: z.iso.date(),
});

/**
 * A stage the daily scan reached. `superseded`: the same scan took the invoice further (or
 * isolated its customer), so the stage is a fact for handlers but no news for people.
 */
const StageReached = InvoiceRef.extend({ superseded: z.boolean().default(false) });

export const billingEvents = defineEvents({
  'billing.invoice.issued': { topic: Topic.billing, version: 1, data: InvoiceRef.extend({ period: z.iso.date() }) },
  /** The spec's invoice_due_unpaid: the due day came and the invoice is unpaid. */
  'billing.invoice.due_unpaid': { topic: Topic.billing, version: 1, data: StageReached },
  /** invoice_overdue: the day after the due day, still unpaid. */
  'billing.invoice.overdue': { topic: Topic.billing, version: 1, data: StageReached },
  /** overdue_after_grace_period: the grace days after overdue have passed. */
  'billing.invoice.grace_expired': { topic: Topic.billing, version: 1, data: StageReached.extend({ graceDays: z.number().int() }) },
  'billing.invoice.paid': {
    topic: Topic.billing,
    version: 1,
    data: InvoiceRef.extend({ paymentId: z.uuid(), source: z.enum(['gateway', 'finance', 'manual', 'collector']) }),
  },
  /** Money desk: a payment less than what remained (cicilan); the invoice stays unpaid. */
  'billing.invoice.partially_paid': {
    topic: Topic.billing,
    version: 1,
    data: InvoiceRef.extend({
      paymentId: z.uuid(),
      source: z.enum(['gateway', 'finance', 'manual', 'collector']),
      paidAmount: z.number().int().positive(),
      remaining: z.number().int().positive(),
    }),
  },
  'billing.invoice.voided': { topic: Topic.billing, version: 1, data: InvoiceRef.extend({ reason: z.string() }) },
  'billing.payment.confirmed': {
    topic: Topic.payment,
    version: 1,
    data: z.object({
      paymentId: z.uuid(),
      invoiceId: z.uuid(),
      customerId: z.uuid(),
      amount: z.number().int().positive(),
      source: z.enum(['gateway', 'finance', 'manual', 'collector']),
      provider: z.string().nullable(),
    }),
  },
  'billing.payment.failed': {
    topic: Topic.payment,
    version: 1,
    data: z.object({ invoiceId: z.uuid(), customerId: z.uuid(), provider: z.string(), orderId: z.string(), status: z.enum(['failed', 'expired']) }),
  },
});
