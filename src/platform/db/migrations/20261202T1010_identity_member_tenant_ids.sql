-- Function read model published by the IDENTITY module: the tenants the transaction's user has a
-- membership in. Security invoker: identity_memberships' own row-level security lets a person see
-- their memberships in every tenant, and nothing more. Readers: tenants (the member_of policy on
-- tenants, 20261202T1011).
create function identity_member_tenant_ids() returns setof uuid
  language sql stable as $$
    select m.tenant_id from identity_memberships m where m.user_id = app_user_id()
  $$;
revoke all on function identity_member_tenant_ids() from public;
grant execute on function identity_member_tenant_ids() to simpul_app;
