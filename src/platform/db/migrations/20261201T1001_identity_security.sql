-- Identity hardening (issue 10): invitations instead of linking accounts by email, tokens that
-- follow their creator's current access, platform accounts that never join a tenant, and the
-- index per-address login throttling reads.

-- A pending invitation to a tenant. The person accepts with the one-time link (only its SHA-256
-- is stored); the membership exists only from then on, so inviting reveals nothing about the
-- invited email's account.
create table identity_invitations (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  email text not null,
  name text not null,
  phone text,
  roles text[] not null check (
    cardinality(roles) > 0 and roles <@ array['owner', 'admin', 'finance', 'collector', 'technician']),
  token_hash text not null unique,
  invited_by uuid not null references identity_users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references identity_users (id),
  revoked_at timestamptz
);
-- One open invitation per email and tenant: inviting again replaces it.
create unique index identity_invitations_open on identity_invitations (tenant_id, lower(email))
  where accepted_at is null and revoked_at is null;
alter table identity_invitations enable row level security;
create policy tenant_isolation on identity_invitations to simpul_app
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
grant select, insert, update on identity_invitations to simpul_app;

-- The link arrives before its tenant is known (like an API token): the one narrow path to it.
-- Expiry is checked by the caller against the application's clock.
create function identity_resolve_invitation(p_token_hash text)
  returns table (id uuid, tenant_id uuid, email text, name text, phone text, roles text[], expires_at timestamptz)
  language sql stable security definer set search_path = public as $$
    select i.id, i.tenant_id, i.email, i.name, i.phone, i.roles, i.expires_at
    from identity_invitations i join tenants n on n.id = i.tenant_id
    where i.token_hash = p_token_hash and i.accepted_at is null and i.revoked_at is null and n.status = 'active'
  $$;
revoke all on function identity_resolve_invitation(text) from public;
grant execute on function identity_resolve_invitation(text) to simpul_app;

-- A token acts with (its roles ∩ its creator's current roles in its tenant), and not at all
-- once the creator is disabled or no longer staff there.
create or replace function identity_resolve_api_token(p_token_hash text)
  returns table (token_id uuid, tenant_id uuid, user_id uuid, roles text[])
  language sql stable security definer set search_path = public as $$
    select t.id, t.tenant_id, t.created_by, array(select r from unnest(t.roles) r where r = any (m.roles))
    from identity_api_tokens t
    join tenants n on n.id = t.tenant_id
    join identity_memberships m on m.tenant_id = t.tenant_id and m.user_id = t.created_by
    join identity_users u on u.id = t.created_by
    where t.token_hash = p_token_hash and t.revoked_at is null and n.status = 'active'
      and m.status = 'active' and u.status = 'active'
  $$;

-- The transaction's user's own API tokens in every tenant (a password change offers to revoke
-- them): revokes them when p_revoke_at is given, and counts what remains.
create function identity_own_api_tokens(p_revoke_at timestamptz)
  returns table (revoked int, remaining int)
  language sql volatile security definer set search_path = public as $$
    with gone as (
      update identity_api_tokens set revoked_at = p_revoke_at
      where created_by = app_user_id() and revoked_at is null and p_revoke_at is not null
      returning id)
    select (select count(*) from gone)::int,
           ((select count(*) from identity_api_tokens where created_by = app_user_id() and revoked_at is null)
             - (select count(*) from gone))::int
  $$;
revoke all on function identity_own_api_tokens(timestamptz) from public;
grant execute on function identity_own_api_tokens(timestamptz) to simpul_app;

-- A platform (super admin) account is never a member of a tenant, whichever way it is attempted.
create function identity_refuse_platform_member() returns trigger
  language plpgsql security definer set search_path = public as $$
  begin
    if tg_table_name = 'identity_memberships' then
      if exists (select 1 from identity_users u where u.id = new.user_id and u.is_super_admin) then
        raise exception 'a platform account cannot be a tenant member' using errcode = 'check_violation';
      end if;
    elsif new.is_super_admin and exists (select 1 from identity_memberships m where m.user_id = new.id) then
      raise exception 'a tenant member cannot become a platform account' using errcode = 'check_violation';
    end if;
    return new;
  end $$;
create trigger platform_account_not_member before insert or update of user_id on identity_memberships
  for each row execute function identity_refuse_platform_member();
create trigger member_not_platform_account before update of is_super_admin on identity_users
  for each row execute function identity_refuse_platform_member();

-- Throttling counts one address's failures across accounts.
create index identity_audit_log_ip on identity_audit_log (action, ip, created_at desc);
