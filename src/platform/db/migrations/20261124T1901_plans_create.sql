-- Service plans (paket): what a customer pays for each month.
create table service_plans (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  name text not null check (length(name) between 1 and 80),
  download_kbps int not null check (download_kbps > 0),
  upload_kbps int not null check (upload_kbps > 0),
  monthly_price bigint not null check (monthly_price > 0), -- integer rupiah
  router_profile text not null check (length(router_profile) between 1 and 64), -- PPPoE profile / RADIUS group
  is_active boolean not null default true,
  created_at timestamptz not null,
  unique (tenant_id, name)
);
alter table service_plans enable row level security;
create policy tenant_isolation on service_plans to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on service_plans to simpul_app;
