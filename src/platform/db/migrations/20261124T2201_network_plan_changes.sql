-- The rate limit a line's session last confirmed (RADIUS lines): an edited plan speed reaches
-- open sessions as a CoA. The plan id on desired lines finds the lines of an edited plan.
alter table network_line_sync add column applied_rate text;
create or replace view network_desired_lines with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.router_id, c.connection_type,
         c.pppoe_username, host(c.ip_address) as ip_address, p.router_profile,
         coalesce(l.desired_state, 'active') as desired_state, p.download_kbps, p.upload_kbps, c.plan_id
  from customers c
  join service_plans p on p.id = c.plan_id
  left join isolation_lines l on l.customer_id = c.id
  where c.status = 'active' and c.router_id is not null;
