import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { requirePermission } from '../identity/index.ts';
import type { MapsService } from './maps.service.ts';

const tags = ['maps'];
const Latitude = z.number().min(-90, 'outside the world (−90…90)').max(90, 'outside the world (−90…90)');
const Longitude = z.number().min(-180, 'outside the world (−180…180)').max(180, 'outside the world (−180…180)');
const Code = z.string().trim().min(1).max(40);
const Name = z.string().trim().min(1).max(120);
const IdParams = z.object({ id: z.uuid() });

const OdcSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), latitude: z.number(), longitude: z.number(), capacity: z.number().int(), feeder: z.string().nullable(), odpCount: z.number().int() });
const OdcInput = z.object({ code: Code, name: Name, latitude: Latitude, longitude: Longitude, capacity: z.number().int().min(1).max(1024), feeder: z.string().trim().max(120).nullable().optional() }).strict();
const OdpSchema = z.object({
  id: z.string(),
  odcId: z.string(),
  code: z.string(),
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  splitterRatio: z.string(),
  portCount: z.number().int(),
  usedPorts: z.number().int(),
});
const SplitterRatio = z.enum(['1:2', '1:4', '1:8', '1:16', '1:32', '1:64']);
const OdpInput = z.object({ odcId: z.uuid(), code: Code, name: Name, latitude: Latitude, longitude: Longitude, splitterRatio: SplitterRatio.optional(), portCount: z.number().int().min(1).max(256) }).strict();
const PortSchema = z.object({ customerId: z.string(), odpId: z.string(), port: z.number().int() });
const ElementKind = z.enum(['odc', 'odp', 'client']);
const OutageSchema = z.object({
  id: z.string(),
  elementKind: ElementKind,
  elementId: z.string(),
  elementName: z.string(),
  cause: z.string(),
  startedAt: z.coerce.date(),
  expectedEndAt: z.coerce.date().nullable(),
  clearedAt: z.coerce.date().nullable(),
  clearNote: z.string().nullable(),
  setBy: z.string().nullable(),
  clearedBy: z.string().nullable(),
  affectedOdps: z.number().int(),
  affectedCustomers: z.number().int(),
  technicianRequested: z.boolean(),
});
const HistorySchema = z.object({
  id: z.string(),
  outageId: z.string(),
  action: z.enum(['set', 'cleared']),
  actorUserId: z.string().nullable(),
  affectedOdps: z.number().int(),
  affectedCustomers: z.number().int(),
  restoredCustomers: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.coerce.date(),
});
const FieldProblem = z.object({ field: z.string(), problem: z.string() });
const ImportBody = z.object({ kind: z.enum(['odc', 'odp']), csv: z.string().min(1).max(2_000_000) }).strict();
const ImportPreviewSchema = z.object({
  kind: z.enum(['odc', 'odp']),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  rows: z.array(
    z.object({ line: z.number().int(), code: z.string(), name: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable(), parent: z.string(), ports: z.number().int().nullable(), errors: z.array(FieldProblem) }),
  ),
});
const Letter = z.enum(['n', 'u', 'a', 'i', 'o']);
const MapDataSchema = z.object({
  tiles: z.object({ url: z.string().nullable(), attribution: z.string(), source: z.enum(['tenant', 'deployment', 'none']) }),
  odcs: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), lat: z.number(), lng: z.number(), capacity: z.number().int(), state: Letter })),
  odps: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), lat: z.number(), lng: z.number(), odc: z.number().int(), ports: z.number().int(), used: z.number().int(), state: Letter })),
  cables: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['feeder', 'distribution', 'drop']), points: z.array(z.tuple([z.number(), z.number()])), lengthM: z.number().int(), state: Letter })),
  customers: z.object({ ids: z.array(z.string()), codes: z.array(z.string()), lat: z.array(z.number().nullable()), lng: z.array(z.number().nullable()), odp: z.array(z.number().int()), states: z.string() }),
  counts: z.object({ normal: z.number().int(), under_outage: z.number().int(), affected: z.number().int(), isolated: z.number().int(), offline: z.number().int() }),
  truncated: z.boolean(),
  customersInView: z.number().int(),
});
const BlastRadiusSchema = z.object({
  element: z.object({ kind: ElementKind, id: z.string(), name: z.string() }),
  odps: z.number().int(),
  customers: z.number().int(),
  underOutage: z.number().int(),
  isolated: z.number().int(),
  offline: z.number().int(),
  odpIds: z.array(z.string()),
  customerIds: z.array(z.string()),
});
const SettingsSchema = z.object({
  technicianThreshold: z.number().int().min(1).max(100_000),
  signalOfflineCount: z.number().int().min(2).max(256),
  signalWindowMinutes: z.number().int().min(1).max(240),
  tileUrl: z
    .string()
    .max(500)
    .regex(/^https:\/\/\S+$/, 'an https:// URL')
    .refine((u) => u.includes('{z}') && u.includes('{x}') && u.includes('{y}'), 'must contain {z}, {x} and {y}')
    .nullable(),
  tileAttribution: z.string().max(300).nullable(),
});
const SuggestionSchema = z.object({
  id: z.string(),
  odpId: z.string(),
  offlineCustomers: z.number().int(),
  windowMinutes: z.number().int(),
  status: z.enum(['open', 'accepted', 'dismissed']),
  outageId: z.string().nullable(),
  createdAt: z.coerce.date(),
  resolvedAt: z.coerce.date().nullable(),
});
const Ok = z.object({ ok: z.literal(true) });
const number = /-?\d{1,3}(?:\.\d{1,10})?/.source;
/** `west,south,east,north` in degrees (Leaflet's `toBBoxString()`), west ≤ east and south ≤ north. */
const Bbox = z
  .string()
  .regex(new RegExp(`^${number},${number},${number},${number}$`), 'west,south,east,north in degrees')
  .transform((v) => v.split(',').map(Number) as [number, number, number, number])
  .refine(([w, s, e, n]) => w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n, 'west ≤ east within −180…180, south ≤ north within −90…90')
  .describe('The view: west,south,east,north (degrees)');

export const mapsRoutes = (maps: MapsService) => async (app: HttpServer) => {
  // ---- topology ----
  app.get('/api/maps/odcs', { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'ODCs (cabinets) with their ODP counts, by code', querystring: z.object(pageQuery(500, 5000)), response: { 200: z.array(OdcSchema) } } }, async (request) =>
    maps.listOdcs(requirePermission(request).tenantId, request.query),
  );
  app.post('/api/maps/odcs', { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Add an ODC', body: OdcInput, response: { 201: OdcSchema } } }, async (request, reply) =>
    reply.status(201).send(await maps.createOdc(requirePermission(request).tenantId, request.body)),
  );
  app.patch(
    '/api/maps/odcs/:id',
    { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Change an ODC (a drag on the map moves it)', params: IdParams, body: OdcInput.partial().strict(), response: { 200: OdcSchema } } },
    async (request) => maps.updateOdc(requirePermission(request).tenantId, request.params.id, request.body),
  );
  app.delete('/api/maps/odcs/:id', { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Delete an ODC without ODPs or history', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await maps.deleteOdc(requirePermission(request).tenantId, request.params.id);
    return { ok: true as const };
  });
  app.get(
    '/api/maps/odps',
    { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'ODPs with used ports, by code', querystring: z.object({ odcId: z.uuid().optional(), ...pageQuery(500, 5000) }), response: { 200: z.array(OdpSchema) } } },
    async (request) => maps.listOdps(requirePermission(request).tenantId, request.query),
  );
  app.post('/api/maps/odps', { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Add an ODP under an ODC', body: OdpInput, response: { 201: OdpSchema } } }, async (request, reply) =>
    reply.status(201).send(await maps.createOdp(requirePermission(request).tenantId, request.body)),
  );
  app.patch(
    '/api/maps/odps/:id',
    { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Change an ODP (a drag on the map moves it)', params: IdParams, body: OdpInput.partial().strict(), response: { 200: OdpSchema } } },
    async (request) => maps.updateOdp(requirePermission(request).tenantId, request.params.id, request.body),
  );
  app.delete('/api/maps/odps/:id', { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Delete an ODP without customers or history', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await maps.deleteOdp(requirePermission(request).tenantId, request.params.id);
    return { ok: true as const };
  });
  app.get(
    '/api/maps/odps/:id/ports',
    {
      schema: {
        'x-permission': 'maps.read',
        'x-feature': 'ftth_maps',
        tags,
        summary: 'The customers on the ODP’s ports',
        params: IdParams,
        response: { 200: z.array(z.object({ customerId: z.string(), port: z.number().int(), customerCode: z.string().nullable(), customerName: z.string().nullable() })) },
      },
    },
    async (request) => maps.listPortsOfOdp(requirePermission(request).tenantId, request.params.id),
  );
  const CustomerParams = z.object({ customerId: z.uuid() });
  app.get(
    '/api/maps/customers/:customerId/port',
    { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'The ODP port a customer is on (null: none)', params: CustomerParams, response: { 200: PortSchema.extend({ odpCode: z.string(), odcId: z.string() }).nullable() } } },
    async (request) => maps.customerPort(requirePermission(request).tenantId, request.params.customerId),
  );
  app.put(
    '/api/maps/customers/:customerId/port',
    {
      schema: {
        'x-permission': 'maps.manage',
        'x-feature': 'ftth_maps',
        tags,
        summary: 'Put a customer on an ODP port (one customer per port)',
        params: CustomerParams,
        body: z.object({ odpId: z.uuid(), port: z.number().int().min(1).max(256) }).strict(),
        response: { 200: PortSchema },
      },
    },
    async (request) => maps.linkCustomer(requirePermission(request).tenantId, { customerId: request.params.customerId, ...request.body }),
  );
  app.delete('/api/maps/customers/:customerId/port', { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Take a customer off their port', params: CustomerParams, response: { 200: Ok } } }, async (request) => {
    await maps.unlinkCustomer(requirePermission(request).tenantId, request.params.customerId);
    return { ok: true as const };
  });
  app.post(
    '/api/maps/import/preview',
    { bodyLimit: 2_500_000, schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Check a CSV of ODCs or ODPs (code,name,lat,lng,parent,ports): every row with its errors', body: ImportBody, response: { 200: ImportPreviewSchema } } },
    async (request) => maps.previewImport(requirePermission(request).tenantId, request.body),
  );
  app.post(
    '/api/maps/import',
    {
      bodyLimit: 2_500_000,
      schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Import a CSV of ODCs or ODPs: all rows, or none when any has an error', body: ImportBody, response: { 201: z.object({ kind: z.enum(['odc', 'odp']), imported: z.number().int() }) } },
    },
    async (request, reply) => reply.status(201).send(await maps.commitImport(requirePermission(request).tenantId, request.body)),
  );

  const CableSchema = z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['feeder', 'distribution', 'drop']),
    points: z.array(z.tuple([z.number(), z.number()])),
    lengthM: z.number().int(),
    odcId: z.string().nullable(),
    odpId: z.string().nullable(),
  });
  app.get('/api/maps/cables', { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'Cable routes (lines on the map) with their length, by name', querystring: z.object(pageQuery(500, 5000)), response: { 200: z.array(CableSchema) } } }, async (request) =>
    maps.listCables(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/maps/cables',
    {
      schema: {
        'x-permission': 'maps.manage',
        'x-feature': 'ftth_maps',
        tags,
        summary: 'Draw a cable route: points [lat, lng] along it, optionally from an ODC and to an ODP',
        body: z
          .object({
            name: Name,
            kind: z.enum(['feeder', 'distribution', 'drop']),
            points: z.array(z.tuple([Latitude, Longitude])).min(2, 'at least two points').max(500),
            odcId: z.uuid().nullable().optional(),
            odpId: z.uuid().nullable().optional(),
          })
          .strict(),
        response: { 201: CableSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await maps.createCable(requirePermission(request).tenantId, request.body)),
  );
  app.delete('/api/maps/cables/:id', { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Delete a cable route', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await maps.deleteCable(requirePermission(request).tenantId, request.params.id);
    return { ok: true as const };
  });

  // ---- outages ----
  app.get(
    '/api/maps/outages',
    {
      schema: {
        'x-permission': 'maps.read',
        'x-feature': 'ftth_maps',
        tags,
        summary: 'Outages, newest first: open, of one element, or that affected one customer',
        querystring: z.object({ status: z.enum(['open', 'cleared', 'all']).optional(), elementId: z.uuid().optional(), customerId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
        response: { 200: z.array(OutageSchema) },
      },
    },
    async (request) => maps.listOutages(requirePermission(request).tenantId, request.query),
  );
  app.get('/api/maps/outages/:id', { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'An outage with its history', params: IdParams, response: { 200: OutageSchema.extend({ history: z.array(HistorySchema) }) } } }, async (request) =>
    maps.getOutage(requirePermission(request).tenantId, request.params.id),
  );
  app.post(
    '/api/maps/outages',
    {
      schema: {
        'x-permission': 'maps.manage',
        'x-feature': 'ftth_maps',
        tags,
        summary: 'Set an outage on an ODC, ODP or client: propagated to everything under it',
        body: z
          .object({
            element: z.object({ kind: ElementKind, id: z.uuid() }).strict(),
            cause: z.string().trim().min(1).max(300),
            startedAt: z.iso.datetime({ offset: true }).optional(),
            expectedEndAt: z.iso.datetime({ offset: true }).nullable().optional(),
          })
          .strict(),
        response: { 201: OutageSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      const { startedAt, expectedEndAt, ...rest } = request.body;
      return reply.status(201).send(
        await maps.setOutage(actor.tenantId, {
          actorUserId: actor.userId,
          ...rest,
          startedAt: startedAt ? new Date(startedAt) : undefined,
          expectedEndAt: expectedEndAt ? new Date(expectedEndAt) : null,
        }),
      );
    },
  );
  app.post(
    '/api/maps/outages/:id/clear',
    {
      schema: {
        'x-permission': 'maps.manage',
        'x-feature': 'ftth_maps',
        tags,
        summary: 'Clear an outage (what another open outage covers stays affected)',
        params: IdParams,
        body: z.object({ note: z.string().trim().max(300).optional() }).strict(),
        response: { 200: OutageSchema.extend({ restoredCustomers: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      return maps.clearOutage(actor.tenantId, { actorUserId: actor.userId, outageId: request.params.id, note: request.body.note ?? null });
    },
  );

  // ---- the map ----
  app.get(
    '/api/maps/data',
    {
      schema: {
        'x-permission': 'maps.read',
        'x-feature': 'ftth_maps',
        tags,
        summary:
          'What the map draws in a view (bbox; none: the whole tenant): customers and cables in it, the ODCs and ODPs, legend states and counts, tile source. At most `limit` of each kind: more customers in the view answer none, `truncated` and `customersInView` (zoom in)',
        querystring: z.object({ bbox: Bbox.optional(), limit: pageQuery(20_000, 50_000).limit }),
        response: { 200: MapDataSchema },
      },
    },
    async (request) => maps.mapData(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/maps/blast-radius',
    { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'What an outage on this element affects: its ODPs and customers, with counts', querystring: z.object({ kind: ElementKind, id: z.uuid() }), response: { 200: BlastRadiusSchema } } },
    async (request) => maps.blastRadius(requirePermission(request).tenantId, request.query),
  );
  app.get('/api/maps/settings', { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'Map and outage settings of the tenant', response: { 200: SettingsSchema } } }, async (request) =>
    maps.getSettings(requirePermission(request).tenantId),
  );
  app.patch(
    '/api/maps/settings',
    { schema: { 'x-permission': 'maps.configure', 'x-feature': 'ftth_maps', tags, summary: 'Change the technician threshold, the signal rule or the tile source', body: SettingsSchema.partial().strict(), response: { 200: SettingsSchema } } },
    async (request) => maps.updateSettings(requirePermission(request).tenantId, request.body),
  );

  // ---- outage suggestions from RADIUS signals ----
  app.get(
    '/api/maps/suggestions',
    { schema: { 'x-permission': 'maps.read', 'x-feature': 'ftth_maps', tags, summary: 'Outage suggestions (many lines of one ODP offline together)', querystring: z.object({ status: z.enum(['open', 'all']).optional(), ...pageQuery(200, 500) }), response: { 200: z.array(SuggestionSchema) } } },
    async (request) => {
      const { status, ...page } = request.query;
      return maps.listSuggestions(requirePermission(request).tenantId, status ?? 'open', page);
    },
  );
  app.post(
    '/api/maps/suggestions/:id/accept',
    { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Accept a suggestion: sets the ODP outage', params: IdParams, body: z.object({ cause: z.string().trim().min(1).max(300).optional() }).strict(), response: { 200: SuggestionSchema } } },
    async (request) => {
      const actor = requirePermission(request);
      return maps.resolveSuggestion(actor.tenantId, { suggestionId: request.params.id, accept: true, actorUserId: actor.userId, cause: request.body.cause });
    },
  );
  app.post(
    '/api/maps/suggestions/:id/dismiss',
    { schema: { 'x-permission': 'maps.manage', 'x-feature': 'ftth_maps', tags, summary: 'Dismiss a suggestion', params: IdParams, response: { 200: SuggestionSchema } } },
    async (request) => {
      const actor = requirePermission(request);
      return maps.resolveSuggestion(actor.tenantId, { suggestionId: request.params.id, accept: false, actorUserId: actor.userId });
    },
  );
};
