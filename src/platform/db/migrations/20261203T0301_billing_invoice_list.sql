-- The invoice list on a big tenant (hundreds of thousands of invoices): its order (newest due
-- date first, then number) read from an index instead of sorting every invoice per page.
-- customer_id and status ride along so the page's count (collector scope and status filter
-- included) can be answered from the index alone.
create index billing_invoices_list on billing_invoices (tenant_id, due_date desc, number desc) include (customer_id, status);
