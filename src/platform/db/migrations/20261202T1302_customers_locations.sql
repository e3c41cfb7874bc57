-- Read model published by the CUSTOMERS module: where each active customer is (the map).
-- Readers: maps (maps_customer_points, 20261202T1304).
-- security_invoker: the reader's row-level security (its tenant) applies.
create view customers_locations with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.latitude, c.longitude
  from customers c
  where c.status = 'active';
grant select on customers_locations to simpul_app;
