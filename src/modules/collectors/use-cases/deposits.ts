import { sql } from 'kysely';
import type { IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { collectorsErrors } from '../collectors.errors.ts';
import type { Actor, CollectorsContext } from '../collectors.model.ts';
import { addLog, assertNotFuture, nextNumber, staffName, todayOf } from './shared.ts';

/** A deposit slip's scan or photo: stored in the deposit's row (bytea), at most this big. */
export const PROOF_MAX_BYTES = 1024 * 1024;
export type ProofContentType = 'image/jpeg' | 'image/png' | 'application/pdf';
const signatures: Record<ProofContentType, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
};

/** The proof's bytes, refused unless they are what they claim to be and small enough. */
export function decodeProof(proof: { contentType: ProofContentType; dataBase64: string }): Buffer {
  const bytes = Buffer.from(proof.dataBase64, 'base64');
  if (bytes.length === 0 || bytes.toString('base64').replace(/=+$/, '') !== proof.dataBase64.replace(/\s/g, '').replace(/=+$/, '')) {
    throw new AppError(collectorsErrors.DEPOSIT_PROOF_INVALID, 'The proof is not valid base64.', { fields: { 'proof.dataBase64': 'invalid_base64' } });
  }
  if (bytes.length > PROOF_MAX_BYTES) {
    throw new AppError(collectorsErrors.DEPOSIT_PROOF_INVALID, `The proof is ${bytes.length} bytes; at most ${PROOF_MAX_BYTES}.`, { fields: { 'proof.dataBase64': 'too_large' } });
  }
  if (!signatures[proof.contentType].every((b, n) => bytes[n] === b)) {
    throw new AppError(collectorsErrors.DEPOSIT_PROOF_INVALID, `The proof is not a ${proof.contentType} file.`, { fields: { 'proof.contentType': 'content_mismatch' } });
  }
  return bytes;
}

export type ConfirmDepositOptions = {
  actor: Actor;
  handoverIds: string[];
  bank: string;
  reference: string;
  depositedOn: IsoDate;
  proof: Buffer;
  proofContentType: ProofContentType;
};

/**
 * Phase 3 (finance_deposit_confirmed): finance banked the cash of confirmed handovers. In one
 * transaction: the deposit row with its proof, the handovers and their collections marked
 * deposited, every covered invoice paid by billing (history `deposited`, payment confirmed,
 * invoice paid → the restore path every payment takes), and the owner is told.
 */
export async function confirmDeposit(ctx: CollectorsContext, trx: Tx, options: ConfirmDepositOptions) {
  const today = await todayOf(ctx, trx);
  assertNotFuture(options.depositedOn, today, 'depositedOn');
  const ids = [...new Set(options.handoverIds)];
  const handovers = await trx
    .selectFrom('collectors_handovers')
    .select(['id', 'number', 'collector_user_id', 'kept', 'deposit_id'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (handovers.length !== ids.length) throw new AppError('NOT_FOUND', 'No such handover.', { fields: { handoverIds: 'not_found' } });
  const done = handovers.find((h) => h.deposit_id !== null);
  if (done) throw new AppError(collectorsErrors.HANDOVER_ALREADY_DEPOSITED, `Handover ${done.number} is already in a deposit.`, { fields: { handoverIds: 'already_deposited' } });
  const amount = handovers.reduce((s, h) => s + Number(h.kept), 0);
  const id = newId();
  const number = await nextNumber(trx, 'BANK', Number(today.slice(0, 4)));
  await trx
    .insertInto('collectors_deposits')
    .values({
      id,
      tenant_id: sql<string>`app_tenant_id()`,
      number,
      bank: options.bank,
      reference: options.reference,
      deposited_on: sql<Date>`${options.depositedOn}::date`,
      amount,
      proof_content_type: options.proofContentType,
      proof: options.proof,
      recorded_by: options.actor.userId,
      created_at: ctx.clock.now(),
    })
    .execute();
  await trx.updateTable('collectors_handovers').set({ deposit_id: id }).where('id', 'in', ids).execute();
  const { rows: items } = await sql<{ invoice_id: string; amount: string }>`
    with moved as (
      update collectors_collections set status = 'deposited' where handover_id = any(${sql.val(ids)}::uuid[]) and status = 'handed_over' returning id
    )
    select i.invoice_id, i.amount from collectors_collection_items i join moved m on m.id = i.collection_id`.execute(trx);
  const { paid } = await ctx.billing.markDepositedInTransaction(trx, {
    items: items.map((i) => ({ invoiceId: i.invoice_id, amount: Number(i.amount) })),
    actorUserId: options.actor.userId,
    reference: `${number} ${options.bank} ${options.reference}`,
  });
  const collectorIds = [...new Set(handovers.map((h) => h.collector_user_id))];
  const names = await Promise.all(collectorIds.map((c) => staffName(ctx, trx, c)));
  await addLog(
    ctx,
    trx,
    handovers.map((h) => ({ collectorUserId: h.collector_user_id, actorUserId: options.actor.userId, action: 'deposit' as const, subject: number, amount: Number(h.kept), detail: `${h.number} → ${options.bank} ${options.reference}` })),
  );
  const invoiceCount = new Set(items.map((i) => i.invoice_id)).size;
  await ctx.publish(trx, 'collectors.deposit.confirmed', {
    depositId: id,
    number,
    collectorName: names.join(', '),
    amount,
    invoiceCount,
    confirmedByName: await staffName(ctx, trx, options.actor.userId),
  });
  return { id, number, bank: options.bank, reference: options.reference, depositedOn: options.depositedOn, amount, handovers: handovers.length, invoices: invoiceCount, paidInvoices: paid.length };
}

export async function listDeposits(trx: Tx, limit: number) {
  const rows = await trx
    .selectFrom('collectors_deposits')
    .select(['id', 'number', 'bank', 'reference', sql<string>`to_char(deposited_on, 'YYYY-MM-DD')`.as('deposited_on'), 'amount', 'proof_content_type', 'recorded_by', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    bank: r.bank,
    reference: r.reference,
    depositedOn: r.deposited_on,
    amount: Number(r.amount),
    proofContentType: r.proof_content_type as ProofContentType,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  }));
}

export async function depositProof(trx: Tx, depositId: string) {
  const row = await trx.selectFrom('collectors_deposits').select(['proof', 'proof_content_type']).where('id', '=', depositId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such deposit.');
  return { contentType: row.proof_content_type as ProofContentType, bytes: Buffer.from(row.proof) };
}
