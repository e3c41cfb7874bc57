-- The maps module's own view of the customers it draws, built from published read models only:
-- customers_locations (customers) and isolation_desired_states (isolation). Readers: maps only
-- (map data, outages, ports, signals). security_invoker: the reader's row-level security applies.
create view maps_customer_points with (security_invoker = true) as
  select c.tenant_id, c.customer_id, c.code, c.name, c.latitude, c.longitude,
         coalesce(s.desired_state, 'active') = 'isolated' as isolated
  from customers_locations c
  left join isolation_desired_states s on s.tenant_id = c.tenant_id and s.customer_id = c.customer_id;
grant select on maps_customer_points to simpul_app;
