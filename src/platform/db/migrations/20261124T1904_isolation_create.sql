-- The desired network state of each customer line. No row means "active". The network
-- module reconciles routers and RADIUS to it (its sync columns arrive with that module).
create table isolation_lines (
  customer_id uuid primary key,
  tenant_id uuid not null references tenants (id),
  desired_state text not null check (desired_state in ('active', 'isolated')),
  changed_at timestamptz not null,
  reason text not null,
  trigger text,
  invoice_id uuid,
  -- Paid, but auto-restore is off (or another invoice still holds it): staff may restore now.
  restore_eligible boolean not null default false
);
create index isolation_lines_isolated on isolation_lines (tenant_id) where desired_state = 'isolated';
alter table isolation_lines enable row level security;
create policy tenant_isolation on isolation_lines to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on isolation_lines to simpul_app;

-- Who or what isolated or restored a line, why, for which invoice and trigger.
create table isolation_history (
  id uuid primary key,
  seq bigint generated always as identity, -- total order, even for entries of one instant
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  action text not null check (action in ('isolated', 'restored')),
  actor_type text not null check (actor_type in ('system', 'staff')),
  actor_user_id uuid,
  reason text not null,
  trigger text,
  invoice_id uuid,
  created_at timestamptz not null
);
create index isolation_history_customer on isolation_history (tenant_id, customer_id, seq desc);
alter table isolation_history enable row level security;
create policy tenant_isolation on isolation_history to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on isolation_history to simpul_app;
