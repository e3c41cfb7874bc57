-- Impersonation (issue 17, impersonate_tenant_admin): a super admin works in a tenant as its admin
-- for at most 30 minutes, with a reason, read-only unless the owner granted support write.
-- Every transaction of that session runs as simpul_support, which has NO grant on payment
-- history, payments, payment links, gateway and WhatsApp credentials, customers' private data,
-- RADIUS passwords, API tokens or stored money answers: PostgreSQL refuses them, not only the API.
-- Collector logs (another issue's table) get no grant either: new tables grant nothing by default.
do $$
begin
  begin create role simpul_support nologin; exception when duplicate_object then null; end;
end $$;
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant simpul_support to %I', current_user);
  end if;
end $$;
grant usage on schema public to simpul_support;

create table identity_impersonations (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  session_id uuid not null references identity_sessions (id) on delete cascade,
  super_admin_id uuid not null references identity_users (id),
  super_admin_name text not null,
  reason text not null check (length(trim(reason)) >= 5),
  write_allowed boolean not null,
  started_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > started_at and expires_at <= started_at + interval '30 minutes'),
  ended_at timestamptz
);
create index identity_impersonations_session on identity_impersonations (session_id) where ended_at is null;
create index identity_impersonations_tenant on identity_impersonations (tenant_id, started_at desc);
alter table identity_impersonations enable row level security;
create policy tenant_isolation on identity_impersonations to simpul_app, simpul_support using (tenant_id = app_tenant_id());
create policy platform_all on identity_impersonations to simpul_platform using (true) with check (true);
grant select on identity_impersonations to simpul_app, simpul_support;
grant select, insert, update on identity_impersonations to simpul_platform;

-- What support may read: every tenant table except the refused ones, through the same tenant policy.
do $$
declare
  t text;
  refused text[] := array['billing_payment_history', 'billing_payments', 'billing_payment_links', 'billing_gateway_accounts',
    'billing_gateway_notifications', 'customers_private', 'radcheck', 'notifications_accounts', 'notifications_messages',
    'identity_api_tokens', 'identity_invitations', 'nas', 'event_outbox', 'event_inbox', 'event_failures', 'http_idempotency_keys', 'identity_impersonations', 'saas_tenant_usage', 'saas_my_usage'];
begin
  for t in
    select c.table_name from information_schema.columns c
    join information_schema.tables x on x.table_schema = c.table_schema and x.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and x.table_type = 'BASE TABLE'
      and c.table_name <> all (refused)
  loop
    execute format('grant select on %I to simpul_support', t);
    execute format('create policy support_tenant on %I to simpul_support using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;
-- Router passwords are credentials: every column of a router but its sealed password.
do $$
declare cols text;
begin
  select string_agg(quote_ident(column_name), ', ') into cols from information_schema.columns
    where table_schema = 'public' and table_name = 'network_routers' and column_name <> 'sealed_password';
  revoke select on network_routers from simpul_support;
  execute format('grant select (%s) on network_routers to simpul_support', cols);
end $$;
-- Read models and platform tables the console reads.
grant select on customers_billable, network_desired_lines, saas_my_usage, saas_plans, saas_addons, saas_feature_switches to simpul_support;
grant execute on function saas_effective_limits(uuid, timestamptz), saas_effective_features(uuid, timestamptz) to simpul_support;
-- People: names and contacts, never password hashes.
grant select (id, email, name, phone, status, is_super_admin, created_at) on identity_users to simpul_support;
-- Writes the owner may grant (support write): customers and plans, never money. The API refuses
-- every write of a read-only session; these are what a write session can do at all.
grant insert, update on customers, service_plans, tenant_counters to simpul_support;
grant insert on event_outbox to simpul_support;
grant insert on identity_audit_log to simpul_support;

-- Authentication reads a super admin session's open impersonation before any tenant is chosen:
-- the one narrow path to it (expiry against the application's clock).
create function identity_active_impersonation(p_session uuid, p_now timestamptz)
  returns table (id uuid, tenant_id uuid, write_allowed boolean, expires_at timestamptz, reason text)
  language sql stable security definer set search_path = public as $$
    select i.id, i.tenant_id, i.write_allowed, i.expires_at, i.reason
    from identity_impersonations i
    where i.session_id = p_session and i.ended_at is null and i.expires_at > p_now and tenants_status(i.tenant_id) = 'active'
    order by i.started_at desc limit 1
  $$;
revoke all on function identity_active_impersonation(uuid, timestamptz) from public;
grant execute on function identity_active_impersonation(uuid, timestamptz) to simpul_app;
