-- Read model published by the NETWORK module: how many routers each tenant has.
-- Readers: saas (saas_tenant_usage: limits and usage).
create view network_router_counts as
  select r.tenant_id, count(*)::bigint as routers
  from network_routers r
  group by r.tenant_id;
