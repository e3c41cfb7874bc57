import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { Publish, PublishMany } from '../../platform/events/outbox.ts';
import type { mapsEvents } from './maps.events.ts';

/** The maps module's vocabulary, shared by its use cases (use-cases/*.ts). */

export type MapsDeps = {
  db: Database;
  clock: Clock;
  publish: Publish<typeof mapsEvents>;
  publishMany: PublishMany<typeof mapsEvents>;
  /** The deployment's default tile source (MAP_TILE_URL / MAP_TILE_ATTRIBUTION); a tenant setting overrides it. */
  defaultTiles?: { url: string | null; attribution: string | null };
  /** The SaaS `odps` limit, checked in the creating transaction (the composition root hands it in). */
  limits?: OdpLimit;
};
export type OdpLimit = { assertWithinLimit(trx: Tx<any>, limit: 'odps', countUsed: (trx: Tx<any>) => Promise<number>, adding?: number): Promise<void> };
export type MapsContext = Omit<MapsDeps, 'db'>;

/** The tenant the transaction acts for (RLS's app.tenant_id), for the tenant_id of new rows. */
export const transactionTenantId = sql<string>`app_tenant_id()`;

export type Odc = {
  id: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  capacity: number;
  feeder: string | null;
  odpCount: number;
};
export type OdcInput = { code: string; name: string; latitude: number; longitude: number; capacity: number; feeder?: string | null };

export type Odp = {
  id: string;
  odcId: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  splitterRatio: string;
  portCount: number;
  usedPorts: number;
};
export type OdpInput = { odcId: string; code: string; name: string; latitude: number; longitude: number; splitterRatio?: string; portCount: number };

export type CustomerPort = { customerId: string; odpId: string; port: number };

export type ElementKind = 'odc' | 'odp' | 'client';
export const levelOf = { odc: 'ODC', odp: 'ODP', client: 'client' } as const;

export type Outage = {
  id: string;
  elementKind: ElementKind;
  elementId: string;
  elementName: string;
  cause: string;
  startedAt: Date;
  expectedEndAt: Date | null;
  clearedAt: Date | null;
  clearNote: string | null;
  setBy: string | null;
  clearedBy: string | null;
  affectedOdps: number;
  affectedCustomers: number;
  technicianRequested: boolean;
};

export type OutageHistoryEntry = {
  id: string;
  outageId: string;
  action: 'set' | 'cleared';
  actorUserId: string | null;
  affectedOdps: number;
  affectedCustomers: number;
  restoredCustomers: number | null;
  note: string | null;
  createdAt: Date;
};

export type MapsSettings = {
  technicianThreshold: number;
  signalOfflineCount: number;
  signalWindowMinutes: number;
  tileUrl: string | null;
  tileAttribution: string | null;
};
