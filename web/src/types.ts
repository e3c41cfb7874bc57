/** Shapes of the API's responses the app reads (see /openapi.json). */

export type Role = 'owner' | 'admin' | 'finance' | 'collector' | 'technician';

export type Me = {
  user: { id: string; email: string; name: string; phone: string | null; isSuperAdmin: boolean };
  tenants: { id: string; name: string; slug: string; timeZone: string; roles: Role[] }[];
  activeTenantId: string | null;
  roles: Role[];
  permissions: string[];
};

export type Page<T> = { items: T[]; total: number };

export type Plan = {
  id: string;
  name: string;
  downloadKbps: number;
  uploadKbps: number;
  monthlyPrice: number;
  routerProfile: string;
  isActive: boolean;
};

export type Customer = {
  id: string;
  code: string;
  name: string;
  phone: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  planId: string;
  connectionType: 'pppoe' | 'static' | 'dhcp';
  pppoeUsername: string | null;
  ipAddress: string | null;
  routerId: string | null;
  status: 'active' | 'terminated';
  activatedOn: string;
};

/** List rows name their customer (null once the customer has left: the row stays). */
export type CustomerLabel = { customerName: string | null; customerCode: string | null };

export type LineState = 'active' | 'isolated';

export type Line = {
  customerId: string;
  desiredState: LineState;
  changedAt: string;
  reason: string;
  trigger: string | null;
  invoiceId: string | null;
  restoreEligible: boolean;
};

export type IsolationEntry = {
  id: string;
  customerId: string;
  action: 'isolated' | 'restored';
  actorType: 'system' | 'staff';
  actorUserId: string | null;
  reason: string;
  trigger: string | null;
  invoiceId: string | null;
  createdAt: string;
};

export const invoiceStatuses = ['unpaid', 'awaiting_setoran', 'setoran_confirmed', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export type Invoice = {
  id: string;
  number: string;
  customerId: string;
  period: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  description: string;
  status: InvoiceStatus;
  stage: 'issued' | 'due_unpaid' | 'overdue' | 'grace_expired';
  paidAt: string | null;
  voidReason: string | null;
};

export type PaymentEntry = {
  id: string;
  type: 'gateway' | 'manual' | 'collected_by_collector' | 'setoran_confirmed' | 'deposited' | 'voided';
  amount: number;
  actorUserId: string | null;
  reference: string | null;
  createdAt: string;
};

export type InvoiceDetail = Invoice & {
  history: PaymentEntry[];
  customerLine: { desiredState: LineState; restoreEligible: boolean };
};

export type PaymentHistoryEntry = PaymentEntry & CustomerLabel & { invoiceId: string; invoiceNumber: string; customerId: string };

export type Tenant = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  status: 'active' | 'suspended';
  staffCount: number;
  createdAt: string;
};

export type Router = {
  id: string;
  name: string;
  host: string;
  port: number | null;
  apiKind: 'routeros-api' | 'rest';
  useTls: boolean;
  username: string;
  isolationAddressList: string;
  isolationProfile: string;
  pppoeViaRadius: boolean;
  /** What RADIUS answers this router's isolated PPPoE customers. */
  radiusIsolation: RadiusIsolation;
  health: 'unknown' | 'ok' | 'failing';
  failingSince: string | null;
  lastError: string | null;
  lastCheckedAt: string | null;
  lines: { pending: number; inSync: number; failed: number };
};

export type RadiusIsolation = {
  addressList: boolean;
  framedPool: string | null;
  rateLimit: { downloadKbps: number; uploadKbps: number } | null;
};

/** A customer line as the router has it: desired vs applied state and the sync attempts. */
export type NetworkLine = {
  customerId: string;
  code: string;
  name: string;
  routerId: string;
  desiredState: LineState;
  appliedState: LineState | null;
  status: 'pending' | 'in_sync' | 'failed';
  attempts: number;
  lastAttemptAt: string | null;
  nextAttemptAt: string;
  lastError: string | null;
  inSyncAt: string | null;
};

/** One entry of a customer's RADIUS session log. */
export type RadiusActivity = {
  kind: 'session_started' | 'session_stopped' | 'auth_rejected';
  at: string;
  endedAt: string | null;
  nasIpAddress: string | null;
  framedIpAddress: string | null;
  uploadBytes: number | null;
  downloadBytes: number | null;
  terminateCause: string | null;
};
