import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { CustomersService } from '../customers/index.ts';
import type { NetworkService } from '../network/index.ts';
import type { PlansService } from '../plans/index.ts';
import type { TenantDirectory } from '../tenants/index.ts';
import { Menu } from '../../simulators/routeros/router-model.ts';
import { RouterStandIn } from '../../simulators/routeros/router-stand-in.ts';
import { demoPlans } from './demo-data.ts';

export const demoRouterName = 'MikroTik Demo (stand-in)';
const demoRouterLogin = { username: 'simpul', password: 'demo-router-2026' };

/**
 * The embedded demo's router: a RouterOS stand-in (not a real MikroTik) in this process, so
 * `npm start` shows isolation reaching a router. It starts empty each time, as a router that
 * was replaced; the converge worker then writes every line's state to it again.
 */
export async function startDemoRouter(deps: {
  db: Database;
  tenantDirectory: Pick<TenantDirectory, 'findIdBySlug'>;
  network: NetworkService;
  plans: PlansService;
  customers: CustomersService;
}) {
  const tenantId = await deps.tenantDirectory.findIdBySlug('jaring-sleman');
  if (!tenantId) return null; // not the demo's database
  const router = await RouterStandIn.start({ ...demoRouterLogin, identity: 'Jaring-Sleman-Core' });
  for (const plan of demoPlans) router.model.add(Menu.pppProfile, { name: plan.routerProfile });
  router.model.add(Menu.pppProfile, { name: 'isolir' });

  const { rows } = await sql<{ id: string }>`
    select id from network_routers where tenant_id = ${tenantId} and name = ${demoRouterName}`.execute(deps.db.owner);
  let routerId = rows[0]?.id;
  if (routerId) {
    // A moved router needs its password again (it is only ever sent where it was entered).
    await deps.network.updateRouter(tenantId, routerId, { host: router.host, port: router.apiPort, password: demoRouterLogin.password });
  } else {
    routerId = (await deps.network.addRouter(tenantId, { name: demoRouterName, host: router.host, port: router.apiPort, apiKind: 'routeros-api', ...demoRouterLogin })).id;
  }
  // The PPP secrets a real router would hold for the demo's PPPoE customers, half of them online.
  const { items } = await deps.customers.list(tenantId, { limit: 500, offset: 0 });
  const plans = new Map((await deps.plans.list(tenantId)).map((p) => [p.id, p.routerProfile]));
  for (const [i, customer] of items.entries()) {
    if (!customer.routerId) await deps.customers.update(tenantId, customer.id, { routerId });
    if (customer.connectionType !== 'pppoe' || !customer.pppoeUsername) continue;
    router.model.add(Menu.pppSecret, { name: customer.pppoeUsername, password: 'demo', profile: plans.get(customer.planId) ?? 'default' });
    if (i % 2 === 0) router.model.dial(customer.pppoeUsername, `10.88.0.${10 + i}`);
  }
  return router;
}
