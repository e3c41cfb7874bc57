-- FreeRADIUS 3 on the application database: the tables and columns its stock PostgreSQL
-- queries (mods-config/sql/main/postgresql/queries.conf) read and write, plus tenancy.
--
-- Who touches what:
-- - FreeRADIUS logs in as `simpul_radius` (LOGIN, no password here: a deployment sets one with
--   ALTER ROLE simpul_radius PASSWORD '…' and writes it into the sql module, or allows the role by
--   pg_hba). It reads the auth tables of every tenant and writes radacct / radpostauth; it has no
--   grant on anything else. It does not read `nas`: the secrets there are sealed, so FreeRADIUS
--   takes its clients from clients.conf (see freeradius-config.ts).
-- - The application (`simpul_app`) writes a tenant's radcheck / radreply / radusergroup /
--   radgroupreply / nas rows under RLS, and reads radacct / radpostauth only for usernames its
--   tenant owns.
--
-- Group names carry their tenant: `<tenantId>:plan:<profile>` and `<tenantId>:isolir`. A check
-- ties every group name to the row's tenant_id, so one tenant can neither read nor write (nor
-- put its users into) another tenant's groups, while FreeRADIUS still looks groups up by name.
do $$
begin
  begin create role simpul_radius login; exception when duplicate_object then null; end;
end $$;
grant usage on schema public to simpul_radius;

-- Who owns a RADIUS username: one tenant and one customer line. The primary key makes a PPPoE
-- username unique across tenants; the per-user tables reference (username, tenant_id), so no row
-- of a username can belong to another tenant than its owner.
create table radius_users (
  username text primary key check (username ~ '^[A-Za-z0-9@._-]{1,64}$'),
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null, -- the customers module's id; no foreign key across modules
  created_at timestamptz not null default now(),
  unique (username, tenant_id),
  unique (tenant_id, customer_id)
);
alter table radius_users enable row level security;
create policy tenant_isolation on radius_users to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update, delete on radius_users to simpul_app;

create table radcheck (
  id serial primary key,
  tenant_id uuid not null,
  username text not null default '',
  attribute text not null default '',
  op varchar(2) not null default '==',
  value text not null default '',
  foreign key (username, tenant_id) references radius_users (username, tenant_id) on delete cascade
);
create index radcheck_username on radcheck (username, attribute);

create table radreply (
  id serial primary key,
  tenant_id uuid not null,
  username text not null default '',
  attribute text not null default '',
  op varchar(2) not null default '=',
  value text not null default '',
  foreign key (username, tenant_id) references radius_users (username, tenant_id) on delete cascade
);
create index radreply_username on radreply (username, attribute);

create table radusergroup (
  id serial primary key,
  tenant_id uuid not null,
  username text not null default '',
  groupname text not null default '' check (split_part(groupname, ':', 1) = tenant_id::text),
  priority integer not null default 0,
  foreign key (username, tenant_id) references radius_users (username, tenant_id) on delete cascade
);
create index radusergroup_username on radusergroup (username);

create table radgroupreply (
  id serial primary key,
  tenant_id uuid not null references tenants (id),
  groupname text not null default '' check (split_part(groupname, ':', 1) = tenant_id::text),
  attribute text not null default '',
  op varchar(2) not null default '=',
  value text not null default ''
);
create index radgroupreply_groupname on radgroupreply (groupname, attribute);

-- Read by FreeRADIUS's stock queries; Simpul puts no check items on groups.
create table radgroupcheck (
  id serial primary key,
  groupname text not null default '',
  attribute text not null default '',
  op varchar(2) not null default '==',
  value text not null default ''
);
create index radgroupcheck_groupname on radgroupcheck (groupname, attribute);

do $$
declare t text;
begin
  foreach t in array array['radcheck', 'radreply', 'radusergroup', 'radgroupreply'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I to simpul_app
      using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
    execute format('create policy freeradius_reads on %I for select to simpul_radius using (true)', t);
    execute format('grant select, insert, update, delete on %I to simpul_app', t);
    execute format('grant select on %I to simpul_radius', t);
  end loop;
end $$;
grant select on radgroupcheck to simpul_radius;
grant usage on sequence radcheck_id_seq, radreply_id_seq, radusergroup_id_seq, radgroupreply_id_seq to simpul_app;

-- Sessions, written by FreeRADIUS from the NAS's accounting (stock columns).
create table radacct (
  radacctid bigserial primary key,
  acctsessionid text not null,
  acctuniqueid text not null unique,
  username text,
  realm text,
  nasipaddress inet not null,
  nasportid text,
  nasporttype text,
  acctstarttime timestamptz,
  acctupdatetime timestamptz,
  acctstoptime timestamptz,
  acctinterval bigint,
  acctsessiontime bigint,
  acctauthentic text,
  connectinfo_start text,
  connectinfo_stop text,
  acctinputoctets bigint,
  acctoutputoctets bigint,
  calledstationid text,
  callingstationid text,
  acctterminatecause text,
  servicetype text,
  framedprotocol text,
  framedipaddress inet,
  framedipv6address inet,
  framedipv6prefix inet,
  framedinterfaceid text,
  delegatedipv6prefix inet,
  class text
);
create index radacct_active_session_idx on radacct (acctuniqueid) where acctstoptime is null;
create index radacct_bulk_close on radacct (nasipaddress, acctstarttime) where acctstoptime is null;
create index radacct_open_by_user on radacct (username) where acctstoptime is null;
create index radacct_start_user_idx on radacct (acctstarttime, username);

-- Access-Accept / Access-Reject of every login attempt (stock columns).
create table radpostauth (
  id bigserial primary key,
  username text not null,
  pass text,
  reply text,
  calledstationid text,
  callingstationid text,
  authdate timestamptz not null default now(),
  class text
);
create index radpostauth_username_idx on radpostauth (username);

-- The stock accounting-on/off and simultaneous-use queries read it.
create table nasreload (
  nasipaddress inet primary key,
  reloadtime timestamptz not null
);

grant select, insert, update on radacct, radpostauth, nasreload to simpul_radius;
grant usage on sequence radacct_radacctid_seq, radpostauth_id_seq to simpul_radius;
-- A tenant sees the sessions and login attempts of the usernames it owns.
alter table radacct enable row level security;
alter table radpostauth enable row level security;
create policy freeradius_writes on radacct to simpul_radius using (true) with check (true);
create policy freeradius_writes on radpostauth to simpul_radius using (true) with check (true);
create policy tenant_usernames on radacct for select to simpul_app
  using (exists (select 1 from radius_users u where u.username = radacct.username and u.tenant_id = app_tenant_id()));
create policy tenant_usernames on radpostauth for select to simpul_app
  using (exists (select 1 from radius_users u where u.username = radpostauth.username and u.tenant_id = app_tenant_id()));
grant select on radacct to simpul_app;
-- Not `pass`: the password a failed login tried stays with FreeRADIUS.
grant select (id, username, reply, calledstationid, callingstationid, authdate, class) on radpostauth to simpul_app;

-- The routers that send RADIUS and take CoA / Disconnect requests. `secret` is sealed with the
-- master key (secret-box), so only the application can use it.
create table nas (
  id serial primary key,
  tenant_id uuid not null references tenants (id),
  router_id uuid unique references network_routers (id), -- the router this NAS is, when it is one
  nasname text not null unique, -- the NAS's IP address as RADIUS sees it (NAS-IP-Address)
  shortname text not null,
  type text not null default 'other',
  ports integer,
  secret text not null,
  server text,
  community text,
  description text,
  coa_port integer not null default 3799 check (coa_port between 1 and 65535)
);
alter table nas enable row level security;
create policy tenant_isolation on nas to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update, delete on nas to simpul_app;
grant usage on sequence nas_id_seq to simpul_app;

-- What happened on the RADIUS side, for network_events and the per-customer RADIUS log: a session
-- started or stopped (radacct), a login was rejected (radpostauth). Triggers attribute each entry
-- to the tenant and customer owning the username at that moment; unknown usernames are not logged.
-- A publisher takes unpublished entries (FOR UPDATE SKIP LOCKED) and marks them in the same
-- transaction as it publishes them, so an entry that commits late is still taken, never skipped.
create table radius_activity (
  seq bigint generated always as identity primary key,
  tenant_id uuid not null references tenants (id),
  customer_id uuid not null,
  kind text not null check (kind in ('session_started', 'session_stopped', 'auth_rejected')),
  radacct_id bigint references radacct (radacctid),
  radpostauth_id bigint references radpostauth (id),
  published_at timestamptz,
  check ((kind = 'auth_rejected') = (radpostauth_id is not null) and (radacct_id is null) = (radpostauth_id is not null))
);
create index radius_activity_unpublished on radius_activity (seq) where published_at is null;
create index radius_activity_customer on radius_activity (tenant_id, customer_id, seq desc);
alter table radius_activity enable row level security;
create policy tenant_isolation on radius_activity for select to simpul_app using (tenant_id = app_tenant_id());
grant select on radius_activity to simpul_app;

-- security definer: FreeRADIUS's role can neither read radius_users nor write this log itself.
create function radius_activity_from_radacct() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  -- A start, or an interim-update for a session whose start was lost.
  if tg_op = 'INSERT' and new.acctstoptime is null then
    insert into radius_activity (tenant_id, customer_id, kind, radacct_id)
      select u.tenant_id, u.customer_id, 'session_started', new.radacctid from radius_users u where u.username = new.username;
  end if;
  -- A stop (of a known session, or a stop whose start was lost).
  if new.acctstoptime is not null and (tg_op = 'INSERT' or old.acctstoptime is null) then
    insert into radius_activity (tenant_id, customer_id, kind, radacct_id)
      select u.tenant_id, u.customer_id, 'session_stopped', new.radacctid from radius_users u where u.username = new.username;
  end if;
  return null;
end $$;
create trigger radius_activity_from_radacct after insert or update of acctstoptime on radacct
  for each row execute function radius_activity_from_radacct();

create function radius_activity_from_radpostauth() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  if new.reply = 'Access-Reject' then
    insert into radius_activity (tenant_id, customer_id, kind, radpostauth_id)
      select u.tenant_id, u.customer_id, 'auth_rejected', new.id from radius_users u where u.username = new.username;
  end if;
  return null;
end $$;
create trigger radius_activity_from_radpostauth after insert on radpostauth
  for each row execute function radius_activity_from_radpostauth();
