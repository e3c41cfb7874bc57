import type { Clock } from '../../platform/clock.ts';
import { addDays, localDate, type IsoDate } from '../../platform/dates.ts';
import type { Database, TenantId } from '../../platform/db/database.ts';
import type { BillingService } from '../billing/index.ts';
import type { CustomersService } from '../customers/index.ts';
import type { IsolationService } from '../isolation/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { TenantsService } from '../tenants/index.ts';

export type ReportsDeps = {
  db: Database;
  clock: Clock;
  tenants: TenantsService;
  billing: BillingService;
  isolation: IsolationService;
  customers: CustomersService;
  notifications: NotificationsService;
};
export type ReportsService = ReturnType<typeof createReportsService>;
export type DateRange = { from?: IsoDate; to?: IsoDate };

const monthsBetween = (from: IsoDate, to: IsoDate) => {
  const months: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return months;
};

/**
 * Reports for the money desk, in the tenant's calendar. Money comes from billing (its own
 * tables), the other counts from their owners' in-transaction functions: this module owns no table.
 */
export function createReportsService(deps: ReportsDeps) {
  const { db } = deps;
  /** Default range: the last 30 local days up to today. */
  const range = async (tenantId: TenantId, r: DateRange) => {
    const today = await db.tenant(tenantId, async (trx) => localDate(deps.clock.now(), await deps.tenants.timeZoneInTransaction(trx)));
    const to = r.to ?? today;
    return { from: r.from ?? addDays(to, -29), to };
  };

  return {
    /** With a page: those lines (the console); without: every line (the export). */
    income: async (tenantId: TenantId, r: DateRange & { groupBy: 'day' | 'month'; limit?: number; offset?: number }) =>
      deps.billing.incomeReport(tenantId, { ...(await range(tenantId, r)), groupBy: r.groupBy, page: r.limit === undefined ? undefined : { limit: r.limit, offset: r.offset ?? 0 } }),
    aging: (tenantId: TenantId, asOf?: IsoDate) => deps.billing.agingReport(tenantId, { asOf }),
    isolation: async (tenantId: TenantId, r: DateRange) => {
      const { from, to } = await range(tenantId, r);
      return db.tenant(tenantId, async (trx) => {
        const timeZone = await deps.tenants.timeZoneInTransaction(trx);
        const counts = await deps.isolation.actionCountsInTransaction(trx, { from, to, timeZone });
        return { from, to, ...counts, isolated: counts.days.reduce((s, d) => s + d.isolated, 0), restored: counts.days.reduce((s, d) => s + d.restored, 0) };
      });
    },
    customers: async (tenantId: TenantId, r: DateRange) => {
      const { from, to } = await range(tenantId, r);
      return db.tenant(tenantId, async (trx) => {
        const movements = await deps.customers.movementsInTransaction(trx, { from, to });
        const timeZone = await deps.tenants.timeZoneInTransaction(trx);
        const { isolatedNow } = await deps.isolation.actionCountsInTransaction(trx, { from: to, to, timeZone });
        return { from, to, months: movements.months, active: movements.active, suspended: isolatedNow, terminated: movements.terminated };
      });
    },
    whatsapp: async (tenantId: TenantId, r: DateRange) => {
      const { from, to } = await range(tenantId, r);
      return db.tenant(tenantId, async (trx) => {
        const months = [];
        for (const month of monthsBetween(from, to)) months.push({ month, sent: await deps.notifications.monthlyCountInTransaction(trx, month) });
        return { from, to, months, sent: months.reduce((s, m) => s + m.sent, 0) };
      });
    },
    /** Plan (paket) names by id, for exports that show a name rather than an id: the plans module's read model `plans_catalog`. */
    planNames: (tenantId: TenantId) =>
      db.tenant(tenantId, async (trx) => new Map((await trx.selectFrom('plans_catalog').select(['plan_id', 'name']).execute()).map((p) => [p.plan_id, p.name]))),
  };
}
