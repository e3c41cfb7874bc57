-- One row per run. A scheduled (job, tenant, slot) is unique: that is what makes a slot run once
-- even with several scheduler and worker processes. Manual runs use the request time as their
-- slot and are never merged. Operational metadata, not tenant data: the scheduler works across
-- tenants as the platform.
create table job_runs (
  id uuid primary key,
  job_name text not null,
  tenant_id uuid not null references tenants (id),
  slot timestamptz not null,
  trigger text not null check (trigger in ('schedule', 'manual')),
  status text not null default 'pending' check (status in ('pending', 'running', 'succeeded', 'failed', 'skipped')),
  attempts int not null default 0,
  progress_done int not null default 0,
  progress_total int,
  progress_message text,
  error text,
  created_at timestamptz not null,
  started_at timestamptz,
  heartbeat_at timestamptz,
  finished_at timestamptz
);
create unique index job_runs_scheduled_slot on job_runs (job_name, tenant_id, slot) where trigger = 'schedule';
create index job_runs_claimable on job_runs (slot) where status in ('pending', 'running');
grant select, insert, update on job_runs to simpul_platform;
