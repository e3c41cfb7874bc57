-- Money desk (issue 19): partial payments (cicilan), receipts (kuitansi), receipt settings.

-- Partial payments are a tenant option (off: a payment must equal what remains, as before).
-- partial_restores: whether a partly paid invoice stops holding the line (default no: isolated until paid).
alter table billing_policies
  add column partial_payments boolean not null default false,
  add column partial_restores boolean not null default false,
  add column receipt_address text not null default '',      -- printed under the ISP's name on receipts
  add column receipt_whatsapp boolean not null default false; -- offer the receipt link by WhatsApp

-- What has been paid so far; the invoice is `paid` only when nothing remains.
alter table billing_invoices
  add column paid_amount bigint not null default 0,
  add constraint billing_invoices_paid_amount_range check (paid_amount >= 0 and paid_amount <= amount);
update billing_invoices set paid_amount = amount where status = 'paid';

alter table billing_payments add constraint billing_payments_tenant_id_id_key unique (tenant_id, id);

-- One receipt per payment, whatever its source (office, gateway, collector), numbered per tenant.
create table billing_receipts (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  number text not null,
  payment_id uuid not null,
  invoice_id uuid not null,
  customer_id uuid not null,
  amount bigint not null check (amount > 0),
  method text not null,
  staff_user_id uuid,
  issued_at timestamptz not null,
  unique (tenant_id, number),
  unique (tenant_id, payment_id),
  constraint billing_receipts_payment_fk foreign key (tenant_id, payment_id) references billing_payments (tenant_id, id),
  constraint billing_receipts_invoice_fk foreign key (tenant_id, invoice_id) references billing_invoices (tenant_id, id),
  constraint billing_receipts_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint billing_receipts_staff_fk foreign key (tenant_id, staff_user_id) references identity_memberships (tenant_id, user_id)
);
create index billing_receipts_issued on billing_receipts (tenant_id, issued_at);
alter table billing_receipts enable row level security;
create policy tenant_isolation on billing_receipts to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on billing_receipts to simpul_app;
