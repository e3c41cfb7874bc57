-- People. Global (one person may work for several tenants), so not tenant-owned; tenant
-- queries reach users only through identity_memberships.
create table identity_users (
  id uuid primary key,
  email text not null,
  name text not null,
  phone text,
  password_hash text not null,
  is_super_admin boolean not null default false,
  status text not null default 'active' check (status in ('active', 'disabled')),
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create unique index identity_users_email_key on identity_users (lower(email));
grant select, insert, update on identity_users to simpul_app;
grant select, insert on identity_users to simpul_platform;

-- Staff of a tenant. One person may hold several roles (technician + collector).
create table identity_memberships (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  user_id uuid not null references identity_users (id),
  roles text[] not null check (
    cardinality(roles) > 0 and roles <@ array['owner', 'admin', 'finance', 'collector', 'technician']),
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now(),
  unique (tenant_id, user_id)
);
create index identity_memberships_user on identity_memberships (user_id);
create policy member_of on tenants to simpul_app
  using (id in (select m.tenant_id from identity_memberships m where m.user_id = app_user_id()));
alter table identity_memberships enable row level security;
-- A person also sees their own memberships in other tenants (for the tenant switch), but
-- writes only ever land in the current tenant.
create policy tenant_isolation on identity_memberships to simpul_app
  using (tenant_id = app_tenant_id() or user_id = app_user_id())
  with check (tenant_id = app_tenant_id());
grant select, insert, update on identity_memberships to simpul_app;

-- Web sessions (httpOnly cookie). Only the SHA-256 of the token is stored.
create table identity_sessions (
  id uuid primary key,
  token_hash text not null unique,
  user_id uuid not null references identity_users (id),
  active_tenant_id uuid references tenants (id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index identity_sessions_user on identity_sessions (user_id);
grant select, insert, update, delete on identity_sessions to simpul_app, simpul_platform;

-- API tokens for integrations, bound to one tenant. Only the SHA-256 is stored.
create table identity_api_tokens (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  created_by uuid not null references identity_users (id),
  name text not null,
  token_hash text not null unique,
  roles text[] not null check (
    cardinality(roles) > 0 and roles <@ array['owner', 'admin', 'finance', 'collector', 'technician']),
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
alter table identity_api_tokens enable row level security;
create policy tenant_isolation on identity_api_tokens to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on identity_api_tokens to simpul_app;

-- A bearer token arrives before its tenant is known: this is the one narrow path that
-- resolves it, returning only what authentication needs.
create function identity_resolve_api_token(p_token_hash text)
  returns table (token_id uuid, tenant_id uuid, user_id uuid, roles text[])
  language sql stable security definer set search_path = public as $$
    select t.id, t.tenant_id, t.created_by, t.roles
    from identity_api_tokens t join tenants n on n.id = t.tenant_id
    where t.token_hash = p_token_hash and t.revoked_at is null and n.status = 'active'
  $$;
revoke all on function identity_resolve_api_token(text) from public;
grant execute on function identity_resolve_api_token(text) to simpul_app;

-- Security events: logins, failures, role changes, token creation, impersonation.
-- tenant_id is NULL for events outside any tenant (a login, a platform action).
create table identity_audit_log (
  id uuid primary key,
  tenant_id uuid references tenants (id),
  actor_user_id uuid references identity_users (id),
  action text not null,
  subject text,
  ip text,
  details jsonb not null default '{}',
  created_at timestamptz not null
);
create index identity_audit_log_tenant on identity_audit_log (tenant_id, created_at desc);
create index identity_audit_log_subject on identity_audit_log (action, subject, created_at desc);
alter table identity_audit_log enable row level security;
create policy tenant_isolation on identity_audit_log to simpul_app
  using (tenant_id = app_tenant_id() or (tenant_id is null and app_tenant_id() is null))
  with check (tenant_id is not distinct from app_tenant_id());
create policy platform_events on identity_audit_log to simpul_platform
  using (tenant_id is null) with check (tenant_id is null);
grant select, insert on identity_audit_log to simpul_app, simpul_platform;

-- What the super admin may know of a tenant: counts, never rows. The view runs with its
-- owner's rights, so it can count through RLS; only the platform role may read it.
create view platform_tenant_summaries as
  select t.id, t.slug, t.name, t.time_zone, t.status, t.created_at,
         (select count(*) from identity_memberships m where m.tenant_id = t.id and m.status = 'active')::int
           as staff_count
  from tenants t;
grant select on platform_tenant_summaries to simpul_platform;
