-- Read model published by the BILLING module: what each customer still owes (unpaid invoices).
-- Readers: customers (customers.service.ts, the customer page's total arrears), notifications
-- (broadcast.ts, "only customers with arrears").
-- security_invoker: the reader's row-level security (its tenant) applies.
create view billing_customer_arrears with (security_invoker = true) as
  select tenant_id, customer_id, sum(amount)::bigint as arrears, count(*)::int as unpaid_invoices
  from billing_invoices where status = 'unpaid'
  group by tenant_id, customer_id;
grant select on billing_customer_arrears to simpul_app;
