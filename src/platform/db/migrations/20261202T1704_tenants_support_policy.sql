-- The tenants module lets an impersonating support session (role simpul_support, identity's
-- impersonation) read the one tenant it works in: its own row, like tenant_self for staff.
create policy support_tenant on tenants to simpul_support using (id = app_tenant_id());
grant select on tenants to simpul_support;
