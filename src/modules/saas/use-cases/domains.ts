import { randomBytes } from 'node:crypto';
import type { Page } from '../../../platform/http/pagination.ts';
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { SaasContext } from '../saas.model.ts';
import { saasErrors } from '../saas.errors.ts';

/** Where the owner publishes the proof: a TXT record at `_simpul-challenge.<host>`. */
export const challengeHost = (host: string) => `_simpul-challenge.${host}`;

const toDomain = (ctx: SaasContext, r: Record<string, any>) => ({
  id: r.id as string,
  host: r.host as string,
  verified: r.verified_at !== null,
  verifiedAt: r.verified_at ? new Date(r.verified_at) : null,
  txtRecord: { name: challengeHost(r.host), value: `simpul-verify=${r.verify_token}` },
  createdAt: new Date(r.created_at),
});

export async function addDomain(ctx: SaasContext, trx: Tx, tenantId: string, host: string) {
  const normalized = host.trim().toLowerCase().replace(/\.$/, '');
  if (normalized === ctx.config.platformDomain || normalized.endsWith(`.${ctx.config.platformDomain}`)) {
    throw new AppError('VALIDATION_FAILED', `Addresses under ${ctx.config.platformDomain} are the platform's; your own is <slug>.${ctx.config.platformDomain}.`, { fields: { host: 'platform_domain' } });
  }
  const row = await trx
    .insertInto('saas_domains')
    .values({ id: newId(), tenant_id: tenantId, host: normalized, verify_token: randomBytes(16).toString('hex'), created_at: ctx.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDomain(ctx, row);
}

export async function listDomains(ctx: SaasContext, trx: Tx, page: Page) {
  return (await trx.selectFrom('saas_domains').selectAll().orderBy('host').orderBy('id').limit(page.limit).offset(page.offset).execute()).map((r) => toDomain(ctx, r));
}

/** Every tenant's custom domains (the platform's view: host and whether it is proven, never the token). */
export async function listAllDomains(trx: Tx, page: Page) {
  const rows = await trx.selectFrom('saas_domains').select(['id', 'tenant_id', 'host', 'verified_at', 'created_at']).orderBy('host').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, host: r.host, verified: r.verified_at !== null, verifiedAt: r.verified_at ? new Date(r.verified_at) : null, createdAt: new Date(r.created_at) }));
}

/** Looks the TXT record up (the resolver is injectable) and marks the domain verified when it carries the token. */
export async function verifyDomain(ctx: SaasContext, trx: Tx, domainId: string) {
  const row = await trx.selectFrom('saas_domains').selectAll().where('id', '=', domainId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such domain.');
  if (row.verified_at) return toDomain(ctx, row);
  const expected = `simpul-verify=${row.verify_token}`;
  const records = await ctx.resolveTxt(challengeHost(row.host)).catch(() => [] as string[][]);
  if (!records.some((chunks) => chunks.join('') === expected)) {
    throw new AppError(saasErrors.DOMAIN_NOT_VERIFIED, `No TXT record "${expected}" at ${challengeHost(row.host)} yet. DNS changes can take a while to appear.`);
  }
  const updated = await trx.updateTable('saas_domains').set({ verified_at: ctx.clock.now() }).where('id', '=', domainId).returningAll().executeTakeFirstOrThrow();
  return toDomain(ctx, updated);
}

export async function removeDomain(trx: Tx, domainId: string) {
  const row = await trx.deleteFrom('saas_domains').where('id', '=', domainId).returning('id').executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such domain.');
}

/** A verified custom domain's tenant (one indexed lookup through saas_resolve_host), or null. */
export async function tenantOfCustomHost(trx: Tx, host: string): Promise<string | null> {
  const { rows } = await sql<{ tenant_id: string }>`select tenant_id from saas_resolve_host(${host})`.execute(trx);
  return rows[0]?.tenant_id ?? null;
}
