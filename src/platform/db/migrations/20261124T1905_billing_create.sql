-- A tenant's billing rules. One row per tenant, created with defaults on first use.
create table billing_policies (
  tenant_id uuid primary key references tenants (id),
  billing_day int not null default 1 check (billing_day between 1 and 31), -- clamped to the month's last day
  due_days int not null default 9 check (due_days between 0 and 60),     -- due = issue date + due_days
  grace_days int not null default 3 check (grace_days between 0 and 60),
  isolation_trigger text not null default 'overdue_after_grace_period'
    check (isolation_trigger in ('invoice_due_unpaid', 'invoice_overdue', 'overdue_after_grace_period')),
  auto_isolate boolean not null default true,
  auto_restore boolean not null default true,
  notify_unpaid boolean not null default true,
  notify_isolated boolean not null default true,
  notify_reconnected boolean not null default true,
  updated_at timestamptz not null
);
alter table billing_policies enable row level security;
create policy tenant_isolation on billing_policies to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on billing_policies to simpul_app;

-- Days on which nothing is isolated (Lebaran, Nyepi …), in the tenant's local calendar.
create table billing_isolation_exclusions (
  tenant_id uuid not null references tenants (id),
  day date not null,
  reason text not null,
  primary key (tenant_id, day)
);
alter table billing_isolation_exclusions enable row level security;
create policy tenant_isolation on billing_isolation_exclusions to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update, delete on billing_isolation_exclusions to simpul_app;

create table billing_invoices (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  number text not null,
  customer_id uuid not null,
  period date not null check (extract(day from period) = 1), -- the month billed
  issue_date date not null,
  due_date date not null,
  amount bigint not null check (amount > 0), -- integer rupiah
  description text not null,
  status text not null default 'unpaid'
    check (status in ('unpaid', 'awaiting_setoran', 'setoran_confirmed', 'paid', 'void')),
  -- How far the daily scan has taken this invoice; each step is announced exactly once.
  stage text not null default 'issued' check (stage in ('issued', 'due_unpaid', 'overdue', 'grace_expired')),
  paid_at timestamptz,
  void_reason text,
  created_at timestamptz not null,
  unique (tenant_id, number),
  unique (tenant_id, customer_id, period)
);
create index billing_invoices_open on billing_invoices (tenant_id, due_date) where status = 'unpaid';
create index billing_invoices_customer on billing_invoices (tenant_id, customer_id, period desc);
alter table billing_invoices enable row level security;
create policy tenant_isolation on billing_invoices to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on billing_invoices to simpul_app;

-- Money received. A provider's reference is unique, so a repeated notification can't pay twice.
create table billing_payments (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  invoice_id uuid not null references billing_invoices (id),
  amount bigint not null check (amount > 0),
  method text not null check (method in ('cash', 'transfer', 'gateway', 'collector')),
  provider text,
  provider_ref text,
  recorded_by uuid,
  received_at timestamptz not null,
  note text,
  unique (provider, provider_ref)
);
alter table billing_payments enable row level security;
create policy tenant_isolation on billing_payments to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on billing_payments to simpul_app;

-- Every money movement of an invoice, including the collector chain's steps.
-- Tenant-internal: the platform role has no grant (the super admin never reads it).
create table billing_payment_history (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  invoice_id uuid not null references billing_invoices (id),
  customer_id uuid not null,
  type text not null check (type in ('gateway', 'manual', 'collected_by_collector', 'setoran_confirmed', 'deposited', 'voided')),
  amount bigint not null,
  actor_user_id uuid,
  reference text,
  created_at timestamptz not null
);
create index billing_payment_history_invoice on billing_payment_history (tenant_id, invoice_id, created_at);
alter table billing_payment_history enable row level security;
create policy tenant_isolation on billing_payment_history to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on billing_payment_history to simpul_app;

-- Payment links handed to customers: the provider's order id leads back to the invoice.
create table billing_payment_links (
  order_id text primary key,
  tenant_id uuid not null references tenants (id),
  invoice_id uuid not null references billing_invoices (id),
  provider text not null,
  url text not null,
  amount bigint not null,
  expires_at timestamptz,
  created_at timestamptz not null
);
alter table billing_payment_links enable row level security;
create policy tenant_isolation on billing_payment_links to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on billing_payment_links to simpul_app;

-- Every gateway notification as received, verified or not, with what became of it.
create table billing_gateway_notifications (
  id uuid primary key,
  tenant_id uuid references tenants (id),
  provider text not null,
  order_id text,
  outcome text not null, -- paid | duplicate | signature_invalid | amount_mismatch | unknown_order | ignored
  detail text,
  raw_body text not null,
  received_at timestamptz not null
);
alter table billing_gateway_notifications enable row level security;
create policy tenant_isolation on billing_gateway_notifications to simpul_app
  using (tenant_id = app_tenant_id() or (tenant_id is null and app_tenant_id() is null))
  with check (tenant_id is not distinct from app_tenant_id());
grant select, insert on billing_gateway_notifications to simpul_app;

-- A tenant's accounts at payment providers; the credentials are sealed (AES-256-GCM).
create table billing_gateway_accounts (
  tenant_id uuid not null references tenants (id),
  provider text not null check (provider in ('midtrans', 'xendit', 'tripay')),
  sealed_config text not null,
  is_active boolean not null default true,
  updated_at timestamptz not null,
  primary key (tenant_id, provider)
);
alter table billing_gateway_accounts enable row level security;
create policy tenant_isolation on billing_gateway_accounts to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on billing_gateway_accounts to simpul_app;
