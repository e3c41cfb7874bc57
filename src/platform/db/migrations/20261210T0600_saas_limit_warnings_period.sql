-- A monthly quota (WhatsApp messages) warns at 80 % once per limit value AND month: the count
-- starts again each month. '' for the limits that count what exists (customers, routers, staff).
alter table saas_limit_warnings add column period text not null default '';
alter table saas_limit_warnings drop constraint saas_limit_warnings_pkey;
alter table saas_limit_warnings add primary key (tenant_id, limit_name, limit_value, period);
