-- Import jobs (issue 19): "confirm" queues a job; a worker imports its rows in chunks, each chunk
-- committed with its progress, so a 10,000-line file holds no request and a crash resumes where
-- the last chunk ended.

create table imports_jobs (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  source text not null,
  mode text not null check (mode in ('skip', 'update')),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  rows_total int not null,
  rows_done int not null default 0,       -- rows handled without a problem (created, updated or skipped)
  rows_failed int not null default 0,     -- rows with problems (the file's, or refused while importing)
  pakets_created int not null default 0,
  customers_created int not null default 0,
  customers_updated int not null default 0,
  customers_skipped int not null default 0,
  error text,                             -- why the whole job failed (a row's problem stays on its row)
  lease_until timestamptz,                -- a worker holds the job while it imports a chunk
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  unique (tenant_id, id),
  check (rows_done + rows_failed <= rows_total)
);
create index imports_jobs_due on imports_jobs (created_at) where status in ('queued', 'running');
create index imports_jobs_recent on imports_jobs (tenant_id, created_at desc);

-- One row per paket or customer of the file, in import order (pakets first). The payload (which
-- may hold a PPPoE password) is dropped once the row is handled; label and outcome stay.
create table imports_job_rows (
  tenant_id uuid not null references tenants (id),
  job_id uuid not null,
  seq int not null,
  line int not null,
  kind text not null check (kind in ('paket', 'customer')),
  label text not null,
  payload jsonb,
  status text not null default 'pending' check (status in ('pending', 'created', 'existing', 'updated', 'skipped', 'failed')),
  problems jsonb not null default '[]',
  primary key (tenant_id, job_id, seq),
  constraint imports_job_rows_job_fk foreign key (tenant_id, job_id) references imports_jobs (tenant_id, id) on delete cascade
);
create index imports_job_rows_pending on imports_job_rows (tenant_id, job_id, seq) where status = 'pending';

alter table imports_jobs enable row level security;
create policy tenant_isolation on imports_jobs to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on imports_jobs to simpul_app;
alter table imports_job_rows enable row level security;
create policy tenant_isolation on imports_job_rows to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on imports_job_rows to simpul_app;
