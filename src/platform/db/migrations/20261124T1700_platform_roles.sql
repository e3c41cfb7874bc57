-- Roles the application switches to inside each transaction (SET LOCAL ROLE). Roles are
-- cluster-wide, so creating them tolerates another database (or a parallel test run) having
-- created them first.
do $$
begin
  begin create role simpul_app nologin; exception when duplicate_object then null; end;
  begin create role simpul_platform nologin; exception when duplicate_object then null; end;
end $$;

-- The session user must be a member to SET ROLE (a superuser already is).
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant simpul_app, simpul_platform to %I', current_user);
  end if;
end $$;

grant usage on schema public to simpul_app, simpul_platform;

-- The tenant and user of the current transaction. After a transaction the settings read ''
-- (not NULL), hence nullif.
create or replace function app_tenant_id() returns uuid language sql stable as
  $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;
create or replace function app_user_id() returns uuid language sql stable as
  $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
