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

export interface BillingCustomerArrears {
  arrears: Int8 | null;
  customer_id: string | null;
  tenant_id: string | null;
  unpaid_invoices: number | null;
}

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
  legal_minimum_years: Generated<number>;
  notify_isolated: Generated<boolean>;
  notify_reconnected: Generated<boolean>;
  notify_unpaid: Generated<boolean>;
  partial_payments: Generated<boolean>;
  partial_restores: Generated<boolean>;
  payment_history_retention_years: Generated<number>;
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

export interface CollectorsAssignments {
  assigned_at: Timestamp;
  assigned_by: string;
  collector_user_id: string;
  customer_id: string;
  route_order: Generated<number>;
  tenant_id: string;
}

export interface CollectorsCollectionItems {
  amount: Int8;
  collection_id: string;
  invoice_id: string;
  tenant_id: string;
}

export interface CollectorsCollections {
  amount: Int8;
  collected_at: Timestamp;
  collected_on: Timestamp;
  collector_user_id: string;
  customer_id: string;
  handover_id: string | null;
  id: string;
  number: string;
  reject_reason: string | null;
  rejected_by: string | null;
  status: Generated<string>;
  tenant_id: string;
}

export interface CollectorsCounters {
  kind: string;
  last: number;
  tenant_id: string;
  year: number;
}

export interface CollectorsDeposits {
  amount: Int8;
  bank: string;
  created_at: Timestamp;
  deposited_on: Timestamp;
  id: string;
  number: string;
  proof: Buffer;
  proof_content_type: string;
  recorded_by: string;
  reference: string;
  tenant_id: string;
}

export interface CollectorsHandovers {
  close_reason: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  collector_user_id: string;
  confirmed_at: Timestamp;
  confirmed_by: string;
  counted: Int8;
  deposit_id: string | null;
  difference: Int8;
  expected: Int8;
  id: string;
  kept: Int8;
  note: string | null;
  number: string;
  settled: Generated<Int8>;
  settlement: Generated<Int8>;
  status: string;
  tenant_id: string;
}

export interface CollectorsLogs {
  action: string;
  actor_user_id: string | null;
  amount: Int8 | null;
  collector_user_id: string | null;
  created_at: Timestamp;
  detail: string | null;
  id: string;
  subject: string | null;
  tenant_id: string;
}

export interface CollectorsSettings {
  allow_partial: Generated<boolean>;
  due_window_days: Generated<number>;
  log_retention_days: Generated<number>;
  restore_on_collection: Generated<boolean>;
  tenant_id: string;
  updated_at: Timestamp;
}

export interface CollectorsSettlements {
  amount: Int8;
  handover_id: string;
  short_handover_id: string;
  tenant_id: string;
}

export interface CollectorsVisits {
  collection_id: string | null;
  collector_user_id: string;
  created_at: Timestamp;
  customer_id: string;
  id: string;
  note: string | null;
  promised_on: Timestamp | null;
  result: string;
  tenant_id: string;
  visited_on: Timestamp;
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
  mac_address: string | null;
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

export interface CustomersCounts {
  customers: Int8 | null;
  tenant_id: string | null;
}

export interface CustomersField {
  address: string | null;
  code: string | null;
  customer_id: string | null;
  latitude: number | null;
  longitude: number | null;
  name: string | null;
  phone: string | null;
  tenant_id: string | null;
}

export interface CustomersLabels {
  code: string | null;
  customer_id: string | null;
  name: string | null;
  phone: string | null;
  status: string | null;
  tenant_id: string | null;
}

export interface CustomersLines {
  code: string | null;
  connection_type: string | null;
  customer_id: string | null;
  customer_status: string | null;
  ip_address: string | null;
  mac_address: string | null;
  name: string | null;
  plan_id: string | null;
  pppoe_password: string | null;
  pppoe_username: string | null;
  router_id: string | null;
  tenant_id: string | null;
}

export interface CustomersLocations {
  code: string | null;
  customer_id: string | null;
  latitude: number | null;
  longitude: number | null;
  name: string | null;
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

export interface IdentityImpersonations {
  ended_at: Timestamp | null;
  expires_at: Timestamp;
  id: string;
  reason: string;
  session_id: string;
  started_at: Timestamp;
  super_admin_id: string;
  super_admin_name: string;
  tenant_id: string;
  write_allowed: boolean;
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

export interface IdentityStaffNames {
  name: string | null;
  tenant_id: string | null;
  user_id: string | null;
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

export interface ImportsJobRows {
  job_id: string;
  kind: string;
  label: string;
  line: number;
  payload: Json | null;
  problems: Generated<Json>;
  seq: number;
  status: Generated<string>;
  tenant_id: string;
}

export interface ImportsJobs {
  created_at: Timestamp;
  customers_created: Generated<number>;
  customers_skipped: Generated<number>;
  customers_updated: Generated<number>;
  error: string | null;
  finished_at: Timestamp | null;
  id: string;
  lease_until: Timestamp | null;
  mode: string;
  pakets_created: Generated<number>;
  rows_done: Generated<number>;
  rows_failed: Generated<number>;
  rows_total: number;
  source: string;
  started_at: Timestamp | null;
  status: Generated<string>;
  tenant_id: string;
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

export interface MapsCables {
  created_at: Timestamp;
  id: string;
  kind: string;
  length_m: number;
  name: string;
  odc_id: string | null;
  odp_id: string | null;
  points: Json;
  tenant_id: string;
}

export interface MapsCustomerPoints {
  code: string | null;
  customer_id: string | null;
  isolated: boolean | null;
  latitude: number | null;
  longitude: number | null;
  name: string | null;
  tenant_id: string | null;
}

export interface MapsCustomerPorts {
  customer_id: string;
  linked_at: Timestamp;
  odp_id: string;
  port: number;
  tenant_id: string;
}

export interface MapsCustomersUnderOutage {
  customer_id: string | null;
  tenant_id: string | null;
}

export interface MapsLineSignals {
  changed_at: Timestamp;
  customer_id: string;
  online: boolean;
  tenant_id: string;
}

export interface MapsOdcs {
  capacity: number;
  code: string;
  created_at: Timestamp;
  feeder: string | null;
  id: string;
  latitude: number;
  longitude: number;
  name: string;
  tenant_id: string;
}

export interface MapsOdps {
  code: string;
  created_at: Timestamp;
  id: string;
  latitude: number;
  longitude: number;
  name: string;
  odc_id: string;
  port_count: number;
  splitter_ratio: Generated<string>;
  tenant_id: string;
}

export interface MapsOutageCustomers {
  customer_id: string;
  outage_id: string;
  tenant_id: string;
}

export interface MapsOutageHistory {
  action: string;
  actor_user_id: string | null;
  affected_customers: number;
  affected_odps: number;
  created_at: Timestamp;
  id: string;
  note: string | null;
  outage_id: string;
  restored_customers: number | null;
  seq: Generated<Int8>;
  tenant_id: string;
}

export interface MapsOutageOdps {
  odp_id: string;
  outage_id: string;
  tenant_id: string;
}

export interface MapsOutages {
  affected_customers: Generated<number>;
  affected_odps: Generated<number>;
  cause: string;
  clear_note: string | null;
  cleared_at: Timestamp | null;
  cleared_by: string | null;
  created_at: Timestamp;
  customer_id: string | null;
  element_kind: string;
  element_name: string;
  expected_end_at: Timestamp | null;
  id: string;
  odc_id: string | null;
  odp_id: string | null;
  set_by: string | null;
  started_at: Timestamp;
  technician_requested: Generated<boolean>;
  tenant_id: string;
}

export interface MapsOutageSuggestions {
  created_at: Timestamp;
  id: string;
  odp_id: string;
  offline_customers: number;
  outage_id: string | null;
  resolved_at: Timestamp | null;
  status: Generated<string>;
  tenant_id: string;
  window_minutes: number;
}

export interface MapsSettings {
  signal_offline_count: Generated<number>;
  signal_window_minutes: Generated<number>;
  technician_threshold: Generated<number>;
  tenant_id: string;
  tile_attribution: string | null;
  tile_url: string | null;
  updated_at: Timestamp;
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
  customer_status: string | null;
  desired_state: string | null;
  download_kbps: number | null;
  ip_address: string | null;
  mac_address: string | null;
  name: string | null;
  plan_id: string | null;
  pppoe_password: string | null;
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
  line_address: string | null;
  line_connection_type: string | null;
  line_tag: string | null;
  line_username: string | null;
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

export interface NetworkRouterCounts {
  routers: Int8 | null;
  tenant_id: string | null;
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

export interface PortalChallenges {
  address: string;
  attempts: Generated<number>;
  code_hash: string;
  consumed_at: Timestamp | null;
  created_at: Timestamp;
  customer_id: string | null;
  expires_at: Timestamp;
  id: string;
  identifier_hash: string;
  tenant_id: string;
}

export interface PortalComplaints {
  created_at: Timestamp;
  customer_id: string;
  id: string;
  kind: string;
  message: string;
  tenant_id: string;
}

export interface PortalSessions {
  created_at: Timestamp;
  customer_id: string;
  expires_at: Timestamp;
  id: string;
  revoked_at: Timestamp | null;
  tenant_id: string;
  token_hash: string;
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

export interface SaasAddons {
  active: Generated<boolean>;
  amount: number | null;
  code: string;
  created_at: Timestamp;
  feature: string | null;
  id: string;
  limit_name: string | null;
  name: string;
  price: Int8;
  recurring: Generated<boolean>;
}

export interface SaasAdjustments {
  amount: Int8;
  created_at: Timestamp;
  description: string;
  id: string;
  invoice_id: string | null;
  period: Timestamp;
  tenant_id: string;
}

export interface SaasDomains {
  created_at: Timestamp;
  host: string;
  id: string;
  tenant_id: string;
  verified_at: Timestamp | null;
  verify_token: string;
}

export interface SaasFeatureSwitches {
  enabled: boolean;
  feature: string;
  reason: Generated<string>;
  updated_at: Timestamp;
}

export interface SaasInvoiceCounters {
  last_value: number;
  month: string;
}

export interface SaasInvoices {
  amount: Int8;
  created_at: Timestamp;
  description: string;
  due_date: Timestamp;
  id: string;
  kind: string;
  number: string;
  order_id: string;
  paid_at: Timestamp | null;
  paid_via: string | null;
  payment_link_expires_at: Timestamp | null;
  payment_url: string | null;
  period: Timestamp | null;
  provider_ref: string | null;
  reminded_before_at: Timestamp | null;
  reminded_due_at: Timestamp | null;
  status: Generated<string>;
  tenant_id: string;
}

export interface SaasLimitWarnings {
  limit_name: string;
  limit_value: Int8;
  period: Generated<string>;
  tenant_id: string;
  warned_at: Timestamp;
}

export interface SaasMyUsage {
  customers: Int8 | null;
  routers: Int8 | null;
  staff: Int8 | null;
  tenant_id: string | null;
}

export interface SaasOverrides {
  amount: Int8 | null;
  created_at: Timestamp;
  created_by: string;
  ended_at: Timestamp | null;
  ends_at: Timestamp;
  feature: string | null;
  feature_enabled: boolean | null;
  id: string;
  limit_name: string | null;
  reason: string;
  tenant_id: string;
}

export interface SaasPlans {
  active: Generated<boolean>;
  code: string;
  created_at: Timestamp;
  features: Generated<string[]>;
  id: string;
  is_default: Generated<boolean>;
  limits: Generated<Json>;
  monthly_price: Int8;
  name: string;
}

export interface SaasSubscriptions {
  over_limit: Generated<string[]>;
  plan_id: string;
  reconciled_at: Timestamp | null;
  support_write: Generated<boolean>;
  tenant_id: string;
  updated_at: Timestamp;
}

export interface SaasTenantAddons {
  activated_at: Timestamp | null;
  addon_id: string;
  created_at: Timestamp;
  ends_at: Timestamp | null;
  id: string;
  invoice_id: string;
  quantity: number;
  status: Generated<string>;
  tenant_id: string;
}

export interface SaasTenantUsage {
  customers: Int8 | null;
  routers: Int8 | null;
  staff: Int8 | null;
  tenant_id: string | null;
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

export interface TechniciansActivities {
  client_key: string | null;
  created_at: Timestamp;
  customer_id: string | null;
  element_kind: string | null;
  element_name: string | null;
  id: string;
  note: string;
  odc_id: string | null;
  odp_id: string | null;
  status_change: string | null;
  task_id: string | null;
  technician_id: string;
  tenant_id: string;
}

export interface TechniciansPhotos {
  activity_id: string | null;
  client_key: string | null;
  content_type: string;
  created_at: Timestamp;
  height: number;
  id: string;
  latitude: number | null;
  longitude: number | null;
  size_bytes: number;
  storage_key: string;
  taken_at: Timestamp | null;
  task_id: string | null;
  tenant_id: string;
  thumbnail_key: string;
  uploaded_by: string;
  width: number;
}

export interface TechniciansSettings {
  outage_fix_mode: Generated<string>;
  retention_days: Generated<number>;
  tenant_id: string;
  updated_at: Timestamp;
}

export interface TechniciansTaskAssignees {
  assigned_at: Timestamp;
  task_id: string;
  tenant_id: string;
  user_id: string;
}

export interface TechniciansTaskHistory {
  actor_user_id: string | null;
  created_at: Timestamp;
  from_status: string | null;
  id: string;
  note: string | null;
  seq: Generated<Int8>;
  task_id: string;
  tenant_id: string;
  to_status: string;
}

export interface TechniciansTaskLines {
  back_online_at: Timestamp | null;
  customer_id: string;
  rechecked_at: Timestamp;
  task_id: string;
  tenant_id: string;
}

export interface TechniciansTasks {
  checklist: Json | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  created_by: string | null;
  customer_id: string | null;
  description: string | null;
  due_at: Timestamp | null;
  fix_applied_at: Timestamp | null;
  fix_requested_at: Timestamp | null;
  id: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
  number: number;
  odc_id: string | null;
  odp_id: string | null;
  outage_id: string | null;
  priority: Generated<string>;
  source: string;
  status: Generated<string>;
  target_kind: string;
  target_name: string;
  tenant_id: string;
  title: string;
  updated_at: Timestamp;
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
  billing_customer_arrears: BillingCustomerArrears;
  billing_gateway_accounts: BillingGatewayAccounts;
  billing_gateway_notifications: BillingGatewayNotifications;
  billing_invoices: BillingInvoices;
  billing_isolation_exclusions: BillingIsolationExclusions;
  billing_payment_history: BillingPaymentHistory;
  billing_payment_links: BillingPaymentLinks;
  billing_payments: BillingPayments;
  billing_policies: BillingPolicies;
  billing_receipts: BillingReceipts;
  collectors_assignments: CollectorsAssignments;
  collectors_collection_items: CollectorsCollectionItems;
  collectors_collections: CollectorsCollections;
  collectors_counters: CollectorsCounters;
  collectors_deposits: CollectorsDeposits;
  collectors_handovers: CollectorsHandovers;
  collectors_logs: CollectorsLogs;
  collectors_settings: CollectorsSettings;
  collectors_settlements: CollectorsSettlements;
  collectors_visits: CollectorsVisits;
  customers: Customers;
  customers_billable: CustomersBillable;
  customers_counts: CustomersCounts;
  customers_field: CustomersField;
  customers_labels: CustomersLabels;
  customers_lines: CustomersLines;
  customers_locations: CustomersLocations;
  customers_private: CustomersPrivate;
  event_failures: EventFailures;
  event_inbox: EventInbox;
  event_outbox: EventOutbox;
  http_idempotency_keys: HttpIdempotencyKeys;
  identity_api_tokens: IdentityApiTokens;
  identity_audit_log: IdentityAuditLog;
  identity_impersonations: IdentityImpersonations;
  identity_invitations: IdentityInvitations;
  identity_memberships: IdentityMemberships;
  identity_sessions: IdentitySessions;
  identity_staff_counts: IdentityStaffCounts;
  identity_staff_names: IdentityStaffNames;
  identity_users: IdentityUsers;
  imports_job_rows: ImportsJobRows;
  imports_jobs: ImportsJobs;
  isolation_desired_states: IsolationDesiredStates;
  isolation_history: IsolationHistory;
  isolation_lines: IsolationLines;
  job_runs: JobRuns;
  maps_cables: MapsCables;
  maps_customer_points: MapsCustomerPoints;
  maps_customer_ports: MapsCustomerPorts;
  maps_customers_under_outage: MapsCustomersUnderOutage;
  maps_line_signals: MapsLineSignals;
  maps_odcs: MapsOdcs;
  maps_odps: MapsOdps;
  maps_outage_customers: MapsOutageCustomers;
  maps_outage_history: MapsOutageHistory;
  maps_outage_odps: MapsOutageOdps;
  maps_outage_suggestions: MapsOutageSuggestions;
  maps_outages: MapsOutages;
  maps_settings: MapsSettings;
  nas: Nas;
  nasreload: Nasreload;
  network_desired_lines: NetworkDesiredLines;
  network_line_sync: NetworkLineSync;
  network_radius_lines: NetworkRadiusLines;
  network_router_counts: NetworkRouterCounts;
  network_routers: NetworkRouters;
  notifications_messages: NotificationsMessages;
  notifications_opt_outs: NotificationsOptOuts;
  notifications_providers: NotificationsProviders;
  notifications_sender_slots: NotificationsSenderSlots;
  notifications_settings: NotificationsSettings;
  notifications_templates: NotificationsTemplates;
  plans_catalog: PlansCatalog;
  platform_tenant_summaries: PlatformTenantSummaries;
  portal_challenges: PortalChallenges;
  portal_complaints: PortalComplaints;
  portal_sessions: PortalSessions;
  radacct: Radacct;
  radcheck: Radcheck;
  radgroupcheck: Radgroupcheck;
  radgroupreply: Radgroupreply;
  radius_activity: RadiusActivity;
  radius_users: RadiusUsers;
  radpostauth: Radpostauth;
  radreply: Radreply;
  radusergroup: Radusergroup;
  saas_addons: SaasAddons;
  saas_adjustments: SaasAdjustments;
  saas_domains: SaasDomains;
  saas_feature_switches: SaasFeatureSwitches;
  saas_invoice_counters: SaasInvoiceCounters;
  saas_invoices: SaasInvoices;
  saas_limit_warnings: SaasLimitWarnings;
  saas_my_usage: SaasMyUsage;
  saas_overrides: SaasOverrides;
  saas_plans: SaasPlans;
  saas_subscriptions: SaasSubscriptions;
  saas_tenant_addons: SaasTenantAddons;
  saas_tenant_usage: SaasTenantUsage;
  service_plans: ServicePlans;
  technicians_activities: TechniciansActivities;
  technicians_photos: TechniciansPhotos;
  technicians_settings: TechniciansSettings;
  technicians_task_assignees: TechniciansTaskAssignees;
  technicians_task_history: TechniciansTaskHistory;
  technicians_task_lines: TechniciansTaskLines;
  technicians_tasks: TechniciansTasks;
  tenant_counters: TenantCounters;
  tenants: Tenants;
}
