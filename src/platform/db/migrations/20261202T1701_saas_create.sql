-- The SaaS layer (issue 17): the platform's plans, add-on catalog and feature switches; each
-- tenant's subscription, bought add-ons, super admin overrides, SaaS invoices, limit warnings and
-- domains. These rows are the platform's own business with a tenant (what it sells, what it
-- bills), so the platform role manages them; tenant staff read their own through row-level
-- security and may only buy (insert a pending add-on with its invoice) and add domains.

-- Plans: limits by name (a missing name is unlimited) and the features they include.
create table saas_plans (
  id uuid primary key,
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]{1,39}$'),
  name text not null check (length(name) between 1 and 120),
  monthly_price bigint not null check (monthly_price >= 0),
  limits jsonb not null default '{}' check (jsonb_typeof(limits) = 'object'),
  features text[] not null default '{}',
  is_default boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null
);
create unique index saas_plans_one_default on saas_plans (is_default) where is_default;
grant select on saas_plans to simpul_app;
grant select, insert, update on saas_plans to simpul_platform;

-- Add-ons: raise one limit by `amount` per unit bought, or switch one feature on.
create table saas_addons (
  id uuid primary key,
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]{1,39}$'),
  name text not null check (length(name) between 1 and 120),
  limit_name text,
  amount int check (amount > 0),
  feature text,
  price bigint not null check (price > 0),
  recurring boolean not null default true,
  active boolean not null default true,
  created_at timestamptz not null,
  check ((limit_name is not null and amount is not null and feature is null) or (feature is not null and limit_name is null and amount is null))
);
grant select on saas_addons to simpul_app;
grant select, insert, update on saas_addons to simpul_platform;

-- The platform-wide kill switch per feature (a missing row is on).
create table saas_feature_switches (
  feature text primary key,
  enabled boolean not null,
  reason text not null default '',
  updated_at timestamptz not null
);
grant select on saas_feature_switches to simpul_app;
grant select, insert, update, delete on saas_feature_switches to simpul_platform;

-- A tenant's subscription (no row: the default plan) and its support and retention settings.
create table saas_subscriptions (
  tenant_id uuid primary key references tenants (id),
  plan_id uuid not null references saas_plans (id),
  -- The owner lets an impersonating super admin write (never money, never private data).
  support_write boolean not null default false,
  over_limit text[] not null default '{}', -- set by plan_reconciliation_worker
  reconciled_at timestamptz,
  updated_at timestamptz not null
);
alter table saas_subscriptions enable row level security;
create policy tenant_isolation on saas_subscriptions to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy platform_all on saas_subscriptions to simpul_platform using (true) with check (true);
grant select, insert, update (support_write, updated_at) on saas_subscriptions to simpul_app;
grant select, insert, update on saas_subscriptions to simpul_platform;

-- SaaS invoices, numbered by the platform (SAAS/YYYY/MM/NNNNN). A subscription invoice is one per
-- tenant and period; an add-on invoice belongs to the add-on it activates.
create table saas_invoices (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  number text not null unique,
  kind text not null check (kind in ('subscription', 'addon')),
  period date check (period is null or extract(day from period) = 1),
  description text not null,
  amount bigint not null check (amount > 0),
  due_date date not null,
  status text not null default 'unpaid' check (status in ('unpaid', 'paid', 'void')),
  order_id text not null unique, -- what the platform's gateway echoes back
  paid_at timestamptz,
  paid_via text check (paid_via in ('gateway', 'super_admin')),
  provider_ref text unique,
  created_at timestamptz not null,
  unique (tenant_id, id),
  check ((kind = 'subscription') = (period is not null))
);
create unique index saas_invoices_period on saas_invoices (tenant_id, period) where kind = 'subscription';
create index saas_invoices_unpaid on saas_invoices (tenant_id, due_date) where status = 'unpaid';
alter table saas_invoices enable row level security;
create policy tenant_isolation on saas_invoices to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy platform_all on saas_invoices to simpul_platform using (true) with check (true);
grant select, insert on saas_invoices to simpul_app;
grant select, insert, update on saas_invoices to simpul_platform;

-- Add-ons a tenant bought: pending until their invoice is paid, active until ended.
create table saas_tenant_addons (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  addon_id uuid not null references saas_addons (id),
  quantity int not null check (quantity between 1 and 1000),
  status text not null default 'pending' check (status in ('pending', 'active', 'ended')),
  invoice_id uuid not null,
  activated_at timestamptz,
  ends_at timestamptz,
  created_at timestamptz not null,
  unique (tenant_id, id),
  constraint saas_tenant_addons_invoice_fk foreign key (tenant_id, invoice_id) references saas_invoices (tenant_id, id)
);
create index saas_tenant_addons_active on saas_tenant_addons (tenant_id) where status = 'active';
alter table saas_tenant_addons enable row level security;
create policy tenant_isolation on saas_tenant_addons to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy platform_all on saas_tenant_addons to simpul_platform using (true) with check (true);
grant select, insert on saas_tenant_addons to simpul_app;
grant select, insert, update on saas_tenant_addons to simpul_platform;

-- The super admin's per-tenant adjustments: a limit raised (or lowered) by `amount`, or a
-- feature forced on/off, always with a reason and an end.
create table saas_overrides (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  limit_name text,
  amount bigint,
  feature text,
  feature_enabled boolean,
  reason text not null check (length(trim(reason)) >= 3),
  ends_at timestamptz not null,
  ended_at timestamptz,
  created_by uuid not null references identity_users (id),
  created_at timestamptz not null,
  check ((limit_name is not null and amount is not null and feature is null and feature_enabled is null)
      or (feature is not null and feature_enabled is not null and limit_name is null and amount is null))
);
alter table saas_overrides enable row level security;
create policy tenant_isolation on saas_overrides to simpul_app using (tenant_id = app_tenant_id());
create policy platform_all on saas_overrides to simpul_platform using (true) with check (true);
grant select on saas_overrides to simpul_app;
grant select, insert, update on saas_overrides to simpul_platform;

-- "Warned at 80 %" once per limit and value: buying more (a new limit value) warns again.
create table saas_limit_warnings (
  tenant_id uuid not null references tenants (id),
  limit_name text not null,
  limit_value bigint not null,
  warned_at timestamptz not null,
  primary key (tenant_id, limit_name, limit_value)
);
alter table saas_limit_warnings enable row level security;
create policy tenant_isolation on saas_limit_warnings to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on saas_limit_warnings to simpul_app;

-- Hosts that reach a tenant: its slug under the platform domain (implicit) and custom domains,
-- proven by a DNS TXT record. Caddy's `ask` reads the verified ones by the unique host index.
create table saas_domains (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  host text not null unique check (host ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$' and length(host) <= 253),
  verify_token text not null,
  verified_at timestamptz,
  created_at timestamptz not null
);
alter table saas_domains enable row level security;
create policy tenant_isolation on saas_domains to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy platform_all on saas_domains to simpul_platform using (true) with check (true);
grant select, insert, update, delete on saas_domains to simpul_app;
grant select, update on saas_domains to simpul_platform;

-- Before a tenant is known (a request's Host, Caddy asking): the one narrow path to a domain.
create function saas_resolve_host(p_host text) returns table (tenant_id uuid)
  language sql stable security definer set search_path = public as $$
    select d.tenant_id from saas_domains d
    where d.host = lower(p_host) and d.verified_at is not null and tenants_status(d.tenant_id) = 'active'
  $$;
revoke all on function saas_resolve_host(text) from public;
grant execute on function saas_resolve_host(text) to simpul_app, simpul_platform;

-- Effective entitlement, the ONE place it is computed: the plan's limits + active add-ons ×
-- quantity + unexpired overrides, at `p_at` (the application's clock). A limit the plan lacks
-- is unlimited (no row). Security invoker: tenant staff get their own tenant only.
create function saas_effective_limits(p_tenant uuid, p_at timestamptz)
  returns table (limit_name text, limit_value bigint) language sql stable as $$
    with plan as (
      select p.* from saas_plans p
      where p.id = coalesce((select s.plan_id from saas_subscriptions s where s.tenant_id = p_tenant),
                            (select d.id from saas_plans d where d.is_default))
    ), parts as (
      select l.key as limit_name, l.value::bigint as v from plan, jsonb_each_text(plan.limits) l
      union all
      select a.limit_name, a.amount::bigint * ta.quantity from saas_tenant_addons ta join saas_addons a on a.id = ta.addon_id
      where ta.tenant_id = p_tenant and ta.status = 'active' and a.limit_name is not null and (ta.ends_at is null or ta.ends_at > p_at)
        and a.limit_name in (select key from plan, jsonb_object_keys(plan.limits) key)
      union all
      select o.limit_name, o.amount from saas_overrides o
      where o.tenant_id = p_tenant and o.limit_name is not null and o.ended_at is null and o.ends_at > p_at
        and o.limit_name in (select key from plan, jsonb_object_keys(plan.limits) key)
    )
    select limit_name, greatest(sum(v), 0)::bigint from parts group by limit_name
  $$;

-- Effective features: the plan's, plus feature add-ons, then overrides (on or off), then the
-- platform's kill switches.
create function saas_effective_features(p_tenant uuid, p_at timestamptz)
  returns table (feature text) language sql stable as $$
    with plan as (
      select p.* from saas_plans p
      where p.id = coalesce((select s.plan_id from saas_subscriptions s where s.tenant_id = p_tenant),
                            (select d.id from saas_plans d where d.is_default))
    ), overrides as (
      select distinct on (o.feature) o.feature, o.feature_enabled from saas_overrides o
      where o.tenant_id = p_tenant and o.feature is not null and o.ended_at is null and o.ends_at > p_at
      order by o.feature, o.created_at desc
    ), granted as (
      select unnest(plan.features) as feature from plan
      union
      select a.feature from saas_tenant_addons ta join saas_addons a on a.id = ta.addon_id
      where ta.tenant_id = p_tenant and ta.status = 'active' and a.feature is not null and (ta.ends_at is null or ta.ends_at > p_at)
      union
      select feature from overrides where feature_enabled
    )
    select g.feature from granted g
    where not exists (select 1 from overrides o where o.feature = g.feature and not o.feature_enabled)
      and not exists (select 1 from saas_feature_switches s where s.feature = g.feature and not s.enabled)
  $$;
grant execute on function saas_effective_limits(uuid, timestamptz), saas_effective_features(uuid, timestamptz) to simpul_app, simpul_platform;

-- Counts only, for the super admin and the reconciliation worker (like platform_tenant_summaries).
create view saas_tenant_usage as
  -- Built on the owners' published counts (customers, network, identity) and the tenants list.
  select t.id as tenant_id,
         coalesce(c.customers, 0)::bigint as customers,
         coalesce(r.routers, 0)::bigint as routers,
         coalesce(t.staff_count, 0)::bigint as staff
  from platform_tenant_summaries t
  left join customers_counts c on c.tenant_id = t.id
  left join network_router_counts r on r.tenant_id = t.id;
grant select on saas_tenant_usage to simpul_platform;
-- A tenant's own counts (the owner's subscription page).
create view saas_my_usage as select * from saas_tenant_usage where tenant_id = app_tenant_id();
grant select on saas_my_usage to simpul_app;

-- Platform numbering of SaaS invoices (per month).
create table saas_invoice_counters (
  month text primary key,
  last_value int not null
);
grant select, insert, update on saas_invoice_counters to simpul_app, simpul_platform;

insert into saas_plans (id, code, name, monthly_price, limits, features, is_default, created_at) values
  ('01900000-0000-7000-8000-000000000001', 'dasar', 'Dasar', 250000,
   '{"customers": 2000, "routers": 50, "staff": 50, "collectors": 20, "technicians": 20, "odps": 1000, "whatsapp_messages": 20000, "photo_storage_mb": 5120}',
   array['radius', 'payment_gateways', 'collectors', 'ftth_maps', 'technicians', 'customer_portal', 'custom_domain', 'api_tokens'], true, now());
