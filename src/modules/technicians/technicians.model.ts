import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import type { StaffRole } from '../identity/index.ts';
import type { PhotoStorage } from './storage/photo-storage.ts';
import type { technicianEvents } from './technicians.events.ts';

/** The technicians module's vocabulary, shared by its use cases (use-cases/*.ts). */

export type TaskKind = 'installation' | 'repair' | 'outage_fix' | 'relocation' | 'dismantle' | 'survey';
export type TaskStatus = 'open' | 'assigned' | 'on_the_way' | 'working' | 'done' | 'cancelled';
export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TaskSource = 'staff' | 'complaint' | 'outage';
export type ElementKind = 'customer' | 'odp' | 'odc';
export type TaskTarget = { kind: ElementKind | 'outage'; id: string };
export type ChecklistItem = { label: string; done: boolean };

/** What the technicians module needs of the maps module (its index.ts service, in the caller's transaction). */
export type MapsForTechnicians = {
  clearOutageInTransaction(trx: Tx, options: { actorUserId: string | null; outageId: string; note?: string | null }): Promise<unknown>;
  locateInTransaction(trx: Tx, element: { kind: ElementKind | 'outage'; id: string }): Promise<{ name: string; latitude: number | null; longitude: number | null; open?: boolean }>;
};
/** What it needs of the network module: re-check lines against routers and RADIUS (level-triggered). */
export type NetworkForTechnicians = { markLinesPending(trx: Tx, customerIds: string[]): Promise<void> };
/** Staff names and roles (identity), inside the caller's transaction. */
export type StaffForTechnicians = {
  staffContactsInTransaction(trx: Tx, roles: readonly StaffRole[]): Promise<{ userId: string; name: string; phone: string | null }[]>;
};

/** The SaaS plan's photo storage (saas's LimitGuard), checked in the transaction that records a photo. */
export type PhotoStorageLimit = {
  assertWithinLimit(trx: Tx<any>, limit: 'photo_storage_mb', countUsed: (trx: Tx<any>) => Promise<number>, adding?: number): Promise<void>;
};

export type TechniciansDeps = {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  storage: PhotoStorage;
  maps: MapsForTechnicians;
  network: NetworkForTechnicians;
  staff: StaffForTechnicians;
  timeZoneInTransaction(trx: Tx): Promise<string>;
  publish: Publish<typeof technicianEvents>;
  /** The photo upload cap in bytes (default 15 MB). */
  maxPhotoBytes?: number;
  limits?: PhotoStorageLimit;
};
export type TechniciansContext = Omit<TechniciansDeps, 'db'>;

/** Who is acting: their id and roles in this tenant. */
export type FieldActor = { userId: string; roles: readonly StaffRole[] };
export const mayManage = (actor: FieldActor) => actor.roles.some((r) => r === 'owner' || r === 'admin');

export type Task = {
  id: string;
  number: number;
  kind: TaskKind;
  title: string;
  description: string | null;
  target: { kind: ElementKind | 'outage'; id: string; name: string; latitude: number | null; longitude: number | null };
  priority: TaskPriority;
  dueAt: Date | null;
  status: TaskStatus;
  source: TaskSource;
  createdBy: string | null;
  assignees: { userId: string; name: string }[];
  checklist: ChecklistItem[] | null;
  fixRequestedAt: Date | null;
  fixAppliedAt: Date | null;
  /** An outage-fix task after the clear: the affected lines re-checked, and how many came back online within 10 minutes. */
  lines: { rechecked: number; backOnline: number } | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};

export type TaskHistoryEntry = { from: TaskStatus | null; to: TaskStatus; actorUserId: string | null; actorName: string | null; note: string | null; at: Date };

export type Activity = {
  id: string;
  taskId: string | null;
  element: { kind: ElementKind; id: string; name: string } | null;
  technicianId: string;
  technicianName: string;
  note: string;
  statusChange: TaskStatus | null;
  createdAt: Date;
  photos: Photo[];
};

export type Photo = {
  id: string;
  taskId: string | null;
  activityId: string | null;
  contentType: string;
  sizeBytes: number;
  width: number;
  height: number;
  latitude: number | null;
  longitude: number | null;
  takenAt: Date | null;
  uploadedBy: string;
  createdAt: Date;
};

export type TechniciansSettings = { outageFixMode: 'clear' | 'propose'; retentionDays: number };

/** The tenant the transaction acts for (RLS's app.tenant_id), for the tenant_id of new rows. */
export const transactionTenantId = sql<string>`app_tenant_id()`;

/** How long a customer may take to come back online after the fix and still count. */
export const BACK_ONLINE_WINDOW_MS = 10 * 60 * 1000;
