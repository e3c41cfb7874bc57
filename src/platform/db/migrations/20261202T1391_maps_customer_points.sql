-- The maps module's customer markers, rebuilt on the owners' published read models
-- (customers_points, isolation_desired_states) instead of their tables. Same columns.
-- Readers: maps only (map data, blast radius, topology).
create or replace view maps_customer_points with (security_invoker = true) as
  select c.tenant_id, c.customer_id, c.code, c.name, c.latitude, c.longitude,
         coalesce(l.desired_state, 'active') = 'isolated' as isolated
  from customers_points c
  left join isolation_desired_states l on l.tenant_id = c.tenant_id and l.customer_id = c.customer_id;
