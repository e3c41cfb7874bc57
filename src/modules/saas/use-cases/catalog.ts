import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { FeatureName, LimitName, SaasContext } from '../saas.model.ts';
import { restOfMonth } from './pro-rata.ts';

export type PlanInput = { code: string; name: string; monthlyPrice: number; limits: Partial<Record<LimitName, number>>; features: FeatureName[] };
export type AddonInput = { code: string; name: string; price: number; recurring: boolean } & ({ limitName: LimitName; amount: number } | { feature: FeatureName });

const toPlan = (r: Record<string, any>) => ({
  id: r.id as string, code: r.code as string, name: r.name as string, monthlyPrice: Number(r.monthly_price),
  limits: r.limits as Partial<Record<LimitName, number>>, features: r.features as FeatureName[], isDefault: r.is_default as boolean, active: r.active as boolean,
});
const toAddon = (r: Record<string, any>) => ({
  id: r.id as string, code: r.code as string, name: r.name as string, price: Number(r.price), recurring: r.recurring as boolean, active: r.active as boolean,
  limitName: (r.limit_name ?? null) as LimitName | null, amount: r.amount === null ? null : Number(r.amount), feature: (r.feature ?? null) as FeatureName | null,
});
export type Plan = ReturnType<typeof toPlan>;
export type Addon = ReturnType<typeof toAddon>;

export const listPlans = async (trx: Tx) => (await trx.selectFrom('saas_plans').selectAll().orderBy('monthly_price').execute()).map(toPlan);
export const listAddons = async (trx: Tx, onlyActive: boolean) => {
  let q = trx.selectFrom('saas_addons').selectAll().orderBy('price');
  if (onlyActive) q = q.where('active', '=', true);
  return (await q.execute()).map(toAddon);
};

export async function createPlan(ctx: SaasContext, trx: Tx, input: PlanInput) {
  const row = await trx
    .insertInto('saas_plans')
    .values({ id: newId(), code: input.code, name: input.name, monthly_price: input.monthlyPrice, limits: JSON.stringify(input.limits), features: input.features, created_at: ctx.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPlan(row);
}

export async function updatePlan(trx: Tx, planId: string, change: Partial<Omit<PlanInput, 'code'>> & { active?: boolean }) {
  const set: Record<string, unknown> = {};
  if (change.name !== undefined) set.name = change.name;
  if (change.monthlyPrice !== undefined) set.monthly_price = change.monthlyPrice;
  if (change.limits !== undefined) set.limits = JSON.stringify(change.limits);
  if (change.features !== undefined) set.features = change.features;
  if (change.active !== undefined) set.active = change.active;
  if (Object.keys(set).length === 0) throw new AppError('NOTHING_TO_UPDATE', 'Send at least one field to change.');
  const row = await trx.updateTable('saas_plans').set(set).where('id', '=', planId).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such plan.');
  return toPlan(row);
}

export async function createAddon(ctx: SaasContext, trx: Tx, input: AddonInput) {
  const row = await trx
    .insertInto('saas_addons')
    .values({
      id: newId(), code: input.code, name: input.name, price: input.price, recurring: input.recurring, created_at: ctx.clock.now(),
      limit_name: 'limitName' in input ? input.limitName : null, amount: 'limitName' in input ? input.amount : null, feature: 'feature' in input ? input.feature : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAddon(row);
}

/** What an add-on is sold as (name, price, recurring) and whether it is on sale; what it raises stays (bought units keep their meaning). */
export async function updateAddon(trx: Tx, addonId: string, change: { name?: string; price?: number; recurring?: boolean; active?: boolean }) {
  if (Object.values(change).every((v) => v === undefined)) throw new AppError('NOTHING_TO_UPDATE', 'Send at least one field to change.');
  const row = await trx.updateTable('saas_addons').set(change).where('id', '=', addonId).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such add-on.');
  return toAddon(row);
}

/** The super admin moves a tenant to a plan. A downgrade below its usage keeps everything; it just cannot add. */
export async function setTenantPlan(ctx: SaasContext, trx: Tx, tenantId: string, planId: string) {
  const plan = await trx.selectFrom('saas_plans').select(['id', 'name', 'monthly_price']).where('id', '=', planId).where('active', '=', true).executeTakeFirst();
  if (!plan) throw new AppError('NOT_FOUND', 'No such active plan.', { fields: { planId: 'not_found' } });
  await adjustForPlanChange(ctx, trx, tenantId, plan);
  await trx
    .insertInto('saas_subscriptions')
    .values({ tenant_id: tenantId, plan_id: planId, updated_at: ctx.clock.now() })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ plan_id: planId, updated_at: ctx.clock.now() }))
    .execute();
}

/** The rest of this month at the new plan's price minus the old, when this month was already invoiced (rule: pro-rata.ts). */
async function adjustForPlanChange(ctx: SaasContext, trx: Tx, tenantId: string, next: { id: string; name: string; monthly_price: string | number | bigint }) {
  const rest = restOfMonth(ctx);
  const { rows } = await sql<{ name: string; monthly_price: string; invoiced: boolean }>`
    select p.name, p.monthly_price,
      exists (select 1 from saas_invoices i where i.tenant_id = ${tenantId}::uuid and i.kind = 'subscription' and i.period = ${rest.period}::date and i.status <> 'void') as invoiced
    from saas_plans p
    where p.id = coalesce((select s.plan_id from saas_subscriptions s where s.tenant_id = ${tenantId}::uuid), (select d.id from saas_plans d where d.is_default))`.execute(trx);
  const current = rows[0];
  if (!current?.invoiced) return;
  const amount = rest.share(Number(next.monthly_price) - Number(current.monthly_price));
  if (amount === 0) return;
  await trx
    .insertInto('saas_adjustments')
    .values({
      id: newId(), tenant_id: tenantId, period: sql<Date>`${rest.period}::date`, amount, created_at: ctx.clock.now(),
      description: `Plan ${current.name} → ${next.name}, ${rest.left}/${rest.days} days`,
    })
    .execute();
}

export type OverrideInput = { reason: string; endsAt: Date } & ({ limitName: LimitName; amount: number } | { feature: FeatureName; enabled: boolean });

export async function addOverride(ctx: SaasContext, trx: Tx, tenantId: string, createdBy: string, input: OverrideInput) {
  if (input.endsAt <= ctx.clock.now()) throw new AppError('VALIDATION_FAILED', 'An override needs an end date in the future.', { fields: { endsAt: 'must be in the future' } });
  const id = newId();
  await trx
    .insertInto('saas_overrides')
    .values({
      id, tenant_id: tenantId, reason: input.reason.trim(), ends_at: input.endsAt, created_by: createdBy, created_at: ctx.clock.now(),
      limit_name: 'limitName' in input ? input.limitName : null, amount: 'limitName' in input ? input.amount : null,
      feature: 'feature' in input ? input.feature : null, feature_enabled: 'feature' in input ? input.enabled : null,
    })
    .execute();
  return { id };
}

export async function endOverride(ctx: SaasContext, trx: Tx, tenantId: string, overrideId: string) {
  const row = await trx.updateTable('saas_overrides').set({ ended_at: ctx.clock.now() }).where('id', '=', overrideId).where('tenant_id', '=', tenantId).where('ended_at', 'is', null).returning('id').executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such open override.');
}

export async function listOverrides(trx: Tx, tenantId: string, page: Page) {
  const rows = await trx.selectFrom('saas_overrides').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
  return rows.map((r) => ({
    id: r.id, limitName: r.limit_name, amount: r.amount === null ? null : Number(r.amount), feature: r.feature, enabled: r.feature_enabled,
    reason: r.reason, endsAt: new Date(r.ends_at), endedAt: r.ended_at ? new Date(r.ended_at) : null, createdAt: new Date(r.created_at),
  }));
}

/** The platform-wide kill switch of a feature (off for every tenant, whatever its plan). */
export async function setFeatureSwitch(ctx: SaasContext, trx: Tx, feature: FeatureName, enabled: boolean, reason: string) {
  // Switching a feature off for every tenant is an incident: the console shows tenants' staff why.
  if (!enabled && reason.trim().length < 3) throw new AppError('VALIDATION_FAILED', 'Say why the feature is switched off for every tenant.', { fields: { reason: 'required' } });
  await trx
    .insertInto('saas_feature_switches')
    .values({ feature, enabled, reason, updated_at: ctx.clock.now() })
    .onConflict((oc) => oc.column('feature').doUpdateSet({ enabled, reason, updated_at: ctx.clock.now() }))
    .execute();
}
export const listFeatureSwitches = async (trx: Tx) =>
  (await trx.selectFrom('saas_feature_switches').selectAll().orderBy('feature').execute()).map((r) => ({ feature: r.feature, enabled: r.enabled, reason: r.reason, updatedAt: new Date(r.updated_at) }));

/**
 * plan_reconciliation_worker's body for one tenant (platform transaction): ends overrides and
 * add-ons past their end, then compares usage with the effective limits and flags what is over.
 */
export async function reconcileTenant(ctx: SaasContext, trx: Tx, tenantId: string) {
  const now = ctx.clock.now();
  const endedOverrides = await trx.updateTable('saas_overrides').set({ ended_at: now }).where('tenant_id', '=', tenantId).where('ended_at', 'is', null).where('ends_at', '<=', now).returning('id').execute();
  const endedAddons = await trx.updateTable('saas_tenant_addons').set({ status: 'ended' }).where('tenant_id', '=', tenantId).where('status', '=', 'active').where('ends_at', '<=', now).returning('id').execute();
  const { rows } = await sql<{ limit_name: string; used: string; max: string }>`
    select l.limit_name, u.used, l.limit_value as max
    from saas_effective_limits(${tenantId}::uuid, ${now}) l
    join (select tenant_id, unnest(array['customers', 'routers', 'staff']) as limit_name, unnest(array[customers, routers, staff]) as used
          from saas_tenant_usage where tenant_id = ${tenantId}::uuid) u on u.limit_name = l.limit_name`.execute(trx);
  const over = rows.filter((r) => Number(r.used) > Number(r.max)).map((r) => r.limit_name).sort();
  const defaultPlan = sql<string>`(select id from saas_plans where is_default)`;
  await trx
    .insertInto('saas_subscriptions')
    .values({ tenant_id: tenantId, plan_id: defaultPlan, over_limit: over, reconciled_at: now, updated_at: now })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ over_limit: over, reconciled_at: now }))
    .execute();
  return { overLimit: over, endedOverrides: endedOverrides.length, endedAddons: endedAddons.length };
}

/** The super admin's tenant list: plan, usage against limits (counts only), over-limit flags, SaaS invoices due. */
export async function tenantOverview(ctx: SaasContext, trx: Tx, page: Page) {
  const now = ctx.clock.now();
  const { rows } = await sql<{ tenant_id: string; slug: string; name: string; status: string; plan: string; customers: string; routers: string; staff: string; limits: Record<string, string> | null; unpaid: string; over_limit: string[] | null }>`
    select t.id as tenant_id, t.slug, t.name, t.status,
      coalesce(p.name, d.name) as plan, u.customers, u.routers, u.staff,
      (select jsonb_object_agg(l.limit_name, l.limit_value) from saas_effective_limits(t.id, ${now}) l) as limits,
      (select count(*) from saas_invoices i where i.tenant_id = t.id and i.status = 'unpaid') as unpaid,
      s.over_limit
    from tenants t
    join saas_tenant_usage u on u.tenant_id = t.id
    left join saas_subscriptions s on s.tenant_id = t.id
    left join saas_plans p on p.id = s.plan_id
    cross join (select name from saas_plans where is_default) d
    order by t.name, t.id limit ${page.limit} offset ${page.offset}`.execute(trx);
  return rows.map((r) => {
    const usage = { customers: Number(r.customers), routers: Number(r.routers), staff: Number(r.staff) };
    const limits = Object.fromEntries(Object.entries(r.limits ?? {}).map(([k, v]) => [k, Number(v)]));
    const overNow = (Object.keys(usage) as (keyof typeof usage)[]).filter((k) => limits[k] !== undefined && usage[k] > limits[k]!);
    return { tenantId: r.tenant_id, slug: r.slug, name: r.name, status: r.status, plan: r.plan, usage, limits, unpaidInvoices: Number(r.unpaid), overLimit: overNow };
  });
}
