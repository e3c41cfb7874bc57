/** The importers' vocabulary: every source becomes these drafts, then one plan against the tenant's data. */
export const importSources = ['routeros', 'phpnuxbill', 'csv', 'xlsx'] as const;
export type ImportSource = (typeof importSources)[number];
export type ImportMode = 'skip' | 'update';

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
};
export type RowProblem = { line: number; field: string; problem: string; message: string };
export type ImportDraft = { pakets: PaketDraft[]; customers: CustomerDraft[]; errors: RowProblem[]; warnings: RowProblem[] };

export type PlannedPaket = PaketDraft & { action: 'create' | 'existing' | 'update'; planId: string | null };
export type PlannedCustomer = CustomerDraft & { action: 'create' | 'skip' | 'update' | 'invalid'; customerId: string | null };
export type ImportPlan = {
  source: ImportSource;
  mode: ImportMode;
  pakets: PlannedPaket[];
  customers: PlannedCustomer[];
  errors: RowProblem[];
  warnings: RowProblem[];
  counts: { paketsToCreate: number; paketsToUpdate: number; customersToCreate: number; customersToUpdate: number; customersToSkip: number; invalidRows: number };
};
