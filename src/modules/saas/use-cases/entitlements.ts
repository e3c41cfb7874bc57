import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { featureNames, limitLabels, limitNames, type Entitlements, type FeatureName, type LimitName, type SaasContext } from '../saas.model.ts';
import { saasErrors } from '../saas.errors.ts';

/**
 * Effective entitlement = the plan + active add-ons × quantity + unexpired overrides, computed by
 * the one SQL function `saas_effective_limits` (and `saas_effective_features`), so a check runs
 * inside the creating transaction and nothing is cached across transactions.
 */
export async function effectiveLimitInTransaction(ctx: SaasContext, trx: Tx, limit: LimitName): Promise<number | null> {
  const { rows } = await sql<{ limit_value: string }>`
    select limit_value from saas_effective_limits(app_tenant_id(), ${ctx.clock.now()}) where limit_name = ${limit}`.execute(trx);
  return rows[0] ? Number(rows[0].limit_value) : null;
}

export async function entitlementsInTransaction(ctx: SaasContext, trx: Tx, tenantId: string): Promise<Entitlements> {
  const at = ctx.clock.now();
  const { rows: limits } = await sql<{ limit_name: string; limit_value: string }>`select * from saas_effective_limits(${tenantId}::uuid, ${at})`.execute(trx);
  const { rows: features } = await sql<{ feature: string }>`select feature from saas_effective_features(${tenantId}::uuid, ${at}) order by feature`.execute(trx);
  const { rows: plan } = await sql<{ id: string; code: string; name: string }>`
    select p.id, p.code, p.name from saas_plans p
    where p.id = coalesce((select s.plan_id from saas_subscriptions s where s.tenant_id = ${tenantId}::uuid), (select d.id from saas_plans d where d.is_default))`.execute(trx);
  const byName = new Map(limits.map((l) => [l.limit_name, Number(l.limit_value)]));
  return {
    plan: plan[0] ?? { id: '', code: 'none', name: '-' },
    limits: Object.fromEntries(limitNames.map((name) => [name, byName.get(name) ?? null])) as Record<LimitName, number | null>,
    features: features.map((f) => f.feature).filter((f): f is FeatureName => (featureNames as readonly string[]).includes(f)),
  };
}

/** The features switched on for the tenant now, in one statement (what a request asks: no limits, no plan). */
export async function featuresInTransaction(ctx: SaasContext, trx: Tx, tenantId: string): Promise<FeatureName[]> {
  const { rows } = await sql<{ feature: string }>`select feature from saas_effective_features(${tenantId}::uuid, ${ctx.clock.now()}) order by feature`.execute(trx);
  return rows.map((f) => f.feature).filter((f): f is FeatureName => (featureNames as readonly string[]).includes(f));
}

export async function featureEnabledInTransaction(ctx: SaasContext, trx: Tx, tenantId: string, feature: FeatureName): Promise<boolean> {
  const { rows } = await sql<{ on: boolean }>`
    select exists (select 1 from saas_effective_features(${tenantId}::uuid, ${ctx.clock.now()}) where feature = ${feature}) as on`.execute(trx);
  return rows[0]!.on;
}

/** Counts what the caller's module already has (in its own tables), inside the same transaction. */
export type CountUsed = (trx: Tx) => Promise<number>;

/** The tenant's lock on one limit: held to the end of the transaction, so concurrent creates queue. */
const lockLimit = (trx: Tx, limit: LimitName) =>
  sql`select pg_advisory_xact_lock(hashtextextended('saas-limit:' || app_tenant_id()::text || ':' || ${limit}, 0))`.execute(trx);

export type AssertWithinLimitOptions = { limit: LimitName; countUsed: CountUsed; adding?: number };

/**
 * Refuses a create that would pass the tenant's effective limit, race-free: the limit's advisory
 * lock is taken first, so a second transaction counts only after the first committed (or rolled
 * back). A tenant over its limit (after a downgrade) keeps everything and cannot add. Reaching
 * 80 % warns the owner once per limit value (`saas.limit.warning`).
 */
export async function assertWithinLimit(ctx: SaasContext, trx: Tx, options: AssertWithinLimitOptions): Promise<void> {
  const { limit, countUsed } = options;
  const adding = options.adding ?? 1;
  await lockLimit(trx, limit);
  const max = await effectiveLimitInTransaction(ctx, trx, limit);
  if (max === null) return;
  const used = await countUsed(trx);
  if (used + adding > max) {
    throw new AppError(
      saasErrors.LIMIT_REACHED,
      `Your subscription allows ${max} ${limitLabels[limit]} and you have ${used}. Buy an add-on in Subscription → Add-ons, or ask the platform to raise your limit.`,
      { limit, used, max, raiseWith: 'add-on', addonsUrl: '/api/saas/addons' },
    );
  }
  await warnNearLimit(ctx, trx, limit, used + adding, max);
}

/**
 * For batches that may be partly over (WhatsApp messages of a month): how many more fit, after
 * taking the limit's lock. null = unlimited. A quota counted per `period` (the tenant's month)
 * warns the owner at 80 % once per limit value and period, like the counted limits: from what
 * was used before this batch, so the warning goes out with the batch after the one that crossed.
 */
export async function remainingInLimit(ctx: SaasContext, trx: Tx, limit: LimitName, countUsed: CountUsed, options: { period?: string } = {}): Promise<number | null> {
  await lockLimit(trx, limit);
  const max = await effectiveLimitInTransaction(ctx, trx, limit);
  if (max === null) return null;
  const used = await countUsed(trx);
  if (options.period !== undefined) await warnNearLimit(ctx, trx, limit, used, max, options.period);
  return Math.max(0, max - used);
}

export async function warnNearLimit(ctx: SaasContext, trx: Tx, limit: LimitName, usedAfter: number, max: number, period = '') {
  if (max <= 0 || usedAfter * 5 < max * 4) return;
  const inserted = await trx
    .insertInto('saas_limit_warnings')
    .values({ tenant_id: sql<string>`app_tenant_id()`, limit_name: limit, limit_value: max, period, warned_at: ctx.clock.now() })
    .onConflict((oc) => oc.doNothing())
    .returning('limit_name')
    .executeTakeFirst();
  if (!inserted) return;
  await ctx.publish(trx, 'saas.limit.warning', { limit, label: limitLabels[limit], used: usedAfter, max, percent: Math.floor((usedAfter * 100) / max) });
}
