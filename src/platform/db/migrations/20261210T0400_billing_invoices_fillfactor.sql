-- The daily scan moves thousands of unpaid invoices a stage further (issued → due → overdue →
-- grace expired) each day. `stage` is in no index, so with room left on the page the move is a
-- HOT update: no entry in any of the invoice table's seven indexes. Full pages (the default
-- fillfactor 100) made every move a new tuple elsewhere plus seven index insertions. Applies to
-- pages written from now on (each month's new invoices); older pages keep what they have.
alter table billing_invoices set (fillfactor = 85);
