import { isIP } from 'node:net';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Invoice } from '../../billing/index.ts';
import { maskName, type LineStatus, type OutageNotice, type PortalContext, type PortalInvoice } from '../portal.model.ts';

export type CustomerView = {
  tenantName: string;
  customer: { id: string; code: string; name: string };
  line: LineStatus;
  /** Unpaid invoices, oldest first, and their total. */
  unpaid: PortalInvoice[];
  unpaidTotal: number;
  /** Paid invoices, newest first (receipts). */
  paid: PortalInvoice[];
  outage: OutageNotice | null;
};

const toPortalInvoice = (i: Invoice): PortalInvoice => ({
  id: i.id,
  number: i.number,
  period: i.period,
  dueDate: i.dueDate,
  amount: i.amount,
  // Cash a collector took is the customer's payment, waiting for the collector's deposit.
  status: i.status === 'unpaid' ? 'unpaid' : i.status === 'paid' ? 'paid' : 'pending',
  paidAt: i.paidAt,
});

/**
 * Where the line stands: isolated (a bill open, or isolated by hand with none), isolated for a
 * bill now paid (the restore is on its way), restored but the router still isolating it (it has
 * not confirmed the change yet), or working.
 */
export async function lineStatusInTransaction(ctx: PortalContext, trx: Tx, customerId: string, unpaidCount?: number): Promise<LineStatus> {
  const line = (await ctx.isolation.linesInTransaction(trx, [customerId])).get(customerId);
  if (!line) return 'active';
  if (line.desiredState === 'active') {
    const sync = await ctx.network.lineSyncInTransaction(trx, customerId);
    return sync?.appliedState === 'isolated' ? 'reconnecting' : 'active';
  }
  const unpaid = unpaidCount ?? (await ctx.billing.listInvoicesInTransaction(trx, { customerId, status: 'unpaid', limit: 1, offset: 0 })).total;
  return unpaid === 0 && line.invoiceId ? 'restoring' : 'isolated';
}

/**
 * What one customer sees: only their own invoices, line and outage. `masked`: the isolir page,
 * which knows the customer by the address of the request alone, shows the name masked.
 */
export async function customerView(ctx: PortalContext, trx: Tx, customerId: string, options: { masked: boolean }): Promise<CustomerView> {
  const customer = await ctx.customers.getInTransaction(trx, customerId);
  if (!customer) throw new AppError('NOT_FOUND', 'No such customer.');
  const tenant = await ctx.tenants.profileInTransaction(trx);
  const { items } = await ctx.billing.listInvoicesInTransaction(trx, { customerId, limit: 24, offset: 0 });
  const invoices = items.filter((i) => i.status !== 'void').map(toPortalInvoice);
  const unpaid = invoices.filter((i) => i.status === 'unpaid').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    tenantName: tenant.name,
    customer: { id: customer.id, code: customer.code, name: options.masked ? maskName(customer.name) : customer.name },
    line: await lineStatusInTransaction(ctx, trx, customerId, unpaid.length),
    unpaid,
    unpaidTotal: unpaid.reduce((sum, i) => sum + i.amount, 0),
    paid: options.masked ? [] : invoices.filter((i) => i.status !== 'unpaid'),
    outage: (await ctx.outages?.openOutageForCustomerInTransaction(trx, customerId)) ?? null,
  };
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.5) as the IPv4 a router gave the line; null when not an address. */
export const lineAddress = (address: string): string | null => {
  const plain = address.replace(/^::ffff:/i, '');
  return isIP(plain) ? plain : null;
};

/**
 * The customer whose line has this source address: a static or DHCP line's address, else the
 * framed address of an open PPPoE session (RADIUS accounting). Never from anything the request
 * says about itself (query, cookie, form): only the address the server saw.
 */
export async function customerAtAddressInTransaction(ctx: PortalContext, trx: Tx, address: string): Promise<string | null> {
  const ip = lineAddress(address);
  if (!ip) return null;
  return (await ctx.customers.idByLineAddressInTransaction(trx, ip)) ?? (await ctx.network.customerIdByFramedAddressInTransaction(trx, ip));
}
