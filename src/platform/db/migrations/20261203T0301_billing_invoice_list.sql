-- The invoice list on a big tenant (hundreds of thousands of invoices): its order (newest due
-- date first, then number) read from an index instead of sorting every invoice per page, and
-- the search by invoice number fragment through trigrams (pg_trgm: customers' search migration).
create index billing_invoices_list on billing_invoices (tenant_id, due_date desc, number desc);
create index billing_invoices_number_trgm on billing_invoices using gin (number gin_trgm_ops);
