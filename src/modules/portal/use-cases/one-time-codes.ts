import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { normalizeIndonesianPhone } from '../../../platform/phone.ts';
import { portalErrors } from '../portal.errors.ts';
import {
  CODE_MAX_ATTEMPTS,
  CODE_TTL_MINUTES,
  CODES_PER_ADDRESS_HOUR,
  CODES_PER_IDENTIFIER,
  SESSION_TTL_MINUTES,
  sha256,
  type PortalContext,
} from '../portal.model.ts';

const MINUTE = 60_000;

export type Identifier = { kind: 'phone'; value: string } | { kind: 'code'; value: string };

/**
 * What the customer typed in the one box: a WhatsApp number in any form (0812…, +62 812-…,
 * 62812…) or a customer code (C00042). Anything else is refused by its form alone, which tells
 * nothing about who is a customer.
 */
export function parseIdentifier(input: string): Identifier {
  const trimmed = input.trim();
  if (/^[+\d\s\-().]+$/.test(trimmed)) {
    const phone = normalizeIndonesianPhone(trimmed);
    if (phone) return { kind: 'phone', value: phone };
  }
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(trimmed)) return { kind: 'code', value: trimmed.toUpperCase() };
  throw new AppError(portalErrors.PORTAL_IDENTIFIER_INVALID, 'Masukkan kode pelanggan (mis. C00042) atau nomor WhatsApp (mis. 0812-3456-7890).', {
    fields: { identifier: 'invalid' },
  });
}

const identifierHash = (id: Identifier) => sha256(`${id.kind}:${id.value}`);
const codeHash = (challengeId: string, code: string) => sha256(`${challengeId}:${code}`);

export type RequestCodeOptions = { identifier: string; address: string };

/**
 * Step 1: a 6-digit code to the customer's WhatsApp. The same work happens whether or not the
 * identifier is a customer's — limits checked, a code drawn and hashed, a challenge row written
 * (customer_id null for a stranger), the message rendered and its row written (skipped for a
 * stranger: nothing is sent) — and the answer is the same. The code is kept as SHA-256 only.
 */
export async function requestCode(ctx: PortalContext, trx: Tx, options: RequestCodeOptions): Promise<{ validMinutes: number; path: 'customer' | 'unknown' }> {
  const id = parseIdentifier(options.identifier);
  const hash = identifierHash(id);
  const now = ctx.clock.now();
  const { rows } = await sql<{ by_identifier: number; by_address: number; oldest_identifier: Date | null; oldest_address: Date | null }>`
    select count(*) filter (where identifier_hash = ${hash} and created_at > ${new Date(now.getTime() - CODE_TTL_MINUTES * MINUTE)})::int as by_identifier,
           count(*) filter (where address = ${options.address})::int as by_address,
           min(created_at) filter (where identifier_hash = ${hash} and created_at > ${new Date(now.getTime() - CODE_TTL_MINUTES * MINUTE)}) as oldest_identifier,
           min(created_at) filter (where address = ${options.address}) as oldest_address
    from portal_challenges
    where created_at > ${new Date(now.getTime() - 60 * MINUTE)} and (identifier_hash = ${hash} or address = ${options.address})`.execute(trx);
  const counts = rows[0];
  const retryAfter = (oldest: Date | null, windowMinutes: number) =>
    Math.max(1, Math.ceil(((oldest ? new Date(oldest).getTime() : now.getTime()) + windowMinutes * MINUTE - now.getTime()) / 1000));
  if (counts.by_identifier >= CODES_PER_IDENTIFIER) {
    throw new AppError(portalErrors.PORTAL_CODE_RATE_LIMITED, 'Terlalu sering meminta kode untuk nomor atau kode pelanggan ini. Coba lagi nanti.', {
      retryAfterSeconds: retryAfter(counts.oldest_identifier, CODE_TTL_MINUTES),
    });
  }
  if (counts.by_address >= CODES_PER_ADDRESS_HOUR) {
    throw new AppError(portalErrors.PORTAL_CODE_RATE_LIMITED, 'Terlalu banyak permintaan kode dari alamat ini. Coba lagi nanti.', {
      retryAfterSeconds: retryAfter(counts.oldest_address, 60),
    });
  }
  const customer = await ctx.customers.findActiveInTransaction(trx, id.kind === 'phone' ? { phone: id.value } : { code: id.value });
  const challengeId = newId();
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  await sql`insert into portal_challenges (id, tenant_id, customer_id, identifier_hash, address, code_hash, expires_at, created_at)
    values (${challengeId}, app_tenant_id(), ${customer?.id ?? null}, ${hash}, ${options.address}, ${codeHash(challengeId, code)},
            ${new Date(now.getTime() + CODE_TTL_MINUTES * MINUTE)}, ${now})`.execute(trx);
  await ctx.notifications.queuePortalCodeInTransaction(trx, {
    challengeId,
    customer: customer ? { id: customer.id, name: customer.name, phone: customer.phone } : null,
    typedPhone: id.kind === 'phone' ? id.value : null,
    code,
    validMinutes: CODE_TTL_MINUTES,
  });
  // `path` is for tests and logs only; routes never answer it.
  return { validMinutes: CODE_TTL_MINUTES, path: customer ? 'customer' : 'unknown' };
}

export type VerifyCodeOptions = { identifier: string; code: string };
export type VerifyCodeResult =
  | { ok: true; customerId: string; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Step 2: the code against the identifier's latest challenge. A wrong code counts a try (the
 * count commits even though the answer is a refusal: the caller throws after the transaction);
 * the fifth locks the challenge. A stranger's challenge never matches (it has no customer). On
 * success every open challenge of the identifier is used up and a portal session begins.
 */
export async function verifyCode(ctx: PortalContext, trx: Tx, options: VerifyCodeOptions): Promise<VerifyCodeResult> {
  const id = parseIdentifier(options.identifier);
  const hash = identifierHash(id);
  const now = ctx.clock.now();
  const { rows } = await sql<{ id: string; customer_id: string | null; code_hash: string; attempts: number; expires_at: Date }>`
    select id, customer_id, code_hash, attempts, expires_at from portal_challenges
    where identifier_hash = ${hash} and consumed_at is null order by created_at desc, id desc limit 1 for update`.execute(trx);
  const challenge = rows[0];
  if (!challenge || new Date(challenge.expires_at) <= now) return { ok: false, reason: 'invalid' };
  if (challenge.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: 'locked' };
  const given = /^\d{6}$/.test(options.code.trim()) ? codeHash(challenge.id, options.code.trim()) : '';
  const matches = given.length === challenge.code_hash.length && timingSafeEqual(Buffer.from(given), Buffer.from(challenge.code_hash));
  if (!matches || !challenge.customer_id) {
    await sql`update portal_challenges set attempts = attempts + 1 where id = ${challenge.id}`.execute(trx);
    return { ok: false, reason: challenge.attempts + 1 >= CODE_MAX_ATTEMPTS ? 'locked' : 'invalid' };
  }
  await sql`update portal_challenges set consumed_at = ${now} where identifier_hash = ${hash} and consumed_at is null`.execute(trx);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MINUTES * MINUTE);
  await sql`insert into portal_sessions (id, tenant_id, customer_id, token_hash, expires_at, created_at)
    values (${newId()}, app_tenant_id(), ${challenge.customer_id}, ${sha256(token)}, ${expiresAt}, ${now})`.execute(trx);
  return { ok: true, customerId: challenge.customer_id, token, expiresAt };
}

/** The customer a portal session token belongs to, while it is valid and the customer active; else null. */
export async function sessionCustomer(ctx: PortalContext, trx: Tx, token: string): Promise<string | null> {
  const { rows } = await sql<{ customer_id: string }>`
    select customer_id from portal_sessions
    where token_hash = ${sha256(token)} and revoked_at is null and expires_at > ${ctx.clock.now()}`.execute(trx);
  if (!rows[0]) return null;
  const customer = await ctx.customers.getInTransaction(trx, rows[0].customer_id);
  return customer?.status === 'active' ? customer.id : null;
}

export async function endSession(ctx: PortalContext, trx: Tx, token: string): Promise<void> {
  await sql`update portal_sessions set revoked_at = ${ctx.clock.now()} where token_hash = ${sha256(token)} and revoked_at is null`.execute(trx);
}
