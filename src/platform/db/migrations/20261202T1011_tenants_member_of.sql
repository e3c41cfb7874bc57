-- Tenant staff see the tenants they are members of (for the tenant switch). This policy was
-- defined by identity (20261124T1702), reading identity_memberships; it belongs to the tenants
-- module now and reads identity's published identity_member_tenant_ids() (20261202T1010).
drop policy member_of on tenants;
create policy member_of on tenants to simpul_app
  using (id in (select identity_member_tenant_ids()));
