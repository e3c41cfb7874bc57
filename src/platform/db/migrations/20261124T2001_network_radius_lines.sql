-- What RADIUS needs to know of a PPPoE line on a router that authenticates through RADIUS:
-- the password (private data, so this view exists only for simpul_app), plan speeds and the
-- desired state. security_invoker: the reader's row-level security applies.
create view network_radius_lines with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.pppoe_username as username, p.pppoe_password as password,
         s.router_profile, s.download_kbps, s.upload_kbps, coalesce(l.desired_state, 'active') as desired_state,
         r.id as router_id, r.isolation_address_list
  from customers c
  join customers_private p on p.customer_id = c.id
  join service_plans s on s.id = c.plan_id
  join network_routers r on r.id = c.router_id and r.pppoe_via_radius
  left join isolation_lines l on l.customer_id = c.id
  where c.status = 'active' and c.connection_type = 'pppoe' and p.pppoe_password is not null;
grant select on network_radius_lines to simpul_app;
