-- Identity reads tenants only through the tenants module's tenants_status() (20261202T1007),
-- never the tenants table. Same signatures and results as 20261201T1001.

-- The link arrives before its tenant is known (like an API token): the one narrow path to it.
-- Expiry is checked by the caller against the application's clock.
create or replace function identity_resolve_invitation(p_token_hash text)
  returns table (id uuid, tenant_id uuid, email text, name text, phone text, roles text[], expires_at timestamptz)
  language sql stable security definer set search_path = public as $$
    select i.id, i.tenant_id, i.email, i.name, i.phone, i.roles, i.expires_at
    from identity_invitations i
    where i.token_hash = p_token_hash and i.accepted_at is null and i.revoked_at is null
      and tenants_status(i.tenant_id) = 'active'
  $$;

-- A token acts with (its roles ∩ its creator's current roles in its tenant), and not at all
-- once the creator is disabled or no longer staff there, or the tenant is suspended.
create or replace function identity_resolve_api_token(p_token_hash text)
  returns table (token_id uuid, tenant_id uuid, user_id uuid, roles text[])
  language sql stable security definer set search_path = public as $$
    select t.id, t.tenant_id, t.created_by, array(select r from unnest(t.roles) r where r = any (m.roles))
    from identity_api_tokens t
    join identity_memberships m on m.tenant_id = t.tenant_id and m.user_id = t.created_by
    join identity_users u on u.id = t.created_by
    where t.token_hash = p_token_hash and t.revoked_at is null and tenants_status(t.tenant_id) = 'active'
      and m.status = 'active' and u.status = 'active'
  $$;

-- Read model published by the IDENTITY module: how many active staff each tenant has (counts,
-- never rows). It runs with its owner's rights so it counts through row-level security; no grant:
-- only the tenants module's platform_tenant_summaries view (owner's rights too) reads it.
-- Readers: tenants (platform_tenant_summaries).
create view identity_staff_counts as
  select m.tenant_id, count(*)::int as staff_count
  from identity_memberships m
  where m.status = 'active'
  group by m.tenant_id;
