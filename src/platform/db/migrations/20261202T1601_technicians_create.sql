-- Technicians: work orders (tasks) with their assignees and status history, activity logs
-- (on a task or free-standing on an element), photos (bytes in the photo storage, metadata
-- here), and for an outage fix the affected lines re-checked and whether each came back online.

create table technicians_settings (
  tenant_id uuid primary key references tenants (id),
  -- 'clear': an outage-fix task closes the outage; 'propose': it proposes, an admin confirms.
  outage_fix_mode text not null default 'clear' check (outage_fix_mode in ('clear', 'propose')),
  -- Closed tasks (done / cancelled) older than this are deleted with their photos.
  retention_days int not null default 365 check (retention_days between 30 and 3650),
  updated_at timestamptz not null
);

create table technicians_tasks (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  number int not null,
  kind text not null check (kind in ('installation', 'repair', 'outage_fix', 'relocation', 'dismantle', 'survey')),
  title text not null check (length(title) between 1 and 200),
  description text check (description is null or length(description) <= 4000),
  target_kind text not null check (target_kind in ('customer', 'odp', 'odc', 'outage')),
  customer_id uuid,
  odp_id uuid,
  odc_id uuid,
  outage_id uuid,
  target_name text not null,
  latitude double precision check (latitude is null or latitude between -90 and 90),
  longitude double precision check (longitude is null or longitude between -180 and 180),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  due_at timestamptz,
  status text not null default 'open' check (status in ('open', 'assigned', 'on_the_way', 'working', 'done', 'cancelled')),
  source text not null check (source in ('staff', 'complaint', 'outage')),
  created_by uuid,
  checklist jsonb,
  fix_requested_at timestamptz,
  fix_applied_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz,
  unique (tenant_id, id),
  unique (tenant_id, number),
  check ((target_kind = 'customer') = (customer_id is not null) and (target_kind = 'odp') = (odp_id is not null)
         and (target_kind = 'odc') = (odc_id is not null) and (target_kind = 'outage') = (outage_id is not null)),
  check (kind <> 'outage_fix' or target_kind = 'outage'),
  check ((status in ('done', 'cancelled')) = (closed_at is not null)),
  constraint technicians_tasks_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint technicians_tasks_odp_fk foreign key (tenant_id, odp_id) references maps_odps (tenant_id, id),
  constraint technicians_tasks_odc_fk foreign key (tenant_id, odc_id) references maps_odcs (tenant_id, id),
  constraint technicians_tasks_outage_fk foreign key (tenant_id, outage_id) references maps_outages (tenant_id, id),
  constraint technicians_tasks_created_by_fk foreign key (tenant_id, created_by) references identity_memberships (tenant_id, user_id)
);
-- One outage-fix task per outage: the request event may come twice, staff may try again.
create unique index technicians_tasks_one_per_outage on technicians_tasks (tenant_id, outage_id) where kind = 'outage_fix';
create index technicians_tasks_status on technicians_tasks (tenant_id, status, due_at);
create index technicians_tasks_closed on technicians_tasks (tenant_id, closed_at) where closed_at is not null;

create table technicians_task_assignees (
  task_id uuid not null,
  tenant_id uuid not null references tenants (id),
  user_id uuid not null,
  assigned_at timestamptz not null,
  primary key (task_id, user_id),
  constraint technicians_task_assignees_task_fk foreign key (tenant_id, task_id) references technicians_tasks (tenant_id, id) on delete cascade,
  constraint technicians_task_assignees_user_fk foreign key (tenant_id, user_id) references identity_memberships (tenant_id, user_id)
);
create index technicians_task_assignees_user on technicians_task_assignees (tenant_id, user_id);

create table technicians_task_history (
  id uuid primary key,
  seq bigint generated always as identity,
  tenant_id uuid not null references tenants (id),
  task_id uuid not null,
  from_status text,
  to_status text not null,
  actor_user_id uuid,
  note text,
  created_at timestamptz not null,
  constraint technicians_task_history_task_fk foreign key (tenant_id, task_id) references technicians_tasks (tenant_id, id) on delete cascade,
  constraint technicians_task_history_actor_fk foreign key (tenant_id, actor_user_id) references identity_memberships (tenant_id, user_id)
);
create index technicians_task_history_task on technicians_task_history (tenant_id, task_id, seq);

create table technicians_activities (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  task_id uuid,
  element_kind text check (element_kind in ('customer', 'odp', 'odc')),
  customer_id uuid,
  odp_id uuid,
  odc_id uuid,
  element_name text,
  technician_id uuid not null,
  note text not null check (length(note) between 1 and 4000),
  status_change text,
  -- The client's Idempotency-Key: a queued activity sent twice is stored once.
  client_key text check (client_key is null or length(client_key) between 1 and 100),
  created_at timestamptz not null,
  unique (tenant_id, id),
  check ((task_id is not null) <> (element_kind is not null)),
  check (element_kind is null or ((element_kind = 'customer') = (customer_id is not null) and (element_kind = 'odp') = (odp_id is not null)
         and (element_kind = 'odc') = (odc_id is not null))),
  constraint technicians_activities_task_fk foreign key (tenant_id, task_id) references technicians_tasks (tenant_id, id) on delete cascade,
  constraint technicians_activities_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  constraint technicians_activities_odp_fk foreign key (tenant_id, odp_id) references maps_odps (tenant_id, id),
  constraint technicians_activities_odc_fk foreign key (tenant_id, odc_id) references maps_odcs (tenant_id, id),
  constraint technicians_activities_technician_fk foreign key (tenant_id, technician_id) references identity_memberships (tenant_id, user_id)
);
create unique index technicians_activities_client_key on technicians_activities (tenant_id, technician_id, client_key) where client_key is not null;
create index technicians_activities_task on technicians_activities (tenant_id, task_id, created_at);

create table technicians_photos (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  task_id uuid,
  activity_id uuid,
  uploaded_by uuid not null,
  storage_key text not null,
  thumbnail_key text not null,
  content_type text not null,
  size_bytes int not null,
  width int not null,
  height int not null,
  -- Read from EXIF before the metadata was stripped from the stored image.
  latitude double precision check (latitude is null or latitude between -90 and 90),
  longitude double precision check (longitude is null or longitude between -180 and 180),
  taken_at timestamptz,
  client_key text check (client_key is null or length(client_key) between 1 and 100),
  created_at timestamptz not null,
  check (task_id is not null or activity_id is not null),
  constraint technicians_photos_task_fk foreign key (tenant_id, task_id) references technicians_tasks (tenant_id, id) on delete cascade,
  constraint technicians_photos_activity_fk foreign key (tenant_id, activity_id) references technicians_activities (tenant_id, id) on delete cascade,
  constraint technicians_photos_uploader_fk foreign key (tenant_id, uploaded_by) references identity_memberships (tenant_id, user_id)
);
create unique index technicians_photos_client_key on technicians_photos (tenant_id, uploaded_by, client_key) where client_key is not null;
create index technicians_photos_task on technicians_photos (tenant_id, task_id);
create index technicians_photos_activity on technicians_photos (tenant_id, activity_id);

-- The affected lines of an outage-fix task: re-checked against routers and RADIUS when the
-- outage cleared, and whether each came back online within 10 minutes (RADIUS accounting Start).
create table technicians_task_lines (
  task_id uuid not null,
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  rechecked_at timestamptz not null,
  back_online_at timestamptz,
  primary key (task_id, customer_id),
  constraint technicians_task_lines_task_fk foreign key (tenant_id, task_id) references technicians_tasks (tenant_id, id) on delete cascade,
  constraint technicians_task_lines_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index technicians_task_lines_customer on technicians_task_lines (tenant_id, customer_id) where back_online_at is null;

do $$
declare t text;
begin
  foreach t in array array['technicians_settings', 'technicians_tasks', 'technicians_task_assignees', 'technicians_task_history',
    'technicians_activities', 'technicians_photos', 'technicians_task_lines'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I to simpul_app using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;
grant select, insert, update on technicians_settings to simpul_app;
grant select, insert, update, delete on technicians_tasks, technicians_task_assignees, technicians_task_history,
  technicians_activities, technicians_photos, technicians_task_lines to simpul_app;
