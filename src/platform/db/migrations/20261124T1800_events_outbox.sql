-- Transactional outbox: a business transaction inserts its events here, so an event exists if
-- and only if its change committed. The relay (owner connection: it must read every tenant's
-- events, which no application role may) hands committed rows to the transport.
create table event_outbox (
  id uuid primary key,
  -- Commit-independent publication order; the relay hands rows over in this order.
  seq bigint generated always as identity unique,
  tenant_id uuid not null references tenants (id),
  topic text not null,
  type text not null,
  version int not null,
  key text,
  occurred_at timestamptz not null,
  correlation_id text not null,
  causation_id uuid,
  data jsonb not null,
  relayed_at timestamptz
);
create index event_outbox_unrelayed on event_outbox (seq) where relayed_at is null;
-- Per-key ordering looks up a key's earlier events.
create index event_outbox_key on event_outbox (tenant_id, key, seq) where key is not null;
alter table event_outbox enable row level security;
create policy tenant_isolation on event_outbox to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
-- The platform publishes events about a tenant (plan changed) but never reads tenant events.
create policy platform_publish on event_outbox for insert to simpul_platform with check (true);
grant select, insert on event_outbox to simpul_app;
grant insert on event_outbox to simpul_platform;

-- Wakes the relay at commit instead of waiting for its next poll.
create function event_outbox_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('event_outbox', '');
  return null;
end $$;
create trigger event_outbox_notify after insert on event_outbox
  for each statement execute function event_outbox_notify();

-- Inbox: a handler's database effects commit together with its row here, so a redelivered
-- event is recognised and never applied twice.
create table event_inbox (
  handler_id text not null,
  event_id uuid not null,
  tenant_id uuid not null references tenants (id),
  processed_at timestamptz not null default now(),
  primary key (handler_id, event_id)
);
alter table event_inbox enable row level security;
create policy tenant_isolation on event_inbox to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert on event_inbox to simpul_app;

-- Deliveries that failed: 'retrying' while attempts remain, 'dead' after the last one (a dead
-- letter). A success or a replay removes the row.
create table event_failures (
  handler_id text not null,
  event_id uuid not null,
  tenant_id uuid not null references tenants (id),
  event_type text not null,
  status text not null check (status in ('retrying', 'dead')),
  attempts int not null,
  error_kind text not null check (error_kind in ('retryable', 'permanent', 'lost')),
  last_error text not null,
  first_failed_at timestamptz not null,
  last_failed_at timestamptz not null,
  primary key (handler_id, event_id)
);
create index event_failures_status on event_failures (status, last_failed_at);
alter table event_failures enable row level security;
create policy tenant_isolation on event_failures to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update, delete on event_failures to simpul_app;
