-- WhatsApp notifications: the platform's provider catalog, each tenant's settings, templates,
-- opt-outs and the message log that is also the delivery queue.

-- Platform table (super admin): which providers tenants may use, and the platform default.
-- A default other than the dev inbox carries the platform's own account (sealed), used by
-- tenants that have not set up their own.
create table notifications_providers (
  provider text primary key check (provider in ('whatsapp_cloud', 'fonnte', 'wablas', 'dev_inbox')),
  enabled boolean not null default true,
  is_default boolean not null default false,
  sealed_config text,
  sender text,
  updated_at timestamptz not null default now(),
  check (not is_default or enabled),
  check (not is_default or provider = 'dev_inbox' or sealed_config is not null)
);
create unique index notifications_providers_one_default on notifications_providers (is_default) where is_default;
insert into notifications_providers (provider, enabled, is_default) values
  ('dev_inbox', true, true), ('whatsapp_cloud', true, false), ('fonnte', true, false), ('wablas', true, false);
grant select, update on notifications_providers to simpul_platform;
-- Tenants see what is offered, never the platform's credentials.
grant select (provider, enabled, is_default) on notifications_providers to simpul_app;

-- One row per tenant, created with defaults on first use. provider null = the platform default.
create table notifications_settings (
  tenant_id uuid primary key references tenants (id),
  language text not null default 'id' check (language in ('id', 'en')),
  -- Minutes after local midnight; both null = no quiet hours.
  quiet_start_minute int default 1260 check (quiet_start_minute between 0 and 1439),
  quiet_end_minute int default 420 check (quiet_end_minute between 0 and 1439),
  notify_outage_customers boolean not null default false,
  notify_router_errors boolean not null default true,
  -- What {{payment_link}} says when no better link exists (a payment page, bank details).
  payment_link text,
  provider text check (provider in ('whatsapp_cloud', 'fonnte', 'wablas', 'dev_inbox')),
  sealed_config text,
  sender text,
  -- Fonnte and Wablas sign nothing: their status webhooks must quote this key.
  webhook_key text not null,
  updated_at timestamptz not null,
  check ((quiet_start_minute is null) = (quiet_end_minute is null)),
  check ((provider is null) = (sealed_config is null))
);
alter table notifications_settings enable row level security;
create policy tenant_isolation on notifications_settings to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on notifications_settings to simpul_app;

-- A tenant's own wording; the built-in default applies where there is no row.
create table notifications_templates (
  tenant_id uuid not null references tenants (id),
  kind text not null,
  language text not null check (language in ('id', 'en')),
  body text not null,
  updated_at timestamptz not null,
  primary key (tenant_id, kind, language)
);
alter table notifications_templates enable row level security;
create policy tenant_isolation on notifications_templates to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update, delete on notifications_templates to simpul_app;

-- Customers who asked not to receive WhatsApp messages.
create table notifications_opt_outs (
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  reason text,
  created_at timestamptz not null,
  primary key (tenant_id, customer_id)
);
alter table notifications_opt_outs enable row level security;
create policy tenant_isolation on notifications_opt_outs to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, delete on notifications_opt_outs to simpul_app;

-- One row per (event, rule, recipient): the message log and the delivery queue in one.
create table notifications_messages (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  -- "<event id>/<rule>/<recipient>": a redelivered event inserts nothing twice.
  idempotency_key text not null unique,
  event_id uuid,
  rule text not null,
  kind text not null,
  urgent boolean not null,
  recipient_type text not null check (recipient_type in ('customer', 'staff')),
  recipient_id uuid,
  recipient_name text not null,
  to_phone text,
  language text not null,
  body text not null,
  status text not null
    check (status in ('pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown', 'skipped')),
  reason text,
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  -- Set while a worker sends; a result is written back only by the claim that sent it.
  claim_id uuid,
  lease_until timestamptz,
  provider text,
  sender text,
  external_id text,
  created_at timestamptz not null,
  sent_at timestamptz,
  delivered_at timestamptz,
  read_at timestamptz,
  failed_at timestamptz,
  updated_at timestamptz not null
);
create index notifications_messages_due on notifications_messages (next_attempt_at) where status = 'pending';
create index notifications_messages_leased on notifications_messages (lease_until) where status = 'sending';
create index notifications_messages_log on notifications_messages (tenant_id, created_at desc);
create index notifications_messages_external on notifications_messages (tenant_id, provider, external_id) where external_id is not null;
create index notifications_messages_sent on notifications_messages (tenant_id, sent_at) where sent_at is not null;
alter table notifications_messages enable row level security;
create policy tenant_isolation on notifications_messages to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on notifications_messages to simpul_app;
