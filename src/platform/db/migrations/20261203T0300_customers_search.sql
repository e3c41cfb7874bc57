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
