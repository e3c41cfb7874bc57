/** The importers' vocabulary: every source becomes these drafts, then one plan against the tenant's data. */
export const importSources = ['routeros', 'mikhmon', 'phpnuxbill', 'csv', 'xlsx'] as const;
export type ImportSource = (typeof importSources)[number];
export type ImportMode = 'skip' | 'update';
/** A customer whose router (named in the file) is not one of the tenant's: a row error, or imported without a router. */
export type UnmatchedRouters = 'error' | 'none';

export type PaketDraft = { line: number; key: string; name: string; downloadKbps: number | null; uploadKbps: number | null; monthlyPrice: number | null };
export type CustomerDraft = {
  line: number;
  name: string | null;
  phone: string | null;
  address: string;
  paketKey: string | null;
  pppoeUsername: string | null;
  pppoePassword: string | null;
  ipAddress: string | null;
  activatedOn: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The router the source names (PHPNuxBill), matched to the tenant's routers by name. */
  routerName: string | null;
};
export type RowProblem = { line: number; field: string; problem: string; message: string };
export type ImportDraft = { pakets: PaketDraft[]; customers: CustomerDraft[]; errors: RowProblem[]; warnings: RowProblem[] };

export type PlannedPaket = PaketDraft & { action: 'create' | 'existing' | 'update'; planId: string | null };
export type PlannedCustomer = CustomerDraft & { action: 'create' | 'skip' | 'update' | 'invalid'; customerId: string | null; routerId: string | null };
/** A router name of the file and the tenant's router of that name (null: none). */
export type RouterMatch = { name: string; routerId: string | null; customers: number };
export type ImportPlan = {
  source: ImportSource;
  mode: ImportMode;
  pakets: PlannedPaket[];
  customers: PlannedCustomer[];
  routers: RouterMatch[];
  errors: RowProblem[];
  warnings: RowProblem[];
  counts: { paketsToCreate: number; paketsToUpdate: number; customersToCreate: number; customersToUpdate: number; customersToSkip: number; invalidRows: number };
};

export const importJobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];
/** A confirmed import: its rows are imported by a worker in chunks, each committed with the counts. */
export type ImportJob = {
  id: string;
  source: ImportSource;
  mode: ImportMode;
  status: ImportJobStatus;
  total: number;
  done: number;
  failed: number;
  paketsCreated: number;
  customersCreated: number;
  customersUpdated: number;
  customersSkipped: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};
