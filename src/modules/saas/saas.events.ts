import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

/**
 * The SaaS layer's events, published with the tenant they concern. `addons.*` are the names the
 * WhatsApp rules (notification-rules.ts) were written against.
 */
export const saasEvents = defineEvents({
  /** An add-on was bought: its SaaS invoice exists, waiting for payment. */
  'addons.invoice.created': {
    topic: Topic.addon,
    version: 1,
    data: z.object({
      invoiceId: z.uuid(),
      tenantAddonId: z.uuid(),
      addonName: z.string(),
      number: z.string(),
      amount: z.number().int().positive(),
      dueDate: z.iso.date(),
      paymentUrl: z.string(),
    }),
  },
  /** A SaaS invoice (add-on or subscription) was paid, through the platform's gateway or marked by the super admin. */
  'addons.invoice.paid': {
    topic: Topic.addon,
    version: 1,
    data: z.object({ invoiceId: z.uuid(), number: z.string(), kind: z.enum(['subscription', 'addon']), amount: z.number().int().positive(), via: z.enum(['gateway', 'super_admin']) }),
  },
  /** The add-on's limits or feature apply from now on. */
  'addons.addon.activated': {
    topic: Topic.addon,
    version: 1,
    data: z.object({ tenantAddonId: z.uuid(), addonName: z.string(), limitName: z.string().nullable(), feature: z.string().nullable(), quantity: z.number().int().positive() }),
  },
  /** The monthly SaaS invoice was issued. */
  'saas.invoice.issued': {
    topic: Topic.addon,
    version: 1,
    data: z.object({ invoiceId: z.uuid(), number: z.string(), period: z.iso.date(), amount: z.number().int().positive(), dueDate: z.iso.date() }),
  },
  /** An unpaid SaaS invoice's reminder to the owner: some days before its due date, and on the day (once each). */
  'saas.invoice.reminder': {
    topic: Topic.addon,
    version: 1,
    data: z.object({ invoiceId: z.uuid(), number: z.string(), amount: z.number().int().positive(), dueDate: z.iso.date(), when: z.enum(['before_due', 'due_day']), paymentUrl: z.string() }),
  },
  /** A create took a limit to 80 % or more (once per limit value). */
  'saas.limit.warning': {
    topic: Topic.addon,
    version: 1,
    data: z.object({ limit: z.string(), label: z.string(), used: z.number().int(), max: z.number().int(), percent: z.number().int() }),
  },
});
