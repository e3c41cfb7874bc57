-- FTTH topology (ODC → ODP → customer port), outages with their affected rows, history,
-- network signals and outage suggestions: the maps module's tables.
-- Every table: tenant_id, row-level security for simpul_app, composite foreign keys with
-- tenant_id; nothing granted to simpul_platform.

-- One row per tenant, created with defaults on first use.
create table maps_settings (
  tenant_id uuid primary key references tenants (id),
  -- An outage affecting at least this many customers asks for a technician task.
  technician_threshold int not null default 20 check (technician_threshold between 1 and 100000),
  -- K customers of one ODP offline within M minutes → an outage suggestion for that ODP.
  signal_offline_count int not null default 5 check (signal_offline_count between 2 and 256),
  signal_window_minutes int not null default 10 check (signal_window_minutes between 1 and 240),
  -- The map's tile source; null = the deployment's default (MAP_TILE_URL) or a plain background.
  tile_url text check (tile_url is null or (tile_url ~ '^https://' and length(tile_url) <= 500)),
  tile_attribution text check (tile_attribution is null or length(tile_attribution) <= 300),
  updated_at timestamptz not null
);

-- Optical Distribution Cabinet: feeds several ODPs. `feeder` names the POP/OLT port it hangs on.
create table maps_odcs (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  code text not null check (length(code) between 1 and 40),
  name text not null check (length(name) between 1 and 120),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  capacity int not null check (capacity between 1 and 1024),
  feeder text check (feeder is null or length(feeder) <= 120),
  created_at timestamptz not null,
  unique (tenant_id, code),
  unique (tenant_id, id)
);

-- Optical Distribution Point: the splitter box near homes; each port holds one customer.
create table maps_odps (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  odc_id uuid not null,
  code text not null check (length(code) between 1 and 40),
  name text not null check (length(name) between 1 and 120),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  splitter_ratio text not null default '1:8' check (splitter_ratio ~ '^1:(2|4|8|16|32|64)$'),
  port_count int not null check (port_count between 1 and 256),
  created_at timestamptz not null,
  unique (tenant_id, code),
  unique (tenant_id, id),
  constraint maps_odps_odc_fk foreign key (tenant_id, odc_id) references maps_odcs (tenant_id, id)
);
create index maps_odps_odc on maps_odps (tenant_id, odc_id);

-- A customer on an ODP port. The customers module owns customers; this link is the maps module's.
create table maps_customer_ports (
  customer_id uuid primary key,
  tenant_id uuid not null references tenants (id),
  odp_id uuid not null,
  port int not null check (port between 1 and 256),
  linked_at timestamptz not null,
  unique (tenant_id, odp_id, port),
  constraint maps_customer_ports_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint maps_customer_ports_odp_fk foreign key (tenant_id, odp_id) references maps_odps (tenant_id, id)
);

-- An outage on one element. One open outage per element (partial unique index below).
create table maps_outages (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  element_kind text not null check (element_kind in ('odc', 'odp', 'client')),
  odc_id uuid,
  odp_id uuid,
  customer_id uuid,
  element_name text not null,
  cause text not null check (length(cause) between 1 and 300),
  started_at timestamptz not null,
  expected_end_at timestamptz,
  cleared_at timestamptz,
  clear_note text,
  set_by uuid,
  cleared_by uuid,
  affected_odps int not null default 0,
  affected_customers int not null default 0,
  technician_requested boolean not null default false,
  created_at timestamptz not null,
  unique (tenant_id, id),
  check ((element_kind = 'odc') = (odc_id is not null) and (element_kind = 'odp') = (odp_id is not null)
         and (element_kind = 'client') = (customer_id is not null)),
  check (expected_end_at is null or expected_end_at > started_at),
  check (cleared_at is null or cleared_at >= started_at),
  constraint maps_outages_odc_fk foreign key (tenant_id, odc_id) references maps_odcs (tenant_id, id),
  constraint maps_outages_odp_fk foreign key (tenant_id, odp_id) references maps_odps (tenant_id, id),
  constraint maps_outages_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint maps_outages_set_by_fk foreign key (tenant_id, set_by) references identity_memberships (tenant_id, user_id),
  constraint maps_outages_cleared_by_fk foreign key (tenant_id, cleared_by) references identity_memberships (tenant_id, user_id)
);
create unique index maps_outages_one_open on maps_outages (tenant_id, element_kind, coalesce(odc_id, odp_id, customer_id)) where cleared_at is null;
create index maps_outages_open on maps_outages (tenant_id) where cleared_at is null;

-- What an outage affects, written once when it is set (one set-based statement), kept as history.
create table maps_outage_odps (
  outage_id uuid not null,
  tenant_id uuid not null references tenants (id),
  odp_id uuid not null,
  primary key (outage_id, odp_id),
  constraint maps_outage_odps_outage_fk foreign key (tenant_id, outage_id) references maps_outages (tenant_id, id),
  constraint maps_outage_odps_odp_fk foreign key (tenant_id, odp_id) references maps_odps (tenant_id, id)
);
create index maps_outage_odps_odp on maps_outage_odps (tenant_id, odp_id);
create table maps_outage_customers (
  outage_id uuid not null,
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  primary key (outage_id, customer_id),
  constraint maps_outage_customers_outage_fk foreign key (tenant_id, outage_id) references maps_outages (tenant_id, id),
  constraint maps_outage_customers_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index maps_outage_customers_customer on maps_outage_customers (tenant_id, customer_id);

-- The outage's timeline: set and cleared, by whom, with the counts at that moment.
create table maps_outage_history (
  id uuid primary key,
  seq bigint generated always as identity,
  tenant_id uuid not null references tenants (id),
  outage_id uuid not null,
  action text not null check (action in ('set', 'cleared')),
  actor_user_id uuid,
  affected_odps int not null,
  affected_customers int not null,
  -- On clear: customers no longer under any open outage.
  restored_customers int,
  note text,
  created_at timestamptz not null,
  constraint maps_outage_history_outage_fk foreign key (tenant_id, outage_id) references maps_outages (tenant_id, id),
  constraint maps_outage_history_actor_fk foreign key (tenant_id, actor_user_id) references identity_memberships (tenant_id, user_id)
);
create index maps_outage_history_outage on maps_outage_history (tenant_id, outage_id, seq);

-- The latest RADIUS accounting state of each line (from network.customer.online/offline).
create table maps_line_signals (
  customer_id uuid primary key,
  tenant_id uuid not null references tenants (id),
  online boolean not null,
  changed_at timestamptz not null,
  constraint maps_line_signals_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index maps_line_signals_offline on maps_line_signals (tenant_id, changed_at) where not online;

-- "K customers of this ODP went offline within M minutes": a suggestion to staff, never an outage by itself.
create table maps_outage_suggestions (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  odp_id uuid not null,
  offline_customers int not null,
  window_minutes int not null,
  status text not null default 'open' check (status in ('open', 'accepted', 'dismissed')),
  outage_id uuid,
  created_at timestamptz not null,
  resolved_at timestamptz,
  constraint maps_outage_suggestions_odp_fk foreign key (tenant_id, odp_id) references maps_odps (tenant_id, id),
  constraint maps_outage_suggestions_outage_fk foreign key (tenant_id, outage_id) references maps_outages (tenant_id, id)
);
create unique index maps_outage_suggestions_one_open on maps_outage_suggestions (tenant_id, odp_id) where status = 'open';

do $$
declare t text;
begin
  foreach t in array array['maps_settings', 'maps_odcs', 'maps_odps', 'maps_customer_ports', 'maps_outages', 'maps_outage_odps',
    'maps_outage_customers', 'maps_outage_history', 'maps_line_signals', 'maps_outage_suggestions'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;
grant select, insert, update on maps_settings, maps_outages, maps_line_signals, maps_outage_suggestions to simpul_app;
grant select, insert, update, delete on maps_odcs, maps_odps, maps_customer_ports to simpul_app;
grant select, insert on maps_outage_odps, maps_outage_customers, maps_outage_history to simpul_app;

-- Read model published by the maps module: the customers under at least one open outage.
-- Readers: billing's daily scan (src/modules/billing/use-cases/daily-scan.ts: no isolation while
-- under an outage) and the notifications reminder rules (src/modules/notifications/enqueue.ts
-- `underOutage`: no payment reminder while under an outage). security_invoker: the reader's RLS.
create view maps_customers_under_outage with (security_invoker = true) as
  select distinct a.tenant_id, a.customer_id
  from maps_outage_customers a
  join maps_outages o on o.tenant_id = a.tenant_id and o.id = a.outage_id
  where o.cleared_at is null;
grant select on maps_customers_under_outage to simpul_app;
