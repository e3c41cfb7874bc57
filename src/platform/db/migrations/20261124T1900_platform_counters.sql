-- Per-tenant counters for human-facing numbers (customer codes, invoice numbers): gap-free
-- within a committed transaction because the row lock is held until commit.
create table tenant_counters (
  tenant_id uuid not null references tenants (id),
  name text not null,
  value bigint not null default 0,
  primary key (tenant_id, name)
);
alter table tenant_counters enable row level security;
create policy tenant_isolation on tenant_counters to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on tenant_counters to simpul_app;
