-- Customer lifecycle on the router: a customer may be suspended (cuti: billing paused, the line
-- disabled, not isolated by the scan) and terminated (berhenti: billing stopped, the PPP secret
-- removed). A DHCP customer may carry the MAC address of the binding the router leases it.
alter table customers drop constraint customers_status_check;
alter table customers add constraint customers_status_check check (status in ('active', 'suspended', 'terminated'));
alter table customers add column mac_address macaddr;

-- The desired lines now also cover suspended customers (their secret is kept but disabled), and
-- carry what the router needs to create a line: the PPPoE password (private data: this view is
-- granted to simpul_app only), the MAC address of a DHCP binding (columns appended, as views require).
create or replace view network_desired_lines with (security_invoker = true) as
  select c.tenant_id, c.id as customer_id, c.code, c.name, c.router_id, c.connection_type,
         c.pppoe_username, host(c.ip_address) as ip_address, p.router_profile,
         coalesce(l.desired_state, 'active') as desired_state, p.download_kbps, p.upload_kbps, c.plan_id,
         c.status as customer_status, cp.pppoe_password, c.mac_address::text as mac_address
  from customers c
  join service_plans p on p.id = c.plan_id
  left join customers_private cp on cp.customer_id = c.id
  left join isolation_lines l on l.customer_id = c.id
  where c.status in ('active', 'suspended') and c.router_id is not null;

-- What the router was last asked to hold for a line (the secret's name, the address, the mode):
-- when the customer leaves (terminated, or no router any more), the converge pass still knows
-- which secret, binding or list entry to remove.
alter table network_line_sync
  add column line_connection_type text check (line_connection_type in ('pppoe', 'static', 'dhcp')),
  add column line_username text,
  add column line_address text,
  add column line_tag text;
grant delete on network_line_sync to simpul_app;

-- Billing's read model for the customer page: what a customer still owes (unpaid invoices).
create view billing_customer_arrears with (security_invoker = true) as
  select tenant_id, customer_id, sum(amount)::bigint as arrears, count(*)::int as unpaid_invoices
  from billing_invoices where status = 'unpaid'
  group by tenant_id, customer_id;
grant select on billing_customer_arrears to simpul_app;

-- Identity's read model for "who did it": the names of the current tenant's staff, so histories
-- show a person's name instead of an id (only this tenant's memberships: RLS of the reader applies).
create view identity_staff_names with (security_invoker = true) as
  select m.tenant_id, m.user_id, u.name
  from identity_memberships m join identity_users u on u.id = m.user_id
  where m.tenant_id = app_tenant_id();
grant select on identity_staff_names to simpul_app;

-- The customers module's read model for labels and search in other modules' lists: every
-- customer (suspended and terminated ones too, so their invoices and history keep a name).
create view customers_labels with (security_invoker = true) as
  select tenant_id, id as customer_id, code, name, phone, status from customers;
grant select on customers_labels to simpul_app;
