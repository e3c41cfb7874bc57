-- The first answer to a money-moving POST sent with an Idempotency-Key, stored in the same
-- transaction as its effect: a retry whose answer was lost gets that answer again instead of
-- a 409 it can't tell from "someone else paid". Scoped per tenant, user and route; kept 24 h.
create table http_idempotency_keys (
  tenant_id uuid not null references tenants (id),
  user_id uuid not null,
  route text not null,            -- method and route pattern, e.g. 'POST /api/invoices/:invoiceId/payments'
  key text not null,
  request_hash text not null,     -- SHA-256 of the validated params and body: same key, other request → refused
  status int not null,
  response_body text not null,    -- exactly the bytes first sent
  created_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (tenant_id, user_id, route, key),
  foreign key (tenant_id, user_id) references identity_memberships (tenant_id, user_id)
);
create index http_idempotency_keys_expiry on http_idempotency_keys (tenant_id, expires_at);
alter table http_idempotency_keys enable row level security;
create policy tenant_isolation on http_idempotency_keys to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update, delete on http_idempotency_keys to simpul_app;
