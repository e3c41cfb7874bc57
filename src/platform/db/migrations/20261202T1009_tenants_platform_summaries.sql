-- Read model published by the TENANTS module for the platform (super admin): each tenant's
-- account row and its staff count, never tenant rows. Owned by tenants from here on (first
-- defined by identity in 20261124T1702, reading identity_memberships itself); the count now comes
-- from identity's published identity_staff_counts (20261202T1008). Same columns as before.
-- Readers: tenants (tenants.service.ts, as simpul_platform). Runs with its owner's rights, so it
-- counts through row-level security; only the platform role may read it.
create or replace view platform_tenant_summaries as
  select t.id, t.slug, t.name, t.time_zone, t.status, t.created_at,
         coalesce(s.staff_count, 0)::int as staff_count
  from tenants t
  left join identity_staff_counts s on s.tenant_id = t.id;
