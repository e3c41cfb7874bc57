-- Customer portal (/p/<slug>) and the isolir landing page: one-time WhatsApp codes, portal
-- sessions and complaints. Codes and session tokens are stored as SHA-256 only.
create table portal_challenges (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  -- null when the identifier matched no customer: the same row is written either way, so the
  -- answer and the work done never tell a customer's number from a stranger's.
  customer_id uuid,
  identifier_hash text not null,  -- SHA-256 of the normalised identifier (E.164 phone or upper-case code)
  address text not null,          -- the requesting address, for the per-address limit
  code_hash text not null,        -- SHA-256 of (challenge id, code)
  attempts int not null default 0,
  expires_at timestamptz not null,
  consumed_at timestamptz,
  created_at timestamptz not null,
  unique (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index portal_challenges_identifier on portal_challenges (tenant_id, identifier_hash, created_at);
create index portal_challenges_address on portal_challenges (tenant_id, address, created_at);

create table portal_sessions (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  created_at timestamptz not null,
  revoked_at timestamptz,
  unique (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);

create table portal_complaints (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  kind text not null check (kind in ('no_internet', 'slow', 'other')),
  message text not null,
  created_at timestamptz not null,
  unique (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index portal_complaints_customer on portal_complaints (tenant_id, customer_id, created_at);

do $$
declare t text;
begin
  foreach t in array array['portal_challenges', 'portal_sessions', 'portal_complaints'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
    execute format('grant select, insert, update on %I to simpul_app', t);
  end loop;
end $$;
