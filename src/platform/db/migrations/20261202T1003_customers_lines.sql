-- Read model published by the CUSTOMERS module: the line data of its active customers, including
-- the PPPoE password from customers_private (so only simpul_app may read it, like that table).
-- Readers: network (network_desired_lines, network_radius_lines). Every customers column read
-- here is in customers.service.ts `lineColumns`, whose change publishes customers.customer.changed
-- (customers.api.test.ts checks the two agree).
-- security_invoker: the reader's row-level security (its tenant) applies.
create view customers_lines with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.plan_id, c.router_id, c.connection_type,
         c.pppoe_username, c.ip_address, p.pppoe_password
  from customers c
  left join customers_private p on p.tenant_id = c.tenant_id and p.customer_id = c.id
  where c.status = 'active';
grant select on customers_lines to simpul_app;
