create table tenants (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
  name text not null check (length(name) between 1 and 120),
  time_zone text not null check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  status text not null default 'active' check (status in ('active', 'suspended')),
  created_at timestamptz not null default now()
);

alter table tenants enable row level security;
-- Tenant staff see their own tenant, and the tenants they are members of (for the tenant
-- switch); the platform sees every tenant's account row.
create policy tenant_self on tenants to simpul_app using (id = app_tenant_id());
create policy platform_all on tenants to simpul_platform using (true) with check (true);
grant select on tenants to simpul_app;
grant select, insert, update on tenants to simpul_platform;
