-- Customers (subscribers of a tenant). Private data lives in customers_private so that a role
-- without a grant on it (the platform, an impersonating super admin) can never read it.
create table customers (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  code text not null,
  name text not null check (length(name) between 1 and 120),
  phone text not null check (phone ~ '^\+62[0-9]{8,13}$'), -- E.164, Indonesian
  address text not null default '',
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  plan_id uuid not null references service_plans (id),
  connection_type text not null check (connection_type in ('pppoe', 'static', 'dhcp')),
  pppoe_username text,
  ip_address inet,
  router_id uuid, -- network module's router; an id, not a foreign key across modules
  status text not null default 'active' check (status in ('active', 'terminated')),
  activated_on date not null,
  created_at timestamptz not null,
  unique (tenant_id, code),
  check (connection_type <> 'pppoe' or pppoe_username is not null),
  check (connection_type = 'pppoe' or ip_address is not null)
);
-- A PPPoE username is what RADIUS looks up: unique across all tenants.
create unique index customers_pppoe_username_key on customers (pppoe_username) where pppoe_username is not null;
create index customers_tenant_plan on customers (tenant_id, plan_id);
alter table customers enable row level security;
create policy tenant_isolation on customers to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on customers to simpul_app;

create table customers_private (
  customer_id uuid primary key references customers (id),
  tenant_id uuid not null references tenants (id),
  id_card_number text, -- KTP (NIK)
  pppoe_password text,
  notes text
);
alter table customers_private enable row level security;
create policy tenant_isolation on customers_private to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on customers_private to simpul_app;
