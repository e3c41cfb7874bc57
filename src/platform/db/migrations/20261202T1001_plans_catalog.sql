-- Read model published by the PLANS module: what a plan costs and how fast it is, the only plan
-- columns other modules may read (never service_plans itself).
-- Readers: customers (customers_billable), network (network_desired_lines, network_radius_lines).
-- Adding a column: append it (create or replace view keeps the order); removing one breaks a reader.
-- security_invoker: the reader's row-level security (its tenant) applies.
create view plans_catalog with (security_invoker = true) as
  select p.tenant_id, p.id as plan_id, p.name, p.monthly_price, p.router_profile, p.download_kbps, p.upload_kbps
  from service_plans p;
grant select on plans_catalog to simpul_app;
