import { sql } from 'kysely';
import type { TenantId, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { MapsDeps, MapsSettings, OdcInput, OdpInput, CustomerPort, ElementKind } from './maps.model.ts';
import { createCable, deleteCable, listCables, type CableInput } from './use-cases/cables.ts';
import { commitImport, previewImport, type ImportOptions } from './use-cases/import-csv.ts';
import { blastRadius, mapData, type MapDataOptions } from './use-cases/map-data.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { clearOutage, getOutage, listOutages, outageHistory, setOutage, type ClearOutageOptions, type ListOutagesOptions, type SetOutageOptions } from './use-cases/outages.ts';
import { settingsInTransaction, updateSettings } from './use-cases/settings.ts';
import { openOutageForCustomerInTransaction } from './use-cases/customer-outage.ts';
import { listSuggestions, recordLineSignal, resolveSuggestion, type LineSignalOptions } from './use-cases/signals.ts';
import {
  createOdc,
  createOdp,
  customerPort,
  deleteOdc,
  deleteOdp,
  getOdc,
  getOdp,
  linkCustomer,
  listOdcs,
  listOdps,
  listPortsOfOdp,
  unlinkCustomer,
  updateOdc,
  updateOdp,
} from './use-cases/topology.ts';

export type MapsService = ReturnType<typeof createMapsService>;

/** An element's name and position (an outage: its element's), or NOT_FOUND. */
async function locateElement(trx: Tx, element: { kind: 'odc' | 'odp' | 'customer' | 'outage'; id: string }): Promise<{ name: string; latitude: number | null; longitude: number | null }> {
  if (element.kind === 'odc') return getOdc(trx, element.id).then((d) => ({ name: `${d.code} ${d.name}`, latitude: d.latitude, longitude: d.longitude }));
  if (element.kind === 'odp') return getOdp(trx, element.id).then((p) => ({ name: `${p.code} ${p.name}`, latitude: p.latitude, longitude: p.longitude }));
  if (element.kind === 'outage') {
    const outage = await getOutage(trx, element.id);
    const at = await locateElement(trx, { kind: outage.elementKind === 'client' ? 'customer' : outage.elementKind, id: outage.elementId });
    return { ...at, name: outage.elementName };
  }
  const { rows } = await sql<{ name: string; latitude: number | null; longitude: number | null }>`
    select name, latitude, longitude from maps_customer_points where customer_id = ${element.id}`.execute(trx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'No such customer.');
  return rows[0];
}

/**
 * The maps module's service (FTTH topology, outages, the map): each use case lives in
 * use-cases/<name>.ts and runs in the caller's transaction; this factory opens a tenant
 * transaction for the calls that start one.
 */
export function createMapsService(deps: MapsDeps) {
  const { db, ...ctx } = deps;
  const inTenant = <T>(tenantId: TenantId, fn: (trx: Tx) => Promise<T>) => db.tenant(tenantId, fn);

  return {
    // topology
    listOdcs: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => listOdcs(trx, page)),
    getOdc: (tenantId: TenantId, id: string) => inTenant(tenantId, (trx) => getOdc(trx, id)),
    createOdc: (tenantId: TenantId, input: OdcInput) => inTenant(tenantId, (trx) => createOdc(ctx, trx, input)),
    updateOdc: (tenantId: TenantId, id: string, change: Partial<OdcInput>) => inTenant(tenantId, (trx) => updateOdc(trx, id, change)),
    deleteOdc: (tenantId: TenantId, id: string) => inTenant(tenantId, (trx) => deleteOdc(trx, id)),
    listOdps: (tenantId: TenantId, filter: { odcId?: string } & Page) => inTenant(tenantId, (trx) => listOdps(trx, filter)),
    getOdp: (tenantId: TenantId, id: string) => inTenant(tenantId, (trx) => getOdp(trx, id)),
    listPortsOfOdp: (tenantId: TenantId, id: string) => inTenant(tenantId, async (trx) => (await getOdp(trx, id), listPortsOfOdp(trx, id))),
    createOdp: (tenantId: TenantId, input: OdpInput) => inTenant(tenantId, (trx) => createOdp(ctx, trx, input)),
    updateOdp: (tenantId: TenantId, id: string, change: Partial<OdpInput>) => inTenant(tenantId, (trx) => updateOdp(trx, id, change)),
    deleteOdp: (tenantId: TenantId, id: string) => inTenant(tenantId, (trx) => deleteOdp(trx, id)),
    linkCustomer: (tenantId: TenantId, link: CustomerPort) => inTenant(tenantId, (trx) => linkCustomer(ctx, trx, link)),
    unlinkCustomer: (tenantId: TenantId, customerId: string) => inTenant(tenantId, (trx) => unlinkCustomer(trx, customerId)),
    customerPort: (tenantId: TenantId, customerId: string) => inTenant(tenantId, (trx) => customerPort(trx, customerId)),
    listCables: (tenantId: TenantId, page: Page) => inTenant(tenantId, (trx) => listCables(trx, page)),
    createCable: (tenantId: TenantId, input: CableInput) => inTenant(tenantId, (trx) => createCable(ctx, trx, input)),
    deleteCable: (tenantId: TenantId, id: string) => inTenant(tenantId, (trx) => deleteCable(trx, id)),
    previewImport: (tenantId: TenantId, options: ImportOptions) => inTenant(tenantId, (trx) => previewImport(trx, options)),
    commitImport: (tenantId: TenantId, options: ImportOptions) => inTenant(tenantId, (trx) => commitImport(ctx, trx, options)),
    // outages
    setOutage: (tenantId: TenantId, options: SetOutageOptions) => inTenant(tenantId, (trx) => setOutage(ctx, trx, options)),
    clearOutage: (tenantId: TenantId, options: ClearOutageOptions) => inTenant(tenantId, (trx) => clearOutage(ctx, trx, options)),
    getOutage: (tenantId: TenantId, id: string) => inTenant(tenantId, async (trx) => ({ ...(await getOutage(trx, id)), history: await outageHistory(trx, id) })),
    listOutages: (tenantId: TenantId, filter: ListOutagesOptions) => inTenant(tenantId, (trx) => listOutages(trx, filter)),
    // the map
    mapData: (tenantId: TenantId, options: MapDataOptions) => inTenant(tenantId, (trx) => mapData(ctx, trx, options)),
    blastRadius: (tenantId: TenantId, element: { kind: ElementKind; id: string }) => inTenant(tenantId, (trx) => blastRadius(trx, element)),
    getSettings: (tenantId: TenantId) => inTenant(tenantId, settingsInTransaction),
    updateSettings: (tenantId: TenantId, change: Partial<MapsSettings>) => inTenant(tenantId, (trx) => updateSettings(ctx, trx, change)),
    // signals from the network
    recordLineSignal: (trx: Tx, options: LineSignalOptions) => recordLineSignal(ctx, trx, options),
    listSuggestions: (tenantId: TenantId, status: 'open' | 'all', page: Page) => inTenant(tenantId, (trx) => listSuggestions(trx, status, page)),
    resolveSuggestion: (tenantId: TenantId, options: { suggestionId: string; accept: boolean; actorUserId: string; cause?: string }) =>
      inTenant(tenantId, (trx) => resolveSuggestion(ctx, trx, options)),
    // for the technicians module, in its transaction: an outage fix clears the outage; a task's place on the map
    clearOutageInTransaction: (trx: Tx, options: ClearOutageOptions) => clearOutage(ctx, trx, options),
    /** The customer portal's outage notice. */
    openOutageForCustomerInTransaction,
    locateInTransaction: (trx: Tx, element: { kind: 'odc' | 'odp' | 'customer' | 'outage'; id: string }) => locateElement(trx, element),
  };
}
