-- Customer search on a big tenant (50,000 customers): the list matches `%fragment%` on name,
-- code, address, phone and PPPoE username (customers.service.ts `list`), which no b-tree can
-- serve. Trigram indexes can (fragments of three characters or more), on PostgreSQL and on
-- PGlite (database.ts loads its bundled pg_trgm). The name and code indexes also serve the
-- invoice search, which matches names and codes through `customers_labels`.
create extension if not exists pg_trgm;

create index customers_name_trgm on customers using gin (name gin_trgm_ops);
create index customers_code_trgm on customers using gin (code gin_trgm_ops);
create index customers_address_trgm on customers using gin (address gin_trgm_ops);
create index customers_phone_trgm on customers using gin (phone gin_trgm_ops);
create index customers_pppoe_username_trgm on customers using gin (pppoe_username gin_trgm_ops);

-- Row-level security keeps those indexes from the staff's own queries: `ilike` is not leakproof,
-- so PostgreSQL filters every row by tenant before it may try the pattern. This function runs
-- the match as the table owner (indexes usable) for the transaction's tenant only and answers
-- ids; the list then reads those customers under the caller's policies (collector scope
-- included). Reader: customers.service.ts `list` only.
create function customers_search_ids(p_like text, p_phone_like text) returns setof uuid
  language sql stable security definer set search_path = public as $$
  select id from customers
  where tenant_id = app_tenant_id()
    and (name ilike p_like or code ilike p_like or address ilike p_like or phone like p_phone_like or pppoe_username ilike p_like)
$$;
revoke all on function customers_search_ids(text, text) from public;
grant execute on function customers_search_ids(text, text) to simpul_app;
