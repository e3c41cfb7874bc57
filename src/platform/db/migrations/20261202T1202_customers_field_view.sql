-- The customers module's read model for field work (collectors' worklists): where to go and
-- whom to call. security_invoker: the reader's row-level security applies (a collector-only
-- staff member sees only the customers assigned to them).
create view customers_field with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.phone, c.address, c.latitude, c.longitude
  from customers c
  where c.status = 'active';
grant select on customers_field to simpul_app;
