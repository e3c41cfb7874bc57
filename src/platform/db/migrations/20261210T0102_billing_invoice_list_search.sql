-- The invoice list on a big tenant (200,000 invoices), …T0301 continued. The list's index carries
-- the invoice id too, so a deep page skips its offset in an index-only scan and reads only the
-- page's rows.
create index billing_invoices_list_ids on billing_invoices (tenant_id, due_date desc, number desc) include (id, customer_id, status);
drop index billing_invoices_list;

-- The search by invoice number (`%fragment%`): a trigram index, used through a security-definer
-- function for the transaction's tenant only (under row-level security `ilike` is not leakproof
-- and the index would go unused; see …T0300 `customers_search_ids`). It answers ids; the list
-- reads those invoices under the caller's policies. Reader: billing's invoices.ts only.
create index billing_invoices_number_trgm on billing_invoices using gin (number gin_trgm_ops);
create function billing_invoices_number_search_ids(p_like text) returns setof uuid
  language sql stable security definer set search_path = public as $$
  select id from billing_invoices where tenant_id = app_tenant_id() and number ilike p_like
$$;
revoke all on function billing_invoices_number_search_ids(text) from public;
grant execute on function billing_invoices_number_search_ids(text) to simpul_app;

-- The unpaid invoices (one in twenty on a settled tenant): their list and its count, and the
-- dashboard's unpaid count and sum, from the index alone.
create index billing_invoices_unpaid on billing_invoices (tenant_id, due_date desc, number desc) include (id, customer_id, amount, paid_amount)
  where status = 'unpaid';

-- The dashboard's "today's payments" (thousands a day on a big tenant) from the index alone;
-- customer_id rides along for the collector scope. Replaces the plain (tenant_id, created_at).
create index billing_payment_history_created_cover on billing_payment_history (tenant_id, created_at) include (type, amount, customer_id);
drop index billing_payment_history_created;
