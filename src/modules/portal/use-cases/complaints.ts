import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { portalErrors } from '../portal.errors.ts';
import type { ComplaintKind } from '../portal.events.ts';
import { COMPLAINTS_PER_HOUR, type PortalContext } from '../portal.model.ts';

export const complaintLabels: Record<ComplaintKind, string> = { no_internet: 'Internet mati', slow: 'Internet lambat', other: 'Lainnya' };

export type SubmitComplaintOptions = { customerId: string; kind: ComplaintKind; message: string };

/**
 * "Internet mati" from the portal: a row, and `portal.complaint.submitted` in the same
 * transaction (a WhatsApp to the admin by the notification rule; technicians' tasks later).
 */
export async function submitComplaint(ctx: PortalContext, trx: Tx, options: SubmitComplaintOptions): Promise<{ complaintId: string }> {
  const message = options.message.trim();
  if (message.length > 500) throw new AppError('VALIDATION_FAILED', 'Keterangan paling banyak 500 huruf.', { fields: { message: 'too_long' } });
  const now = ctx.clock.now();
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from portal_complaints where customer_id = ${options.customerId} and created_at > ${new Date(now.getTime() - 3_600_000)}`.execute(trx);
  if (rows[0].n >= COMPLAINTS_PER_HOUR) {
    throw new AppError(portalErrors.PORTAL_COMPLAINT_RATE_LIMITED, 'Laporan Anda sudah kami terima. Mohon tunggu petugas kami menghubungi Anda.', { retryAfterSeconds: 3600 });
  }
  const customer = await ctx.customers.getInTransaction(trx, options.customerId);
  if (!customer) throw new AppError('NOT_FOUND', 'No such customer.');
  const complaintId = newId();
  await sql`insert into portal_complaints (id, tenant_id, customer_id, kind, message, created_at)
    values (${complaintId}, app_tenant_id(), ${options.customerId}, ${options.kind}, ${message}, ${now})`.execute(trx);
  await ctx.publish(
    trx,
    'portal.complaint.submitted',
    { complaintId, customerId: customer.id, customerCode: customer.code, kind: options.kind, kindLabel: complaintLabels[options.kind], message },
    { key: customer.id },
  );
  return { complaintId };
}
