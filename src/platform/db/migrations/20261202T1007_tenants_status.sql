-- Read model published by the TENANTS module for other modules' security-definer SQL, which runs
-- before a tenant is known (identity resolving an API token or an invitation link): a tenant's
-- status ('active' | 'suspended'), null for no such tenant. Readers: identity
-- (identity_resolve_api_token, identity_resolve_invitation). Application code reads tenants
-- through src/modules/tenants/tenant-directory.ts instead.
-- No grant: only definer functions (run as the migrations' owner) call it.
create function tenants_status(p_tenant_id uuid) returns text
  language sql stable security definer set search_path = public as $$
    select t.status from tenants t where t.id = p_tenant_id
  $$;
revoke all on function tenants_status(uuid) from public;

