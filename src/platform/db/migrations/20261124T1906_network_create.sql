-- Routers (NAS) of a tenant. The password is sealed (AES-256-GCM with the master key).
create table network_routers (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  name text not null check (length(name) between 1 and 80),
  host text not null,
  port int check (port between 1 and 65535),
  api_kind text not null check (api_kind in ('routeros-api', 'rest')),
  use_tls boolean not null default false,
  username text not null,
  sealed_password text not null,
  isolation_address_list text not null default 'simpul-isolir',
  isolation_profile text not null default 'isolir',
  -- PPPoE lines enforced through RADIUS (CoA) instead of the router API.
  pppoe_via_radius boolean not null default false,
  health text not null default 'unknown' check (health in ('unknown', 'ok', 'failing')),
  failing_since timestamptz,
  last_error text,
  last_checked_at timestamptz,
  -- A converge pass holds the router until this time, so two workers never drive one router.
  lease_until timestamptz,
  created_at timestamptz not null,
  unique (tenant_id, name)
);
alter table network_routers enable row level security;
create policy tenant_isolation on network_routers to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on network_routers to simpul_app;

-- Desired vs applied state of each customer line on its router. "in_sync" only after the
-- router confirmed. desired_version grows with every change of the desired state, so a pass
-- that read an older version never marks a newer one in sync.
create table network_line_sync (
  customer_id uuid primary key,
  tenant_id uuid not null references tenants (id),
  router_id uuid not null references network_routers (id),
  status text not null check (status in ('pending', 'in_sync', 'failed')),
  desired_version bigint not null default 1,
  applied_state text check (applied_state in ('active', 'isolated')),
  applied_profile text,
  profile_confirmed_at timestamptz,
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_error text,
  in_sync_at timestamptz,
  updated_at timestamptz not null
);
create index network_line_sync_due on network_line_sync (router_id, next_attempt_at) where status <> 'in_sync';
alter table network_line_sync enable row level security;
create policy tenant_isolation on network_line_sync to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on network_line_sync to simpul_app;

-- The desired state of every line, joined from customers, their plan and isolation: what the
-- network module reconciles routers to (a published read model; RLS of the reader applies).
create view network_desired_lines with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.router_id, c.connection_type,
         c.pppoe_username, host(c.ip_address) as ip_address, p.router_profile,
         coalesce(l.desired_state, 'active') as desired_state
  from customers c
  join service_plans p on p.id = c.plan_id
  left join isolation_lines l on l.customer_id = c.id
  where c.status = 'active' and c.router_id is not null;
grant select on network_desired_lines to simpul_app;
