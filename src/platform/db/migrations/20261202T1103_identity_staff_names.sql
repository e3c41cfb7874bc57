-- Read model published by the IDENTITY module: the names of the current tenant's staff, so
-- histories show who did it by name instead of an id. Only this tenant's memberships (the
-- memberships policy also shows a person their own memberships elsewhere).
-- Readers: billing (payment-history.ts), isolation (isolation.service.ts history).
-- security_invoker: the reader's row-level security (its tenant) applies.
create view identity_staff_names with (security_invoker = true) as
  select m.tenant_id, m.user_id, u.name
  from identity_memberships m join identity_users u on u.id = m.user_id
  where m.tenant_id = app_tenant_id();
grant select on identity_staff_names to simpul_app;
