import type { Page } from '../../platform/http/pagination.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { columnsToSet, requireSomethingToUpdate } from '../../platform/db/updates.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { planEvents } from './plans.events.ts';

export type ServicePlan = {
  id: string;
  name: string;
  downloadKbps: number;
  uploadKbps: number;
  monthlyPrice: number;
  routerProfile: string;
  isActive: boolean;
};

export type PlansTables = {
  service_plans: {
    id: string;
    tenant_id: string;
    name: string;
    download_kbps: number;
    upload_kbps: number;
    monthly_price: string | number; // bigint arrives as a string from pg
    router_profile: string;
    is_active: boolean;
    created_at: Date;
  };
};

const toPlan = (r: PlansTables['service_plans']): ServicePlan => ({
  id: r.id,
  name: r.name,
  downloadKbps: r.download_kbps,
  uploadKbps: r.upload_kbps,
  monthlyPrice: Number(r.monthly_price),
  routerProfile: r.router_profile,
  isActive: r.is_active,
});

export type PlanInput = Omit<ServicePlan, 'id' | 'isActive'> & { isActive?: boolean };
export type PlansService = ReturnType<typeof createPlansService>;

/** Internet packages (paket) a tenant sells: speed, monthly price, router profile. */
export function createPlansService(deps: { db: Database; clock: Clock; publish: Publish<typeof planEvents> }) {
  const { db, clock, publish } = deps;

  const list = (tenantId: TenantId, page: Page = { limit: 100, offset: 0 }) =>
    db.tenant<PlansTables, ServicePlan[]>(tenantId, async (trx) =>
      (await trx.selectFrom('service_plans').selectAll().orderBy('monthly_price').orderBy('id').limit(page.limit).offset(page.offset).execute()).map(toPlan),
    );

  /** Reads a plan inside another module's transaction (e.g. creating a customer). */
  async function getInTransaction(trx: Tx, planId: string): Promise<ServicePlan> {
    const row = await (trx as Tx<PlansTables>).selectFrom('service_plans').selectAll().where('id', '=', planId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'No such service plan.', { fields: { planId: 'not_found' } });
    return toPlan(row);
  }

  const create = (tenantId: TenantId, input: PlanInput) => db.tenant<PlansTables, ServicePlan>(tenantId, (trx) => createInTransaction(trx, tenantId, input));

  /** The same inside the caller's transaction (importers: one import is one transaction). */
  const createInTransaction = async (anyTrx: Tx, tenantId: TenantId, input: PlanInput): Promise<ServicePlan> => {
    const trx = anyTrx as Tx<PlansTables>;
    const row = await trx
      .insertInto('service_plans')
      .values({
        id: newId(),
        tenant_id: tenantId,
        name: input.name,
        download_kbps: input.downloadKbps,
        upload_kbps: input.uploadKbps,
        monthly_price: input.monthlyPrice,
        router_profile: input.routerProfile,
        is_active: input.isActive ?? true,
        created_at: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPlan(row);
  };

  const update = (tenantId: TenantId, planId: string, input: Partial<PlanInput>) =>
    db.tenant<PlansTables, ServicePlan>(tenantId, async (trx) => {
      const changes = columnsToSet({
        name: input.name,
        download_kbps: input.downloadKbps,
        upload_kbps: input.uploadKbps,
        monthly_price: input.monthlyPrice,
        router_profile: input.routerProfile,
        is_active: input.isActive,
      });
      requireSomethingToUpdate(changes);
      const before = await trx.selectFrom('service_plans').selectAll().where('id', '=', planId).forUpdate().executeTakeFirst();
      const row = await trx
        .updateTable('service_plans')
        .set(changes)
        .where('id', '=', planId)
        .returningAll()
        .executeTakeFirst();
      if (!row || !before) throw new AppError('NOT_FOUND', 'No such service plan.');
      const networkFields = (['downloadKbps', 'uploadKbps', 'routerProfile'] as const).filter((f) => toPlan(before)[f] !== toPlan(row)[f]);
      if (networkFields.length) await publish(trx, 'plans.plan.changed', { planId, fields: networkFields });
      return toPlan(row);
    });

  /** Importers: the tenant's plans inside the caller's transaction. */
  const listInTransaction = async (trx: Tx) => (await (trx as Tx<PlansTables>).selectFrom('service_plans').selectAll().execute()).map(toPlan);

  return { list, listInTransaction, create, createInTransaction, update, getInTransaction };
}
