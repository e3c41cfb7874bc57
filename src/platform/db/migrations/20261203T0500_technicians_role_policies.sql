-- "Technician & collector roles operate independently but may combine", enforced by the database
-- as well as the API: the request's staff roles (app.staff_roles, comma-separated, set per
-- transaction next to app.tenant_id by authentication; '' for jobs, handlers, webhooks and the
-- portal) narrow what a tenant session reads and writes, on top of tenant_isolation.

-- True when the session acts for staff holding only roles among `allowed` (false with no roles).
create or replace function app_staff_only(allowed text[]) returns boolean language sql stable as
  $$ select coalesce(string_to_array(nullif(current_setting('app.staff_roles', true), ''), ',') <@ allowed, false) $$;
grant execute on function app_staff_only(text[]) to simpul_app;

-- A technician alone handles no money: invoices, payments, links, receipts, gateways and the
-- collectors' cash chain are invisible to them and refuse their writes.
do $$
declare t text;
begin
  foreach t in array array['billing_invoices', 'billing_payments', 'billing_payment_history', 'billing_payment_links',
    'billing_receipts', 'billing_gateway_notifications', 'billing_gateway_accounts',
    'collectors_collections', 'collectors_collection_items', 'collectors_handovers', 'collectors_settlements',
    'collectors_deposits'] loop
    execute format('create policy no_money_for_technicians on %I as restrictive to simpul_app using (not (select app_staff_only(array[''technician''])))', t);
  end loop;
end $$;

-- A collector alone sees no work orders, activity logs or photos.
do $$
declare t text;
begin
  foreach t in array array['technicians_settings', 'technicians_tasks', 'technicians_task_assignees', 'technicians_task_history',
    'technicians_activities', 'technicians_photos', 'technicians_task_lines'] loop
    execute format('create policy no_tasks_for_collectors on %I as restrictive to simpul_app using (not (select app_staff_only(array[''collector''])))', t);
  end loop;
end $$;
