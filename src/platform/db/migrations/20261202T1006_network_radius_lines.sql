-- The NETWORK module's read model for RADIUS (PPPoE lines on routers that authenticate through
-- RADIUS, with the router's isolation reply), from the same published views plus network's own
-- network_routers. Readers: network only (use-cases/line-sync.ts). Same columns as before (20261201T1201).
create or replace view network_radius_lines with (security_invoker = true) as
  select c.tenant_id, c.customer_id, c.pppoe_username as username, c.pppoe_password as password,
         s.router_profile, s.download_kbps, s.upload_kbps, coalesce(l.desired_state, 'active') as desired_state,
         r.id as router_id, r.isolation_address_list,
         r.radius_isolation_address_list, r.radius_isolation_pool, r.radius_isolation_download_kbps, r.radius_isolation_upload_kbps
  from customers_lines c
  join plans_catalog s on s.tenant_id = c.tenant_id and s.plan_id = c.plan_id
  join network_routers r on r.tenant_id = c.tenant_id and r.id = c.router_id and r.pppoe_via_radius
  left join isolation_desired_states l on l.tenant_id = c.tenant_id and l.customer_id = c.customer_id
  where c.connection_type = 'pppoe' and c.pppoe_password is not null;
