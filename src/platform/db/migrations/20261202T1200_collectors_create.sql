-- The collector cash chain (collectors module): assignments, field visits, collections (phase 1),
-- handovers to the office (setoran, phase 2), bank deposits (phase 3), and the collectors' log.
-- Money state of invoices stays billing's; these tables say who holds which rupiah.

-- The person a row-scoped request acts as (a collector-only staff member): '' or unset = no scope.
-- Set per transaction by the application next to app.tenant_id (set_config(…, true)).
create or replace function app_scope_user_id() returns uuid language sql stable as
  $$ select nullif(current_setting('app.scope_user_id', true), '')::uuid $$;
grant execute on function app_scope_user_id() to simpul_app;

create table collectors_settings (
  tenant_id uuid primary key references tenants (id),
  due_window_days int not null default 7 check (due_window_days between 0 and 60),
  allow_partial boolean not null default false,
  -- Beyond the spec, off by default: restore an isolated customer at phase 1 (paid in person).
  restore_on_collection boolean not null default false,
  log_retention_days int not null default 365 check (log_retention_days between 30 and 3650),
  updated_at timestamptz not null
);
alter table collectors_settings enable row level security;
create policy tenant_isolation on collectors_settings to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on collectors_settings to simpul_app;

-- Receipt / handover / deposit numbers, one counter per kind and year, taken under the row lock.
create table collectors_counters (
  tenant_id uuid not null references tenants (id),
  kind text not null check (kind in ('KOL', 'SETOR', 'BANK')),
  year int not null,
  last int not null,
  primary key (tenant_id, kind, year)
);
alter table collectors_counters enable row level security;
create policy tenant_isolation on collectors_counters to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on collectors_counters to simpul_app;

-- One collector per customer; moving a customer is an update. route_order is the collector's route.
create table collectors_assignments (
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  collector_user_id uuid not null,
  route_order int not null default 0,
  assigned_by uuid not null,
  assigned_at timestamptz not null,
  primary key (tenant_id, customer_id),
  constraint collectors_assignments_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint collectors_assignments_collector_fk foreign key (tenant_id, collector_user_id) references identity_memberships (tenant_id, user_id),
  constraint collectors_assignments_assigned_by_fk foreign key (tenant_id, assigned_by) references identity_memberships (tenant_id, user_id)
);
create index collectors_assignments_route on collectors_assignments (tenant_id, collector_user_id, route_order);
alter table collectors_assignments enable row level security;
create policy tenant_isolation on collectors_assignments to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy collector_scope on collectors_assignments as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or collector_user_id = (select app_scope_user_id()));
grant select, insert, update, delete on collectors_assignments to simpul_app;

-- Bank deposits (phase 3) with their proof (a scan or photo, ≤ 1 MiB, in the row).
create table collectors_deposits (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  number text not null,
  bank text not null check (length(bank) between 1 and 80),
  reference text not null check (length(reference) between 1 and 120),
  deposited_on date not null,
  amount bigint not null check (amount >= 0),
  proof_content_type text not null check (proof_content_type in ('image/jpeg', 'image/png', 'application/pdf')),
  proof bytea not null check (octet_length(proof) between 1 and 1048576),
  recorded_by uuid not null,
  created_at timestamptz not null,
  unique (tenant_id, id),
  unique (tenant_id, number),
  unique (tenant_id, bank, reference),
  constraint collectors_deposits_recorded_by_fk foreign key (tenant_id, recorded_by) references identity_memberships (tenant_id, user_id)
);
alter table collectors_deposits enable row level security;
create policy tenant_isolation on collectors_deposits to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy collector_scope on collectors_deposits as restrictive to simpul_app
  using ((select app_scope_user_id()) is null);
grant select, insert on collectors_deposits to simpul_app;

-- Handovers (setoran, phase 2): the collector's whole balance, counted at the desk by someone else.
-- difference = counted − (expected + settlement); kept = the cash the office keeps (an excess is
-- handed back on the spot). A short one stays open until settled later or written off by an owner.
create table collectors_handovers (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  number text not null,
  collector_user_id uuid not null,
  expected bigint not null check (expected >= 0),
  settlement bigint not null default 0 check (settlement >= 0),
  counted bigint not null check (counted >= 0),
  difference bigint not null,
  kept bigint not null check (kept >= 0),
  status text not null check (status in ('confirmed', 'short', 'short_settled', 'written_off', 'over')),
  settled bigint not null default 0 check (settled >= 0), -- of a shortfall, paid by later handovers
  note text,
  confirmed_by uuid not null,
  confirmed_at timestamptz not null,
  closed_by uuid,
  closed_at timestamptz,
  close_reason text,
  deposit_id uuid,
  unique (tenant_id, id),
  unique (tenant_id, number),
  check (confirmed_by <> collector_user_id), -- nobody confirms their own handover
  check (difference = 0 or note is not null),
  check (difference = counted - expected - settlement),
  constraint collectors_handovers_collector_fk foreign key (tenant_id, collector_user_id) references identity_memberships (tenant_id, user_id),
  constraint collectors_handovers_confirmed_by_fk foreign key (tenant_id, confirmed_by) references identity_memberships (tenant_id, user_id),
  constraint collectors_handovers_closed_by_fk foreign key (tenant_id, closed_by) references identity_memberships (tenant_id, user_id),
  constraint collectors_handovers_deposit_fk foreign key (tenant_id, deposit_id) references collectors_deposits (tenant_id, id)
);
create index collectors_handovers_open on collectors_handovers (tenant_id, collector_user_id) where status = 'short';
create index collectors_handovers_undeposited on collectors_handovers (tenant_id, confirmed_at) where deposit_id is null;
alter table collectors_handovers enable row level security;
create policy tenant_isolation on collectors_handovers to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy collector_scope on collectors_handovers as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or collector_user_id = (select app_scope_user_id()));
grant select, insert, update on collectors_handovers to simpul_app;

-- A later handover's settlement, paid toward an earlier short one.
create table collectors_settlements (
  tenant_id uuid not null references tenants (id),
  handover_id uuid not null,
  short_handover_id uuid not null,
  amount bigint not null check (amount > 0),
  primary key (tenant_id, handover_id, short_handover_id),
  constraint collectors_settlements_handover_fk foreign key (tenant_id, handover_id) references collectors_handovers (tenant_id, id),
  constraint collectors_settlements_short_fk foreign key (tenant_id, short_handover_id) references collectors_handovers (tenant_id, id)
);
alter table collectors_settlements enable row level security;
create policy tenant_isolation on collectors_settlements to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on collectors_settlements to simpul_app;

-- Phase 1: cash a collector received from a customer for one or more invoices (one receipt).
create table collectors_collections (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  number text not null,
  collector_user_id uuid not null,
  customer_id uuid not null,
  collected_on date not null, -- the field day (the device's, never after the server's today)
  collected_at timestamptz not null, -- when the server recorded it
  amount bigint not null check (amount > 0),
  status text not null default 'held' check (status in ('held', 'handed_over', 'deposited', 'rejected')),
  handover_id uuid,
  reject_reason text,
  rejected_by uuid,
  unique (tenant_id, id),
  unique (tenant_id, number),
  check ((status = 'held' or status = 'rejected') = (handover_id is null)),
  constraint collectors_collections_collector_fk foreign key (tenant_id, collector_user_id) references identity_memberships (tenant_id, user_id),
  constraint collectors_collections_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint collectors_collections_handover_fk foreign key (tenant_id, handover_id) references collectors_handovers (tenant_id, id),
  constraint collectors_collections_rejected_by_fk foreign key (tenant_id, rejected_by) references identity_memberships (tenant_id, user_id)
);
-- The cash in hand of a collector: their held collections.
create index collectors_collections_held on collectors_collections (tenant_id, collector_user_id) where status = 'held';
create index collectors_collections_handover on collectors_collections (tenant_id, handover_id);
create index collectors_collections_day on collectors_collections (tenant_id, collected_on);
alter table collectors_collections enable row level security;
create policy tenant_isolation on collectors_collections to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy collector_scope on collectors_collections as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or collector_user_id = (select app_scope_user_id()));
-- A row-scoped collector records only for a customer assigned to them now.
create policy collector_scope_assigned on collectors_collections as restrictive for insert to simpul_app
  with check ((select app_scope_user_id()) is null or exists (
    select 1 from collectors_assignments a where a.tenant_id = collectors_collections.tenant_id and a.customer_id = collectors_collections.customer_id));
grant select, insert, update on collectors_collections to simpul_app;

create table collectors_collection_items (
  tenant_id uuid not null references tenants (id),
  collection_id uuid not null,
  invoice_id uuid not null,
  amount bigint not null check (amount > 0),
  primary key (tenant_id, collection_id, invoice_id),
  constraint collectors_collection_items_collection_fk foreign key (tenant_id, collection_id) references collectors_collections (tenant_id, id),
  constraint collectors_collection_items_invoice_fk foreign key (tenant_id, invoice_id) references billing_invoices (tenant_id, id)
);
create index collectors_collection_items_invoice on collectors_collection_items (tenant_id, invoice_id);
alter table collectors_collection_items enable row level security;
create policy tenant_isolation on collectors_collection_items to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy collector_scope on collectors_collection_items as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or exists (
    select 1 from collectors_collections c where c.tenant_id = collectors_collection_items.tenant_id and c.id = collectors_collection_items.collection_id));
grant select, insert on collectors_collection_items to simpul_app;

-- The visit log: one result per collector, customer and day. 'paid' is written only by a collection.
create table collectors_visits (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  collector_user_id uuid not null,
  customer_id uuid not null,
  visited_on date not null,
  result text not null check (result in ('paid', 'not_home', 'refused', 'promised')),
  promised_on date,
  note text,
  collection_id uuid,
  created_at timestamptz not null,
  unique (tenant_id, collector_user_id, customer_id, visited_on),
  check ((result = 'promised') = (promised_on is not null)),
  check ((result = 'paid') = (collection_id is not null)),
  constraint collectors_visits_collector_fk foreign key (tenant_id, collector_user_id) references identity_memberships (tenant_id, user_id),
  constraint collectors_visits_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint collectors_visits_collection_fk foreign key (tenant_id, collection_id) references collectors_collections (tenant_id, id)
);
create index collectors_visits_customer on collectors_visits (tenant_id, customer_id, visited_on);
alter table collectors_visits enable row level security;
create policy tenant_isolation on collectors_visits to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy collector_scope on collectors_visits as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or collector_user_id = (select app_scope_user_id()));
create policy collector_scope_assigned on collectors_visits as restrictive for insert to simpul_app
  with check ((select app_scope_user_id()) is null or exists (
    select 1 from collectors_assignments a where a.tenant_id = collectors_visits.tenant_id and a.customer_id = collectors_visits.customer_id));
grant select, insert, update on collectors_visits to simpul_app;

-- The collectors' log: every assignment, visit, collection, rejection, handover, write-off and
-- deposit, as one line. Purged after the tenant's retention (purge_collector_logs_worker); the
-- money records above are kept. Tenant-internal: the platform role has no grant.
create table collectors_logs (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  collector_user_id uuid,
  actor_user_id uuid,
  action text not null check (action in ('assigned', 'released', 'visit', 'collection', 'collection_rejected', 'handover', 'settlement', 'write_off', 'deposit')),
  subject text,
  amount bigint,
  detail text,
  created_at timestamptz not null,
  constraint collectors_logs_collector_fk foreign key (tenant_id, collector_user_id) references identity_memberships (tenant_id, user_id),
  constraint collectors_logs_actor_fk foreign key (tenant_id, actor_user_id) references identity_memberships (tenant_id, user_id)
);
create index collectors_logs_age on collectors_logs (tenant_id, created_at);
alter table collectors_logs enable row level security;
create policy tenant_isolation on collectors_logs to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy collector_scope on collectors_logs as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or collector_user_id = (select app_scope_user_id()));
grant select, insert, delete on collectors_logs to simpul_app;

-- A collector-only staff member sees only the customers assigned to them, their invoices and the
-- money history of those: enforced here, whatever query a module runs (restrictive policies are
-- AND-ed with the tenant policy).
create policy collector_scope on customers as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or exists (
    select 1 from collectors_assignments a where a.tenant_id = customers.tenant_id and a.customer_id = customers.id));
create policy collector_scope on customers_private as restrictive to simpul_app
  using ((select app_scope_user_id()) is null);
create policy collector_scope on billing_invoices as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or exists (
    select 1 from collectors_assignments a where a.tenant_id = billing_invoices.tenant_id and a.customer_id = billing_invoices.customer_id));
create policy collector_scope on billing_payment_history as restrictive to simpul_app
  using ((select app_scope_user_id()) is null or exists (
    select 1 from collectors_assignments a where a.tenant_id = billing_payment_history.tenant_id and a.customer_id = billing_payment_history.customer_id));
create policy collector_scope on billing_payments as restrictive to simpul_app
  using ((select app_scope_user_id()) is null);
