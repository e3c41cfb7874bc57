-- Read model published by the CUSTOMERS module: how many customers each tenant has that count
-- against its plan (all but terminated). Readers: saas (saas_tenant_usage: limits and usage).
create view customers_counts as
  select c.tenant_id, count(*)::bigint as customers
  from customers c
  where c.status <> 'terminated'
  group by c.tenant_id;
