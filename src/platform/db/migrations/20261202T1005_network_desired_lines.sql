-- The NETWORK module's own read model of what each router should hold: built only from what the
-- customers, plans and isolation modules publish (customers_lines, plans_catalog,
-- isolation_desired_states), never their tables. Readers: network only (use-cases/line-sync.ts,
-- converge-router.ts, routers.ts). Same columns as before (20261124T2201).
create or replace view network_desired_lines with (security_invoker = true) as
  select c.tenant_id, c.customer_id, c.code, c.name, c.router_id, c.connection_type,
         c.pppoe_username, host(c.ip_address) as ip_address, p.router_profile,
         coalesce(l.desired_state, 'active') as desired_state, p.download_kbps, p.upload_kbps, c.plan_id
  from customers_lines c
  join plans_catalog p on p.tenant_id = c.tenant_id and p.plan_id = c.plan_id
  left join isolation_desired_states l on l.tenant_id = c.tenant_id and l.customer_id = c.customer_id
  where c.router_id is not null;
