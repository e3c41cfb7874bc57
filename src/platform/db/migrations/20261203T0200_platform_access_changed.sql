-- Who may do what, as the API resolves it at request time (sessions, API tokens, roles, staff and
-- tenant status, impersonations, the subscription's features and lock), is cached per process
-- (`src/platform/db/access-cache.ts`). Every change to what that resolution reads signals
-- `simpul_access_changed`; every pooled connection listens, so the committing process empties
-- its caches before its COMMIT returns and the others on the notification.
-- Statement-level: one signal per statement, and PostgreSQL folds equal signals of a transaction.
create function platform_signal_access_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('simpul_access_changed', '');
  return null;
end $$;

-- Not on every column: last_seen_at and last_used_at are written by authentication itself.
create trigger access_changed after delete or update of active_tenant_id, expires_at, user_id on identity_sessions
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after delete or update of status, is_super_admin, password_hash on identity_users
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on identity_memberships
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after delete or update of revoked_at, roles, tenant_id, created_by on identity_api_tokens
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on identity_impersonations
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after delete or update of status on tenants
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on saas_plans
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on saas_addons
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on saas_feature_switches
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on saas_subscriptions
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on saas_tenant_addons
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on saas_overrides
  for each statement execute function platform_signal_access_changed();
create trigger access_changed after insert or update or delete on saas_invoices
  for each statement execute function platform_signal_access_changed();

-- A session cookie resolved in one statement: the session, its user, the active tenant's roles
-- (none when the membership or the tenant is no longer active), a super admin's open
-- impersonation, and the sliding "last seen" written at most once per interval (only when it is
-- older than p_touch_before), so most requests write nothing.
create function identity_resolve_session(p_token_hash text, p_now timestamptz, p_touch_before timestamptz)
  returns table (session_id uuid, user_id uuid, is_super_admin boolean, expires_at timestamptz, tenant_id uuid, roles text[],
                 impersonation_id uuid, impersonation_tenant_id uuid, impersonation_write_allowed boolean, impersonation_expires_at timestamptz, impersonation_reason text)
  language plpgsql volatile security definer set search_path = public as $$
declare
  s record;
begin
  select ss.id, ss.user_id, ss.active_tenant_id, ss.expires_at, ss.last_seen_at, u.is_super_admin
    into s
    from identity_sessions ss join identity_users u on u.id = ss.user_id
    where ss.token_hash = p_token_hash and u.status = 'active' and ss.expires_at > p_now;
  if not found then return; end if;
  if s.last_seen_at < p_touch_before then
    update identity_sessions set last_seen_at = p_now where id = s.id;
  end if;
  return query
    select s.id, s.user_id, s.is_super_admin, s.expires_at, m.tenant_id, coalesce(m.roles, '{}'::text[]),
           i.id, i.tenant_id, i.write_allowed, i.expires_at, i.reason
    from (select 1) one
    left join identity_memberships m
      on m.user_id = s.user_id and m.tenant_id = s.active_tenant_id and m.status = 'active' and tenants_status(m.tenant_id) = 'active'
    left join lateral (select * from identity_active_impersonation(s.id, p_now)) i on s.is_super_admin;
end $$;
revoke all on function identity_resolve_session(text, timestamptz, timestamptz) from public;
grant execute on function identity_resolve_session(text, timestamptz, timestamptz) to simpul_app;
