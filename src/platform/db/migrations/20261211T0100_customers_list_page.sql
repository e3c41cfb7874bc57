-- The customers list without a search (customers.service.ts `list`, this module its only reader):
-- the page's ids and the exact count, planned with sequential scans off so both read the
-- `customers_list` index (…T0101), deep offsets included. Under row-level security the planner
-- counts each row's `app_tenant_id()` as free and would otherwise read every customer of a big
-- tenant (~3× slower at 50,000). The functions' own SET replaces a `set local` statement before
-- the list (a round trip on every page): a function with SET is never inlined, so the setting
-- holds while its query is planned and ends with the call. Security invoker: the caller's
-- policies (tenant, collector scope, support) apply as to the list's own query.
create function customers_list_ids(p_plan_id uuid, p_status text, p_limit int, p_offset int) returns setof uuid
  language sql stable rows 50 set enable_seqscan = off set search_path = public as $$
  select id from customers
  where (p_plan_id is null or plan_id = p_plan_id) and (p_status is null or status = p_status)
  order by code limit p_limit offset p_offset
$$;
create function customers_list_count(p_plan_id uuid, p_status text) returns int
  language sql stable set enable_seqscan = off set search_path = public as $$
  select count(*)::int from customers
  where (p_plan_id is null or plan_id = p_plan_id) and (p_status is null or status = p_status)
$$;
revoke all on function customers_list_ids(uuid, text, int, int), customers_list_count(uuid, text) from public;
grant execute on function customers_list_ids(uuid, text, int, int), customers_list_count(uuid, text) to simpul_app, simpul_support;
