-- Read model published by the CUSTOMERS module: where its active customers are (for maps).
-- Readers: maps (`maps_customer_points`, the FTTH map's customer markers).
-- security_invoker: the reader's row-level security (its tenant) applies.
create view customers_points with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.latitude, c.longitude
  from customers c
  where c.status = 'active';
grant select on customers_points to simpul_app;
