-- Every reference between tenant-owned tables carries tenant_id: a composite foreign key
-- (tenant_id, x_id) → target (tenant_id, id), so PostgreSQL itself refuses a row of one tenant
-- that points at another tenant's row (a customer on a neighbour's router, a payment of a
-- neighbour's invoice). Foreign-key checks bypass row-level security, so the tenant column is
-- what keeps them inside the tenant. This also replaces the "an id, not a foreign key across
-- modules" soft references: a module still never joins another's tables, but the database
-- knows what each id points at.
--
-- Not references (and so left alone): event ids (the outbox is pruned, inbox and dead letters
-- are kept), worker claim ids, the audit log's actor (platform actions are logged into a
-- tenant's log by a person who is not its staff), a gateway notification's order id (unknown
-- orders are logged too).

-- The targets: (tenant_id, id) unique beside the primary key.
alter table service_plans add constraint service_plans_tenant_id_id_key unique (tenant_id, id);
alter table customers add constraint customers_tenant_id_id_key unique (tenant_id, id);
alter table billing_invoices add constraint billing_invoices_tenant_id_id_key unique (tenant_id, id);
alter table network_routers add constraint network_routers_tenant_id_id_key unique (tenant_id, id);
-- identity_memberships already has unique (tenant_id, user_id): staff of a tenant.

-- customers
alter table customers drop constraint customers_plan_id_fkey,
  add constraint customers_plan_fk foreign key (tenant_id, plan_id) references service_plans (tenant_id, id),
  add constraint customers_router_fk foreign key (tenant_id, router_id) references network_routers (tenant_id, id);
alter table customers_private drop constraint customers_private_customer_id_fkey,
  add constraint customers_private_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id);

-- isolation
alter table isolation_lines
  add constraint isolation_lines_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint isolation_lines_invoice_fk foreign key (tenant_id, invoice_id) references billing_invoices (tenant_id, id);
alter table isolation_history
  add constraint isolation_history_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint isolation_history_invoice_fk foreign key (tenant_id, invoice_id) references billing_invoices (tenant_id, id),
  add constraint isolation_history_actor_fk foreign key (tenant_id, actor_user_id) references identity_memberships (tenant_id, user_id);

-- billing
alter table billing_invoices
  add constraint billing_invoices_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id);
alter table billing_payments drop constraint billing_payments_invoice_id_fkey,
  add constraint billing_payments_invoice_fk foreign key (tenant_id, invoice_id) references billing_invoices (tenant_id, id),
  add constraint billing_payments_recorded_by_fk foreign key (tenant_id, recorded_by) references identity_memberships (tenant_id, user_id);
alter table billing_payment_history drop constraint billing_payment_history_invoice_id_fkey,
  add constraint billing_payment_history_invoice_fk foreign key (tenant_id, invoice_id) references billing_invoices (tenant_id, id),
  add constraint billing_payment_history_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint billing_payment_history_actor_fk foreign key (tenant_id, actor_user_id) references identity_memberships (tenant_id, user_id);
alter table billing_payment_links drop constraint billing_payment_links_invoice_id_fkey,
  add constraint billing_payment_links_invoice_fk foreign key (tenant_id, invoice_id) references billing_invoices (tenant_id, id);

-- network and RADIUS
alter table network_line_sync drop constraint network_line_sync_router_id_fkey,
  add constraint network_line_sync_router_fk foreign key (tenant_id, router_id) references network_routers (tenant_id, id),
  add constraint network_line_sync_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id);
alter table nas drop constraint nas_router_id_fkey,
  add constraint nas_router_fk foreign key (tenant_id, router_id) references network_routers (tenant_id, id);
alter table radius_users
  add constraint radius_users_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id);
alter table radius_activity
  add constraint radius_activity_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id);

-- notifications. A message's recipient is a customer or a staff member: one generated column
-- for each kind carries the foreign key (a foreign key can't depend on recipient_type).
alter table notifications_opt_outs
  add constraint notifications_opt_outs_customer_fk foreign key (tenant_id, customer_id) references customers (tenant_id, id);
alter table notifications_messages
  add column recipient_customer_id uuid generated always as (case when recipient_type = 'customer' then recipient_id end) stored,
  add column recipient_staff_id uuid generated always as (case when recipient_type = 'staff' then recipient_id end) stored,
  add constraint notifications_messages_customer_fk foreign key (tenant_id, recipient_customer_id) references customers (tenant_id, id),
  add constraint notifications_messages_staff_fk foreign key (tenant_id, recipient_staff_id) references identity_memberships (tenant_id, user_id);

-- identity: a token belongs to a staff member of its own tenant.
alter table identity_api_tokens drop constraint identity_api_tokens_created_by_fkey,
  add constraint identity_api_tokens_creator_fk foreign key (tenant_id, created_by) references identity_memberships (tenant_id, user_id);
