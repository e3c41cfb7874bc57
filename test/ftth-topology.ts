import type { TestApp } from './harness.ts';

/** Calls the API as a logged-in person; answers status and JSON body. */
export const apiCaller = (app: TestApp, cookie: string) => async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
  const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
};

export type Topology = {
  planId: string;
  odcs: { id: string; code: string; odps: { id: string; code: string; customers: string[] }[] }[];
};

/**
 * An FTTH tree through the API as staff would build it: `odcs` ODCs (Yogyakarta area), each with
 * `odpsPerOdc` ODPs of 8 ports, each port holding one new customer (PPPoE, `slug` in names).
 */
export async function buildTopology(app: TestApp, cookie: string, slug: string, shape: { odcs: number; odpsPerOdc: number; customersPerOdp: number }): Promise<Topology> {
  const call = apiCaller(app, cookie);
  const plan = await call('POST', '/api/plans', { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' });
  if (plan.status !== 201) throw new Error(`plan: ${JSON.stringify(plan.body)}`);
  const topology: Topology = { planId: plan.body.id, odcs: [] };
  let n = 0;
  for (let c = 1; c <= shape.odcs; c++) {
    const odc = await call('POST', '/api/maps/odcs', { code: `ODC-${c}`, name: `Kabinet ${c}`, latitude: -7.78 - c * 0.01, longitude: 110.36 + c * 0.01, capacity: 16 });
    if (odc.status !== 201) throw new Error(`odc: ${JSON.stringify(odc.body)}`);
    const odcEntry = { id: odc.body.id as string, code: odc.body.code as string, odps: [] as Topology['odcs'][number]['odps'] };
    for (let p = 1; p <= shape.odpsPerOdc; p++) {
      const odp = await call('POST', '/api/maps/odps', { odcId: odc.body.id, code: `ODP-${c}-${p}`, name: `Tiang ${c}.${p}`, latitude: -7.78 - c * 0.01 - p * 0.001, longitude: 110.36 + c * 0.01, portCount: 8, splitterRatio: '1:8' });
      if (odp.status !== 201) throw new Error(`odp: ${JSON.stringify(odp.body)}`);
      const customers: string[] = [];
      for (let k = 1; k <= shape.customersPerOdp; k++) {
        n += 1;
        const customer = await call('POST', '/api/customers', {
          name: `Pelanggan ${c}.${p}.${k}`,
          phone: `0812${String(70000000 + n).padStart(8, '0')}`,
          planId: plan.body.id,
          connectionType: 'pppoe',
          pppoeUsername: `p${n}@${slug}`,
          activatedOn: '2026-10-01',
          // 40–160 m around the ODP, as drop cables run.
          latitude: -7.78 - c * 0.01 - p * 0.001 + 0.0006 * Math.cos(k * 1.3),
          longitude: 110.36 + c * 0.01 + 0.0009 * Math.sin(k * 1.3),
        });
        if (customer.status !== 201) throw new Error(`customer: ${JSON.stringify(customer.body)}`);
        const link = await call('PUT', `/api/maps/customers/${customer.body.id}/port`, { odpId: odp.body.id, port: k });
        if (link.status !== 200) throw new Error(`port: ${JSON.stringify(link.body)}`);
        customers.push(customer.body.id);
      }
      odcEntry.odps.push({ id: odp.body.id, code: odp.body.code, customers });
    }
    topology.odcs.push(odcEntry);
  }
  return topology;
}
