/**
 * Row types of every table and view, generated from the migrated schema by `npm run gen:db`
 * (scripts/gen-db-types.ts). Do not edit: change a migration and run the command again.
 */
import type { ColumnType } from "kysely";

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface BillingGatewayAccounts {
  is_active: Generated<boolean>;
  provider: string;
  sealed_config: string;
  tenant_id: string;
  updated_at: Timestamp;
}

export interface BillingGatewayNotifications {
  detail: string | null;
  id: string;
  order_id: string | null;
  outcome: string;
  provider: string;
  raw_body: string;
  received_at: Timestamp;
  tenant_id: string | null;
}

export interface BillingInvoices {
  amount: Int8;
  created_at: Timestamp;
  customer_id: string;
  description: string;
  due_date: Timestamp;
  id: string;
  issue_date: Timestamp;
  number: string;
  paid_amount: Generated<Int8>;
  paid_at: Timestamp | null;
  period: Timestamp;
  stage: Generated<string>;
  status: Generated<string>;
  tenant_id: string;
  void_reason: string | null;
}

export interface BillingIsolationExclusions {
  day: Timestamp;
  reason: string;
  tenant_id: string;
}

export interface BillingPaymentHistory {
  actor_user_id: string | null;
  amount: Int8;
  created_at: Timestamp;
  customer_id: string;
  id: string;
  invoice_id: string;
  reference: string | null;
  tenant_id: string;
  type: string;
}

export interface BillingPaymentLinks {
  amount: Int8;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  invoice_id: string;
  order_id: string;
  provider: string;
  tenant_id: string;
  url: string;
}

export interface BillingPayments {
  amount: Int8;
  id: string;
  invoice_id: string;
  method: string;
  note: string | null;
  provider: string | null;
  provider_ref: string | null;
  received_at: Timestamp;
  recorded_by: string | null;
  tenant_id: string;
}

export interface BillingPolicies {
  auto_isolate: Generated<boolean>;
  auto_restore: Generated<boolean>;
  billing_day: Generated<number>;
  due_days: Generated<number>;
  grace_days: Generated<number>;
  isolation_trigger: Generated<string>;
  notify_isolated: Generated<boolean>;
  notify_reconnected: Generated<boolean>;
  notify_unpaid: Generated<boolean>;
  partial_payments: Generated<boolean>;
  partial_restores: Generated<boolean>;
  receipt_address: Generated<string>;
  receipt_whatsapp: Generated<boolean>;
  tenant_id: string;
  updated_at: Timestamp;
}

export interface BillingReceipts {
  amount: Int8;
  customer_id: string;
  id: string;
  invoice_id: string;
  issued_at: Timestamp;
  method: string;
  number: string;
  payment_id: string;
  staff_user_id: string | null;
  tenant_id: string;
}

export interface Customers {
  activated_on: Timestamp;
  address: Generated<string>;
  code: string;
  connection_type: string;
  created_at: Timestamp;
  id: string;
  ip_address: string | null;
  latitude: number | null;
  longitude: number | null;
  name: string;
  phone: string;
  plan_id: string;
  pppoe_username: string | null;
  router_id: string | null;
  status: Generated<string>;
  tenant_id: string;
}

export interface CustomersBillable {
  activated_on: Timestamp | null;
  code: string | null;
  customer_id: string | null;
  monthly_price: Int8 | null;
  name: string | null;
  phone: string | null;
  plan_id: string | null;
  plan_name: string | null;
  tenant_id: string | null;
}

export interface CustomersLines {
  code: string | null;
  connection_type: string | null;
  customer_id: string | null;
  ip_address: string | null;
  name: string | null;
  plan_id: string | null;
  pppoe_password: string | null;
  pppoe_username: string | null;
  router_id: string | null;
  tenant_id: string | null;
}

export interface CustomersPrivate {
  customer_id: string;
  id_card_number: string | null;
  notes: string | null;
  pppoe_password: string | null;
  tenant_id: string;
}

export interface EventFailures {
  attempts: number;
  error_kind: string;
  event_id: string;
  event_type: string;
  first_failed_at: Timestamp;
  handler_id: string;
  last_error: string;
  last_failed_at: Timestamp;
  status: string;
  tenant_id: string;
}

export interface EventInbox {
  event_id: string;
  handler_id: string;
  processed_at: Generated<Timestamp>;
  tenant_id: string;
}

export interface EventOutbox {
  causation_id: string | null;
  correlation_id: string;
  data: Json;
  id: string;
  key: string | null;
  occurred_at: Timestamp;
  relayed_at: Timestamp | null;
  seq: Generated<Int8>;
  tenant_id: string;
  topic: string;
  type: string;
  version: number;
}

export interface HttpIdempotencyKeys {
  created_at: Timestamp;
  expires_at: Timestamp;
  key: string;
  request_hash: string;
  response_body: string;
  route: string;
  status: number;
  tenant_id: string;
  user_id: string;
}

export interface IdentityApiTokens {
  created_at: Timestamp;
  created_by: string;
  id: string;
  last_used_at: Timestamp | null;
  name: string;
  revoked_at: Timestamp | null;
  roles: string[];
  tenant_id: string;
  token_hash: string;
}

export interface IdentityAuditLog {
  action: string;
  actor_user_id: string | null;
  created_at: Timestamp;
  details: Generated<Json>;
  id: string;
  ip: string | null;
  subject: string | null;
  tenant_id: string | null;
}

export interface IdentityInvitations {
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  created_at: Timestamp;
  email: string;
  expires_at: Timestamp;
  id: string;
  invited_by: string;
  name: string;
  phone: string | null;
  revoked_at: Timestamp | null;
  roles: string[];
  tenant_id: string;
  token_hash: string;
}

export interface IdentityMemberships {
  created_at: Generated<Timestamp>;
  id: string;
  roles: string[];
  status: Generated<string>;
  tenant_id: string;
  user_id: string;
}

export interface IdentitySessions {
  active_tenant_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  id: string;
  ip: string | null;
  last_seen_at: Timestamp;
  token_hash: string;
  user_agent: string | null;
  user_id: string;
}

export interface IdentityStaffCounts {
  staff_count: number | null;
  tenant_id: string | null;
}

export interface IdentityUsers {
  created_at: Generated<Timestamp>;
  email: string;
  id: string;
  is_super_admin: Generated<boolean>;
  name: string;
  password_changed_at: Generated<Timestamp>;
  password_hash: string;
  phone: string | null;
  status: Generated<string>;
}

export interface IsolationDesiredStates {
  customer_id: string | null;
  desired_state: string | null;
  tenant_id: string | null;
}

export interface IsolationHistory {
  action: string;
  actor_type: string;
  actor_user_id: string | null;
  created_at: Timestamp;
  customer_id: string;
  id: string;
  invoice_id: string | null;
  reason: string;
  seq: Generated<Int8>;
  tenant_id: string;
  trigger: string | null;
}

export interface IsolationLines {
  changed_at: Timestamp;
  customer_id: string;
  desired_state: string;
  invoice_id: string | null;
  reason: string;
  restore_eligible: Generated<boolean>;
  tenant_id: string;
  trigger: string | null;
}

export interface JobRuns {
  attempts: Generated<number>;
  created_at: Timestamp;
  error: string | null;
  finished_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  id: string;
  job_name: string;
  progress_done: Generated<number>;
  progress_message: string | null;
  progress_total: number | null;
  slot: Timestamp;
  started_at: Timestamp | null;
  status: Generated<string>;
  tenant_id: string;
  trigger: string;
}

export interface Nas {
  coa_port: Generated<number>;
  community: string | null;
  description: string | null;
  id: Generated<number>;
  nasname: string;
  ports: number | null;
  router_id: string | null;
  secret: string;
  server: string | null;
  shortname: string;
  tenant_id: string;
  type: Generated<string>;
}

export interface Nasreload {
  nasipaddress: string;
  reloadtime: Timestamp;
}

export interface NetworkDesiredLines {
  code: string | null;
  connection_type: string | null;
  customer_id: string | null;
  desired_state: string | null;
  download_kbps: number | null;
  ip_address: string | null;
  name: string | null;
  plan_id: string | null;
  pppoe_username: string | null;
  router_id: string | null;
  router_profile: string | null;
  tenant_id: string | null;
  upload_kbps: number | null;
}

export interface NetworkLineSync {
  applied_profile: string | null;
  applied_rate: string | null;
  applied_state: string | null;
  attempts: Generated<number>;
  customer_id: string;
  desired_version: Generated<Int8>;
  in_sync_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_error: string | null;
  next_attempt_at: Timestamp;
  profile_confirmed_at: Timestamp | null;
  router_id: string;
  status: string;
  tenant_id: string;
  updated_at: Timestamp;
}

export interface NetworkRadiusLines {
  customer_id: string | null;
  desired_state: string | null;
  download_kbps: number | null;
  isolation_address_list: string | null;
  password: string | null;
  radius_isolation_address_list: boolean | null;
  radius_isolation_download_kbps: number | null;
  radius_isolation_pool: string | null;
  radius_isolation_upload_kbps: number | null;
  router_id: string | null;
  router_profile: string | null;
  tenant_id: string | null;
  upload_kbps: number | null;
  username: string | null;
}

export interface NetworkRouters {
  api_kind: string;
  created_at: Timestamp;
  failing_since: Timestamp | null;
  health: Generated<string>;
  host: string;
  id: string;
  isolation_address_list: Generated<string>;
  isolation_profile: Generated<string>;
  last_checked_at: Timestamp | null;
  last_error: string | null;
  lease_until: Timestamp | null;
  name: string;
  port: number | null;
  pppoe_via_radius: Generated<boolean>;
  radius_isolation_address_list: Generated<boolean>;
  radius_isolation_download_kbps: number | null;
  radius_isolation_pool: string | null;
  radius_isolation_upload_kbps: number | null;
  sealed_password: string;
  tenant_id: string;
  use_tls: Generated<boolean>;
  username: string;
}

export interface NotificationsMessages {
  attempts: Generated<number>;
  body: string;
  claim_id: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  event_id: string | null;
  external_id: string | null;
  failed_at: Timestamp | null;
  id: string;
  idempotency_key: string;
  kind: string;
  language: string;
  lease_until: Timestamp | null;
  next_attempt_at: Timestamp;
  provider: string | null;
  read_at: Timestamp | null;
  reason: string | null;
  recipient_customer_id: Generated<string | null>;
  recipient_id: string | null;
  recipient_name: string;
  recipient_staff_id: Generated<string | null>;
  recipient_type: string;
  rule: string;
  sender: string | null;
  sent_at: Timestamp | null;
  stale_at: Timestamp | null;
  status: string;
  tenant_id: string;
  to_phone: string | null;
  updated_at: Timestamp;
  urgent: boolean;
}

export interface NotificationsOptOuts {
  created_at: Timestamp;
  customer_id: string;
  reason: string | null;
  tenant_id: string;
}

export interface NotificationsProviders {
  enabled: Generated<boolean>;
  is_default: Generated<boolean>;
  provider: string;
  sealed_config: string | null;
  sender: string | null;
  updated_at: Generated<Timestamp>;
}

export interface NotificationsSenderSlots {
  next_at: Timestamp;
  sender_key: string;
}

export interface NotificationsSettings {
  language: Generated<string>;
  notify_outage_customers: Generated<boolean>;
  notify_router_errors: Generated<boolean>;
  payment_link: string | null;
  provider: string | null;
  quiet_end_minute: Generated<number | null>;
  quiet_start_minute: Generated<number | null>;
  sealed_config: string | null;
  sender: string | null;
  tenant_id: string;
  updated_at: Timestamp;
  webhook_key: string;
}

export interface NotificationsTemplates {
  body: string;
  kind: string;
  language: string;
  tenant_id: string;
  updated_at: Timestamp;
}

export interface PlansCatalog {
  download_kbps: number | null;
  monthly_price: Int8 | null;
  name: string | null;
  plan_id: string | null;
  router_profile: string | null;
  tenant_id: string | null;
  upload_kbps: number | null;
}

export interface PlatformTenantSummaries {
  created_at: Timestamp | null;
  id: string | null;
  name: string | null;
  slug: string | null;
  staff_count: number | null;
  status: string | null;
  time_zone: string | null;
}

export interface Radacct {
  acctauthentic: string | null;
  acctinputoctets: Int8 | null;
  acctinterval: Int8 | null;
  acctoutputoctets: Int8 | null;
  acctsessionid: string;
  acctsessiontime: Int8 | null;
  acctstarttime: Timestamp | null;
  acctstoptime: Timestamp | null;
  acctterminatecause: string | null;
  acctuniqueid: string;
  acctupdatetime: Timestamp | null;
  calledstationid: string | null;
  callingstationid: string | null;
  class: string | null;
  connectinfo_start: string | null;
  connectinfo_stop: string | null;
  delegatedipv6prefix: string | null;
  framedinterfaceid: string | null;
  framedipaddress: string | null;
  framedipv6address: string | null;
  framedipv6prefix: string | null;
  framedprotocol: string | null;
  nasipaddress: string;
  nasportid: string | null;
  nasporttype: string | null;
  radacctid: Generated<Int8>;
  realm: string | null;
  servicetype: string | null;
  username: string | null;
}

export interface Radcheck {
  attribute: Generated<string>;
  id: Generated<number>;
  op: Generated<string>;
  tenant_id: string;
  username: Generated<string>;
  value: Generated<string>;
}

export interface Radgroupcheck {
  attribute: Generated<string>;
  groupname: Generated<string>;
  id: Generated<number>;
  op: Generated<string>;
  value: Generated<string>;
}

export interface Radgroupreply {
  attribute: Generated<string>;
  groupname: Generated<string>;
  id: Generated<number>;
  op: Generated<string>;
  tenant_id: string;
  value: Generated<string>;
}

export interface RadiusActivity {
  customer_id: string;
  kind: string;
  published_at: Timestamp | null;
  radacct_id: Int8 | null;
  radpostauth_id: Int8 | null;
  seq: Generated<Int8>;
  tenant_id: string;
}

export interface RadiusUsers {
  created_at: Generated<Timestamp>;
  customer_id: string;
  tenant_id: string;
  username: string;
}

export interface Radpostauth {
  authdate: Generated<Timestamp>;
  calledstationid: string | null;
  callingstationid: string | null;
  class: string | null;
  id: Generated<Int8>;
  pass: string | null;
  reply: string | null;
  username: string;
}

export interface Radreply {
  attribute: Generated<string>;
  id: Generated<number>;
  op: Generated<string>;
  tenant_id: string;
  username: Generated<string>;
  value: Generated<string>;
}

export interface Radusergroup {
  groupname: Generated<string>;
  id: Generated<number>;
  priority: Generated<number>;
  tenant_id: string;
  username: Generated<string>;
}

export interface ServicePlans {
  created_at: Timestamp;
  download_kbps: number;
  id: string;
  is_active: Generated<boolean>;
  monthly_price: Int8;
  name: string;
  router_profile: string;
  tenant_id: string;
  upload_kbps: number;
}

export interface TenantCounters {
  name: string;
  tenant_id: string;
  value: Generated<Int8>;
}

export interface Tenants {
  created_at: Generated<Timestamp>;
  id: string;
  name: string;
  slug: string;
  status: Generated<string>;
  time_zone: string;
}

export interface DB {
  billing_gateway_accounts: BillingGatewayAccounts;
  billing_gateway_notifications: BillingGatewayNotifications;
  billing_invoices: BillingInvoices;
  billing_isolation_exclusions: BillingIsolationExclusions;
  billing_payment_history: BillingPaymentHistory;
  billing_payment_links: BillingPaymentLinks;
  billing_payments: BillingPayments;
  billing_policies: BillingPolicies;
  billing_receipts: BillingReceipts;
  customers: Customers;
  customers_billable: CustomersBillable;
  customers_lines: CustomersLines;
  customers_private: CustomersPrivate;
  event_failures: EventFailures;
  event_inbox: EventInbox;
  event_outbox: EventOutbox;
  http_idempotency_keys: HttpIdempotencyKeys;
  identity_api_tokens: IdentityApiTokens;
  identity_audit_log: IdentityAuditLog;
  identity_invitations: IdentityInvitations;
  identity_memberships: IdentityMemberships;
  identity_sessions: IdentitySessions;
  identity_staff_counts: IdentityStaffCounts;
  identity_users: IdentityUsers;
  isolation_desired_states: IsolationDesiredStates;
  isolation_history: IsolationHistory;
  isolation_lines: IsolationLines;
  job_runs: JobRuns;
  nas: Nas;
  nasreload: Nasreload;
  network_desired_lines: NetworkDesiredLines;
  network_line_sync: NetworkLineSync;
  network_radius_lines: NetworkRadiusLines;
  network_routers: NetworkRouters;
  notifications_messages: NotificationsMessages;
  notifications_opt_outs: NotificationsOptOuts;
  notifications_providers: NotificationsProviders;
  notifications_sender_slots: NotificationsSenderSlots;
  notifications_settings: NotificationsSettings;
  notifications_templates: NotificationsTemplates;
  plans_catalog: PlansCatalog;
  platform_tenant_summaries: PlatformTenantSummaries;
  radacct: Radacct;
  radcheck: Radcheck;
  radgroupcheck: Radgroupcheck;
  radgroupreply: Radgroupreply;
  radius_activity: RadiusActivity;
  radius_users: RadiusUsers;
  radpostauth: Radpostauth;
  radreply: Radreply;
  radusergroup: Radusergroup;
  service_plans: ServicePlans;
  tenant_counters: TenantCounters;
  tenants: Tenants;
}
