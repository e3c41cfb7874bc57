import { isIsoDate, localDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { normalizeIndonesianPhone } from '../../../platform/phone.ts';
import type { CustomersService } from '../../customers/index.ts';
import type { PlansService } from '../../plans/index.ts';
import type { TenantsService } from '../../tenants/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { ImportDraft, ImportMode, ImportPlan, ImportSource, PlannedCustomer, PlannedPaket, RouterMatch, RowProblem, UnmatchedRouters } from '../imports.model.ts';

export type ImportContext = { clock: Clock; tenants: TenantsService; plans: PlansService; customers: CustomersService };
export type PlanImportOptions = {
  source: ImportSource;
  mode: ImportMode;
  draft: ImportDraft;
  /** The tenant's routers (id by name), for sources that name a customer's router. */
  routers: { id: string; name: string }[];
  unmatchedRouters: UnmatchedRouters;
};

const problem = (line: number, field: string, code: string, message: string): RowProblem => ({ line, field, problem: code, message });

/**
 * The preview: what an import would do against the tenant's data now — pakets matched by router
 * profile, customers by PPPoE username, routers by name (case and spaces aside); every row's
 * problems. Reads only, so a cancelled preview changes nothing.
 */
export async function planImport(ctx: ImportContext, trx: Tx, { source, mode, draft, routers, unmatchedRouters }: PlanImportOptions): Promise<ImportPlan> {
  const errors = [...draft.errors];
  const today = localDate(ctx.clock.now(), await ctx.tenants.timeZoneInTransaction(trx));
  const tenantPlans = await ctx.plans.listInTransaction(trx);
  const existingPlans = new Map(tenantPlans.map((p) => [p.routerProfile, p]));
  const plansByName = new Map(tenantPlans.map((p) => [p.name, p]));
  const pakets: PlannedPaket[] = draft.pakets.map((p) => {
    const existing = existingPlans.get(p.key);
    if (existing) return { ...p, action: 'existing', planId: existing.id };
    if (p.monthlyPrice === null) errors.push(problem(p.line, 'price', 'price_required', `Paket "${p.name}" is new: give its monthly price.`));
    if (p.downloadKbps === null || p.uploadKbps === null) errors.push(problem(p.line, 'speed', 'speed_required', `Paket "${p.name}" is new: give its download and upload speeds.`));
    return { ...p, action: 'create', planId: null };
  });
  // A row may name a paket Simpul already has (by router profile or name) without the file defining it.
  for (const key of new Set(draft.customers.flatMap((c) => (c.paketKey ? [c.paketKey] : [])))) {
    if (pakets.some((p) => p.key === key)) continue;
    const known = existingPlans.get(key) ?? plansByName.get(key);
    if (known) pakets.push({ line: 0, key, name: known.name, downloadKbps: known.downloadKbps, uploadKbps: known.uploadKbps, monthlyPrice: known.monthlyPrice, action: 'existing', planId: known.id });
  }
  const paketKeys = new Set(pakets.map((p) => p.key));
  const usernames = draft.customers.flatMap((c) => (c.pppoeUsername ? [c.pppoeUsername] : []));
  const existing = await ctx.customers.idsByPppoeUsernameInTransaction(trx, usernames);
  const routerKey = (name: string) => name.trim().toLowerCase();
  const routerIds = new Map(routers.map((r) => [routerKey(r.name), r.id]));
  const routerMatches = new Map<string, RouterMatch>();
  const seen = new Set<string>();
  const customers: PlannedCustomer[] = draft.customers.map((c) => {
    const rowErrors: RowProblem[] = [];
    if (!c.name) rowErrors.push(problem(c.line, 'name', 'required', 'A customer needs a name.'));
    const phone = c.phone ? normalizeIndonesianPhone(c.phone) : null;
    if (!c.phone) rowErrors.push(problem(c.line, 'phone', 'required', 'A customer needs a phone number (WhatsApp).'));
    else if (!phone) rowErrors.push(problem(c.line, 'phone', 'invalid', `"${c.phone}" is not an Indonesian phone number.`));
    if (!c.paketKey) rowErrors.push(problem(c.line, 'paket', 'required', 'No paket for this customer.'));
    else if (!paketKeys.has(c.paketKey)) rowErrors.push(problem(c.line, 'paket', 'not_found', `Paket "${c.paketKey}" is neither in the file nor in Simpul.`));
    if (!c.pppoeUsername && !c.ipAddress) rowErrors.push(problem(c.line, 'pppoe_username', 'required', 'A PPPoE username or a static IP address is needed.'));
    if (c.activatedOn && !isIsoDate(c.activatedOn)) rowErrors.push(problem(c.line, 'activated_on', 'invalid', `"${c.activatedOn}" is not a date (YYYY-MM-DD).`));
    const key = c.pppoeUsername ?? c.ipAddress ?? '';
    if (seen.has(key)) rowErrors.push(problem(c.line, 'pppoe_username', 'duplicate', `${key} appears twice in the file.`));
    seen.add(key);
    const routerId = c.routerName ? (routerIds.get(routerKey(c.routerName)) ?? null) : null;
    if (c.routerName) {
      const match = routerMatches.get(c.routerName) ?? { name: c.routerName, routerId, customers: 0 };
      routerMatches.set(c.routerName, { ...match, customers: match.customers + 1 });
      if (!routerId && unmatchedRouters === 'error') rowErrors.push(problem(c.line, 'router', 'router_not_found', `Router "${c.routerName}" is not one of this ISP's routers in Simpul.`));
    }
    errors.push(...rowErrors);
    const customerId = c.pppoeUsername ? (existing.get(c.pppoeUsername) ?? null) : null;
    const action = rowErrors.length ? 'invalid' : customerId ? (mode === 'update' ? 'update' : 'skip') : 'create';
    return { ...c, phone: phone ?? c.phone, activatedOn: c.activatedOn ?? today, action, customerId, routerId };
  });
  const count = (a: string) => customers.filter((c) => c.action === a).length;
  return {
    source,
    mode,
    pakets,
    customers,
    routers: [...routerMatches.values()],
    errors: errors.sort((a, b) => a.line - b.line),
    warnings: draft.warnings,
    counts: {
      paketsToCreate: pakets.filter((p) => p.action === 'create').length,
      paketsToUpdate: 0,
      customersToCreate: count('create'),
      customersToUpdate: count('update'),
      customersToSkip: count('skip'),
      invalidRows: count('invalid'),
    },
  };
}
