-- The NETWORK module's read models follow the customer lifecycle (customers_lines, 20261202T1100):
-- desired lines cover suspended customers and carry what the router needs to create a line (the
-- PPPoE password, the DHCP MAC, the customer's status; columns appended). Readers: network only.
create or replace view network_desired_lines with (security_invoker = true) as
  select c.tenant_id, c.customer_id, c.code, c.name, c.router_id, c.connection_type,
         c.pppoe_username, host(c.ip_address) as ip_address, p.router_profile,
         coalesce(l.desired_state, 'active') as desired_state, p.download_kbps, p.upload_kbps, c.plan_id,
         c.customer_status, c.pppoe_password, c.mac_address
  from customers_lines c
  join plans_catalog p on p.tenant_id = c.tenant_id and p.plan_id = c.plan_id
  left join isolation_desired_states l on l.tenant_id = c.tenant_id and l.customer_id = c.customer_id
  where c.router_id is not null;

-- RADIUS rows only for active customers: a suspended customer's login is rejected. Readers: network only.
create or replace view network_radius_lines with (security_invoker = true) as
  select c.tenant_id, c.customer_id, c.pppoe_username as username, c.pppoe_password as password,
         s.router_profile, s.download_kbps, s.upload_kbps, coalesce(l.desired_state, 'active') as desired_state,
         r.id as router_id, r.isolation_address_list,
         r.radius_isolation_address_list, r.radius_isolation_pool, r.radius_isolation_download_kbps, r.radius_isolation_upload_kbps
  from customers_lines c
  join plans_catalog s on s.tenant_id = c.tenant_id and s.plan_id = c.plan_id
  join network_routers r on r.tenant_id = c.tenant_id and r.id = c.router_id and r.pppoe_via_radius
  left join isolation_desired_states l on l.tenant_id = c.tenant_id and l.customer_id = c.customer_id
  where c.connection_type = 'pppoe' and c.pppoe_password is not null and c.customer_status = 'active';

-- What the router holds for a line, recorded once the router confirmed it (the secret's name, the
-- address, the mode, the tag): when the customer leaves (terminated, or no router any more) or the
-- PPPoE username changes, the converge pass still knows what to remove. A line that left is
-- deleted after its cleanup.
alter table network_line_sync
  add column line_connection_type text check (line_connection_type in ('pppoe', 'static', 'dhcp')),
  add column line_username text,
  add column line_address text,
  add column line_tag text;
grant delete on network_line_sync to simpul_app;
