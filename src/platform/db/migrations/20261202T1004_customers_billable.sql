-- Read model published by the CUSTOMERS module for set-based work on billable customers: active
-- customers with their plan's name and price (through the plans module's plans_catalog).
-- Readers: billing (use-cases/generate-invoices.ts, invoices.ts, payment-history.ts,
-- payment-gateways.service.ts), isolation (isolation.service.ts), notifications (enqueue.ts,
-- notifications.service.ts). Same columns as before (20261124T1903), so readers keep working.
-- security_invoker: the reader's row-level security (its tenant) applies.
create or replace view customers_billable with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.phone, c.activated_on, c.plan_id,
         p.name as plan_name, p.monthly_price
  from customers c join plans_catalog p on p.tenant_id = c.tenant_id and p.plan_id = c.plan_id
  where c.status = 'active';
