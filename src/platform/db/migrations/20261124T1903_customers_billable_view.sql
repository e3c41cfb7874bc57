-- The customers module's published read model for set-based billing: active customers with
-- their plan's price. security_invoker keeps row-level security of the reader's tenant.
create view customers_billable with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.phone, c.activated_on, c.plan_id,
         p.name as plan_name, p.monthly_price
  from customers c join service_plans p on p.id = c.plan_id
  where c.status = 'active';
grant select on customers_billable to simpul_app;
