-- Cable routes drawn on the FTTH map: a line of points, optionally from an ODC and/or to an ODP
-- (so a cable follows its element's outage colour). The maps module's table.
create table maps_cables (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  name text not null check (length(name) between 1 and 120),
  kind text not null check (kind in ('feeder', 'distribution', 'drop')),
  -- [[lat, lng], …] along the route.
  points jsonb not null check (jsonb_typeof(points) = 'array' and jsonb_array_length(points) between 2 and 500),
  length_m int not null check (length_m >= 0),
  odc_id uuid,
  odp_id uuid,
  created_at timestamptz not null,
  constraint maps_cables_odc_fk foreign key (tenant_id, odc_id) references maps_odcs (tenant_id, id),
  constraint maps_cables_odp_fk foreign key (tenant_id, odp_id) references maps_odps (tenant_id, id)
);
alter table maps_cables enable row level security;
create policy tenant_isolation on maps_cables to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update, delete on maps_cables to simpul_app;
