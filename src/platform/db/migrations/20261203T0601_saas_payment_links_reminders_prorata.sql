-- Issue 17, SaaS billing. A SaaS invoice's payment link at the platform's own gateway account
-- (created once: Midtrans refuses a second Snap transaction for an order id), the two
-- reminders to the owner (sent once each), and pro-rata adjustments.
alter table saas_invoices
  add column payment_url text,
  add column payment_link_expires_at timestamptz,
  add column reminded_before_at timestamptz,
  add column reminded_due_at timestamptz;

-- A plan change mid-period: the rest of the period at the new price minus the old (a debit, or
-- a credit when negative), billed on the next monthly invoice (`invoice_id` once billed).
create table saas_adjustments (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  period date not null check (extract(day from period) = 1),
  description text not null,
  amount bigint not null check (amount <> 0),
  invoice_id uuid,
  created_at timestamptz not null,
  constraint saas_adjustments_invoice_fk foreign key (tenant_id, invoice_id) references saas_invoices (tenant_id, id)
);
create index saas_adjustments_unbilled on saas_adjustments (tenant_id) where invoice_id is null;
alter table saas_adjustments enable row level security;
create policy tenant_isolation on saas_adjustments to simpul_app using (tenant_id = app_tenant_id());
create policy platform_all on saas_adjustments to simpul_platform using (true) with check (true);
grant select on saas_adjustments to simpul_app;
grant select, insert, update on saas_adjustments to simpul_platform;
