-- What a router's isolated RADIUS (PPPoE) customers are answered: the isolation address list
-- (as before), a low rate limit, an IP pool for isolated customers, or several of them.
alter table network_routers
  add column radius_isolation_address_list boolean not null default true,
  add column radius_isolation_pool text check (radius_isolation_pool ~ '^[A-Za-z0-9_.-]{1,63}$'),
  add column radius_isolation_download_kbps int check (radius_isolation_download_kbps > 0),
  add column radius_isolation_upload_kbps int check (radius_isolation_upload_kbps > 0),
  add constraint network_routers_radius_isolation_rate
    check ((radius_isolation_download_kbps is null) = (radius_isolation_upload_kbps is null)),
  add constraint network_routers_radius_isolation_chosen
    check (radius_isolation_address_list or radius_isolation_pool is not null or radius_isolation_download_kbps is not null);

-- The RADIUS read model also carries the router's isolation reply (columns appended).
create or replace view network_radius_lines with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.pppoe_username as username, p.pppoe_password as password,
         s.router_profile, s.download_kbps, s.upload_kbps, coalesce(l.desired_state, 'active') as desired_state,
         r.id as router_id, r.isolation_address_list,
         r.radius_isolation_address_list, r.radius_isolation_pool, r.radius_isolation_download_kbps, r.radius_isolation_upload_kbps
  from customers c
  join customers_private p on p.customer_id = c.id
  join service_plans s on s.id = c.plan_id
  join network_routers r on r.id = c.router_id and r.pppoe_via_radius
  left join isolation_lines l on l.customer_id = c.id
  where c.status = 'active' and c.connection_type = 'pppoe' and p.pppoe_password is not null;
