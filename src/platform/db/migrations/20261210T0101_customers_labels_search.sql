-- The invoice search on a big tenant finds invoices by their customer's name or code. Under
-- row-level security the trigram indexes of …T0300 go unused for the staff's own `ilike` (not
-- leakproof), so, like `customers_search_ids`, this matches as the table owner for the
-- transaction's tenant only and answers customer ids (every customer, whatever their status, as
-- `customers_labels`); the reader then reads its own rows under its own policies (collector scope
-- included). Reader: billing (invoices.ts `listInvoices` search).
create function customers_labels_search_ids(p_like text) returns setof uuid
  language sql stable security definer set search_path = public as $$
  select id from customers where tenant_id = app_tenant_id() and (name ilike p_like or code ilike p_like)
$$;
revoke all on function customers_labels_search_ids(text) from public;
grant execute on function customers_labels_search_ids(text) to simpul_app;

-- A deep page of the customers list (page 2,000 of 25) skips its offset in an index-only scan
-- (the list's order, code, with what its filters and the collector scope test), then reads only
-- the page's rows.
create index customers_list on customers (tenant_id, code) include (id, status, plan_id);
