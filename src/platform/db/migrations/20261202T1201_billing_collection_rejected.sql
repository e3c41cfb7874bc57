-- A collection rejected before its handover was confirmed: the invoice returns to unpaid, and its
-- money history says so (an entry with the negative of what was collected).
alter table billing_payment_history drop constraint billing_payment_history_type_check;
alter table billing_payment_history add constraint billing_payment_history_type_check
  check (type in ('gateway', 'manual', 'collected_by_collector', 'collection_rejected', 'setoran_confirmed', 'deposited', 'voided'));
