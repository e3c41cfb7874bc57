-- Customer lifecycle: a customer may be suspended (cuti: billing paused, the line disabled, not
-- isolated by the scan) and terminated (berhenti: billing stopped, the line removed from the
-- router). A DHCP customer may carry the MAC address of the static lease the router binds.
alter table customers drop constraint customers_status_check;
alter table customers add constraint customers_status_check check (status in ('active', 'suspended', 'terminated'));
alter table customers add column mac_address macaddr;

-- Read model published by the CUSTOMERS module (first defined in 20261202T1003): the line data
-- now also covers suspended customers (their secret is kept, disabled), with the status and the
-- DHCP MAC appended. Readers: network (network_desired_lines; network_radius_lines keeps active
-- customers only). Every customers column read here is in customers.service.ts `lineColumns`.
-- security_invoker: the reader's row-level security (its tenant) applies.
create or replace view customers_lines with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.plan_id, c.router_id, c.connection_type,
         c.pppoe_username, c.ip_address, p.pppoe_password, c.status as customer_status, c.mac_address::text as mac_address
  from customers c
  left join customers_private p on p.tenant_id = c.tenant_id and p.customer_id = c.id
  where c.status in ('active', 'suspended');

-- Read model published by the CUSTOMERS module for names in other modules' lists and searches:
-- every customer, whatever their status (a suspended or terminated customer's invoices and
-- history keep a name). Readers: billing (invoices.ts search and labels, payment-history.ts),
-- isolation (isolation.service.ts history).
-- security_invoker: the reader's row-level security (its tenant) applies.
create view customers_labels with (security_invoker = true) as
  select tenant_id, id as customer_id, code, name, phone, status from customers;
grant select on customers_labels to simpul_app;
