import { sql, type Kysely } from 'kysely';
import { newId } from '../src/platform/ids.ts';

/**
 * One row in every tenant-owned table (and a second, unreferenced customer and router) in every tenant-owned table for `tenantId`, written on the owner connection,
 * each tenant-internal value carrying `secret` so a test can search any response for it.
 * `slug` keeps globally unique values (emails, usernames, NAS addresses) apart between tenants.
 */
export async function seedTenantRows(owner: Kysely<any>, tenantId: string, slug: string, nasIp: string) {
  const secret = `rahasia-${slug}`;
  const ids = { collector: newId(), handover: newId(), shortHandover: newId(), deposit: newId(), collection: newId(), user: newId(), plan: newId(), router: newId(), bareRouter: newId(), customer: newId(), bareCustomer: newId(), invoice: newId(), payment: newId(), odc: newId(), odp: newId(), odcOutage: newId(), odpOutage: newId(), task: newId(), outageTask: newId(), activity: newId(), looseActivity: newId(), addon: newId(), saasInvoice: newId(), importJob: newId() };
  const username = `pppoe-${slug}`;
  const statements = [
    sql`insert into identity_users (id, email, name, password_hash) values (${ids.user}, ${`staf@${slug}.test`}, 'Staf', 'x')`,
    sql`insert into identity_memberships (id, tenant_id, user_id, roles) values (${newId()}, ${tenantId}, ${ids.user}, '{owner}')`,
    sql`insert into identity_api_tokens (id, tenant_id, created_by, name, token_hash, roles, created_at)
        values (${newId()}, ${tenantId}, ${ids.user}, 'integrasi', ${`hash-${slug}`}, '{finance}', now())`,
    sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
        values (${ids.plan}, ${tenantId}, 'Paket 20', 20000, 10000, 150000, 'paket-20', now())`,
    sql`insert into network_routers (id, tenant_id, name, host, api_kind, username, sealed_password, created_at)
        values (${ids.router}, ${tenantId}, 'Core', '10.0.0.1', 'rest', 'admin', ${secret}, now()),
               (${ids.bareRouter}, ${tenantId}, 'Cadangan', '10.0.0.2', 'rest', 'admin', ${secret}, now())`,
    sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, pppoe_username, ip_address, router_id, activated_on, created_at)
        values (${ids.customer}, ${tenantId}, 'C00001', ${`Pelanggan ${secret}`}, '+6281200000001', ${ids.plan}, 'pppoe', ${username}, null, ${ids.router}, '2026-11-01', now()),
               (${ids.bareCustomer}, ${tenantId}, 'C00002', 'Tetangga', '+6281200000002', ${ids.plan}, 'dhcp', null, '10.1.0.2', null, '2026-11-01', now())`,
    sql`insert into customers_private (customer_id, tenant_id, id_card_number, pppoe_password, notes)
        values (${ids.customer}, ${tenantId}, ${`3174${secret}`}, ${`pw-${secret}`}, ${secret})`,
    sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, created_at)
        values (${ids.invoice}, ${tenantId}, 'INV-1', ${ids.customer}, '2026-11-01', '2026-11-01', '2026-11-10', 150000, ${secret}, now())`,
    sql`insert into billing_payments (id, tenant_id, invoice_id, amount, method, recorded_by, received_at, note)
        values (${ids.payment}, ${tenantId}, ${ids.invoice}, 150000, 'cash', ${ids.user}, now(), ${secret})`,
    sql`insert into billing_receipts (id, tenant_id, number, payment_id, invoice_id, customer_id, amount, method, staff_user_id, issued_at)
        values (${newId()}, ${tenantId}, ${`KW-${secret}`}, ${ids.payment}, ${ids.invoice}, ${ids.customer}, 150000, 'cash', ${ids.user}, now())`,
    sql`insert into imports_jobs (id, tenant_id, source, mode, rows_total, created_at) values (${ids.importJob}, ${tenantId}, 'routeros', 'skip', 1, now())`,
    sql`insert into imports_job_rows (tenant_id, job_id, seq, line, kind, label, payload) values (${tenantId}, ${ids.importJob}, 0, 1, 'customer', ${username}, ${JSON.stringify({ pppoePassword: secret })})`,
    sql`insert into billing_payment_history (id, tenant_id, invoice_id, customer_id, type, amount, actor_user_id, reference, created_at)
        values (${newId()}, ${tenantId}, ${ids.invoice}, ${ids.customer}, 'manual', 150000, ${ids.user}, ${secret}, now())`,
    sql`insert into billing_payment_links (order_id, tenant_id, invoice_id, provider, url, amount, created_at)
        values (${`order-${slug}`}, ${tenantId}, ${ids.invoice}, 'midtrans', ${`https://pay.test/${secret}`}, 150000, now())`,
    sql`insert into isolation_lines (customer_id, tenant_id, desired_state, changed_at, reason, invoice_id)
        values (${ids.customer}, ${tenantId}, 'isolated', now(), ${secret}, ${ids.invoice})`,
    sql`insert into isolation_history (id, tenant_id, customer_id, action, actor_type, actor_user_id, reason, invoice_id, created_at)
        values (${newId()}, ${tenantId}, ${ids.customer}, 'isolated', 'staff', ${ids.user}, ${secret}, ${ids.invoice}, now())`,
    sql`insert into network_line_sync (customer_id, tenant_id, router_id, status, next_attempt_at, updated_at)
        values (${ids.customer}, ${tenantId}, ${ids.router}, 'pending', now(), now())`,
    sql`insert into nas (tenant_id, router_id, nasname, shortname, secret) values (${tenantId}, ${ids.router}, ${nasIp}, 'core', ${secret})`,
    sql`insert into radius_users (username, tenant_id, customer_id) values (${username}, ${tenantId}, ${ids.customer})`,
    sql`insert into radcheck (tenant_id, username, attribute, op, value) values (${tenantId}, ${username}, 'Cleartext-Password', ':=', ${`pw-${secret}`})`,
    sql`insert into radreply (tenant_id, username, attribute, value) values (${tenantId}, ${username}, 'Framed-Pool', 'pool')`,
    sql`insert into radusergroup (tenant_id, username, groupname) values (${tenantId}, ${username}, ${`${tenantId}:plan:paket-20`})`,
    // radius_activity is written by the radacct trigger.
    sql`insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime)
        values (${`s-${slug}`}, ${`u-${slug}`}, ${username}, ${nasIp}, now())`,
    sql`insert into notifications_opt_outs (tenant_id, customer_id, reason, created_at) values (${tenantId}, ${ids.customer}, ${secret}, now())`,
    sql`insert into notifications_messages (id, tenant_id, idempotency_key, rule, kind, urgent, recipient_type, recipient_id, recipient_name,
          to_phone, language, body, status, next_attempt_at, created_at, updated_at)
        values (${newId()}, ${tenantId}, ${`c-${slug}`}, 'invoice-issued', 'invoice_issued', false, 'customer', ${ids.customer}, 'Pelanggan',
          '+6281200000001', 'id', ${`Tagihan ${secret}`}, 'sent', now(), now(), now()),
               (${newId()}, ${tenantId}, ${`s-${slug}`}, 'staff-test-message', 'provider_test', true, 'staff', ${ids.user}, 'Staf',
          '+6281200000009', 'id', ${`Tes ${secret}`}, 'sent', now(), now(), now())`,
    sql`insert into portal_challenges (id, tenant_id, customer_id, identifier_hash, address, code_hash, expires_at, created_at)
        values (${newId()}, ${tenantId}, ${ids.customer}, ${`id-${secret}`}, '10.1.0.2', ${`code-${secret}`}, now(), now())`,
    sql`insert into portal_sessions (id, tenant_id, customer_id, token_hash, expires_at, created_at)
        values (${newId()}, ${tenantId}, ${ids.customer}, ${`token-${secret}`}, now(), now())`,
    sql`insert into portal_complaints (id, tenant_id, customer_id, kind, message, created_at)
        values (${newId()}, ${tenantId}, ${ids.customer}, 'no_internet', ${`Mati ${secret}`}, now())`,
    sql`insert into http_idempotency_keys (tenant_id, user_id, route, key, request_hash, status, response_body, created_at, expires_at)
        values (${tenantId}, ${ids.user}, 'POST /api/invoices/:invoiceId/payments', ${`k-${slug}`}, 'h', 201, ${`{"note":"${secret}"}`}, now(), now())`,
    // maps: topology, an outage of each kind (with its affected rows and history), a signal, a suggestion
    sql`insert into maps_settings (tenant_id, technician_threshold, tile_attribution, updated_at) values (${tenantId}, 20, ${secret}, now())`,
    sql`insert into maps_odcs (id, tenant_id, code, name, latitude, longitude, capacity, feeder, created_at)
        values (${ids.odc}, ${tenantId}, 'ODC-1', ${`Kabinet ${secret}`}, -7.8, 110.4, 16, ${secret}, now())`,
    sql`insert into maps_odps (id, tenant_id, odc_id, code, name, latitude, longitude, port_count, created_at)
        values (${ids.odp}, ${tenantId}, ${ids.odc}, 'ODP-1', ${`Tiang ${secret}`}, -7.81, 110.41, 8, now())`,
    sql`insert into maps_customer_ports (customer_id, tenant_id, odp_id, port, linked_at) values (${ids.customer}, ${tenantId}, ${ids.odp}, 1, now())`,
    sql`insert into maps_outages (id, tenant_id, element_kind, odc_id, odp_id, customer_id, element_name, cause, started_at, cleared_at, set_by, cleared_by, created_at)
        values (${ids.odcOutage}, ${tenantId}, 'odc', ${ids.odc}, null, null, 'ODC-1', ${secret}, now(), now(), ${ids.user}, ${ids.user}, now()),
               (${ids.odpOutage}, ${tenantId}, 'odp', null, ${ids.odp}, null, 'ODP-1', ${secret}, now(), null, ${ids.user}, null, now()),
               (${newId()}, ${tenantId}, 'client', null, null, ${ids.customer}, 'Pelanggan', ${secret}, now(), null, null, null, now())`,
    sql`insert into maps_outage_odps (outage_id, tenant_id, odp_id) values (${ids.odcOutage}, ${tenantId}, ${ids.odp})`,
    sql`insert into maps_outage_customers (outage_id, tenant_id, customer_id) values (${ids.odcOutage}, ${tenantId}, ${ids.customer})`,
    sql`insert into maps_outage_history (id, tenant_id, outage_id, action, actor_user_id, affected_odps, affected_customers, note, created_at)
        values (${newId()}, ${tenantId}, ${ids.odcOutage}, 'set', ${ids.user}, 1, 1, ${secret}, now())`,
    sql`insert into maps_line_signals (customer_id, tenant_id, online, changed_at) values (${ids.customer}, ${tenantId}, false, now())`,
    sql`insert into maps_cables (id, tenant_id, name, kind, points, length_m, odc_id, odp_id, created_at)
        values (${newId()}, ${tenantId}, ${`Kabel ${secret}`}, 'distribution', '[[-7.8, 110.4], [-7.81, 110.41]]', 1560, ${ids.odc}, ${ids.odp}, now())`,
    sql`insert into maps_outage_suggestions (id, tenant_id, odp_id, offline_customers, window_minutes, status, outage_id, created_at)
        values (${newId()}, ${tenantId}, ${ids.odp}, 5, 10, 'accepted', ${ids.odpOutage}, now())`,
    // The collector cash chain (collectors module).
    sql`insert into identity_users (id, email, name, password_hash) values (${ids.collector}, ${`penagih@${slug}.test`}, 'Penagih', 'x')`,
    sql`insert into identity_memberships (id, tenant_id, user_id, roles) values (${newId()}, ${tenantId}, ${ids.collector}, '{collector}')`,
    sql`insert into collectors_settings (tenant_id, updated_at) values (${tenantId}, now())`,
    sql`insert into collectors_counters (tenant_id, kind, year, last) values (${tenantId}, 'KOL', 2026, 1)`,
    sql`insert into collectors_assignments (tenant_id, customer_id, collector_user_id, route_order, assigned_by, assigned_at)
        values (${tenantId}, ${ids.customer}, ${ids.collector}, 1, ${ids.user}, now())`,
    sql`insert into collectors_deposits (id, tenant_id, number, bank, reference, deposited_on, amount, proof_content_type, proof, recorded_by, created_at)
        values (${ids.deposit}, ${tenantId}, 'BANK-2026-000001', 'BCA', ${`ref-${secret}`}, '2026-11-20', 150000, 'image/png', ${Buffer.from(`\x89PNG${secret}`)}, ${ids.user}, now())`,
    sql`insert into collectors_handovers (id, tenant_id, number, collector_user_id, expected, settlement, counted, difference, kept, status, note, confirmed_by, confirmed_at, deposit_id)
        values (${ids.shortHandover}, ${tenantId}, 'SETOR-2026-000001', ${ids.collector}, 200000, 0, 150000, -50000, 150000, 'short_settled', ${secret}, ${ids.user}, now(), null),
               (${ids.handover}, ${tenantId}, 'SETOR-2026-000002', ${ids.collector}, 150000, 10000, 160000, 0, 160000, 'confirmed', null, ${ids.user}, now(), ${ids.deposit})`,
    sql`update collectors_handovers set closed_by = ${ids.user}, closed_at = now(), close_reason = 'settled' where id = ${ids.shortHandover}`,
    sql`insert into collectors_settlements (tenant_id, handover_id, short_handover_id, amount) values (${tenantId}, ${ids.handover}, ${ids.shortHandover}, 10000)`,
    sql`insert into collectors_collections (id, tenant_id, number, collector_user_id, customer_id, collected_on, collected_at, amount, status, handover_id)
        values (${ids.collection}, ${tenantId}, 'KOL-2026-000001', ${ids.collector}, ${ids.customer}, '2026-11-15', now(), 150000, 'deposited', ${ids.handover})`,
    sql`insert into collectors_collections (id, tenant_id, number, collector_user_id, customer_id, collected_on, collected_at, amount, status, reject_reason, rejected_by)
        values (${newId()}, ${tenantId}, 'KOL-2026-000002', ${ids.collector}, ${ids.customer}, '2026-11-16', now(), 150000, 'rejected', ${secret}, ${ids.user})`,
    sql`insert into collectors_collection_items (tenant_id, collection_id, invoice_id, amount) values (${tenantId}, ${ids.collection}, ${ids.invoice}, 150000)`,
    sql`insert into collectors_visits (id, tenant_id, collector_user_id, customer_id, visited_on, result, promised_on, note, collection_id, created_at)
        values (${newId()}, ${tenantId}, ${ids.collector}, ${ids.customer}, '2026-11-15', 'paid', null, ${secret}, ${ids.collection}, now())`,
    sql`insert into collectors_logs (id, tenant_id, collector_user_id, actor_user_id, action, subject, amount, detail, created_at)
        values (${newId()}, ${tenantId}, ${ids.collector}, ${ids.collector}, 'collection', 'KOL-2026-000001', 150000, ${secret}, now())`,
    // technicians: a task on the customer and an outage-fix task, activities (on a task, on an ODP), a photo, a re-checked line
    sql`insert into technicians_settings (tenant_id, outage_fix_mode, retention_days, updated_at) values (${tenantId}, 'propose', 365, now())`,
    sql`insert into technicians_tasks (id, tenant_id, number, kind, title, description, target_kind, customer_id, target_name, source, created_by, created_at, updated_at)
        values (${ids.task}, ${tenantId}, 1, 'repair', 'Perbaikan', ${secret}, 'customer', ${ids.customer}, 'Pelanggan', 'staff', ${ids.user}, now(), now())`,
    sql`insert into technicians_tasks (id, tenant_id, number, kind, title, target_kind, outage_id, target_name, source, created_at, updated_at)
        values (${ids.outageTask}, ${tenantId}, 2, 'outage_fix', 'Gangguan', 'outage', ${ids.odcOutage}, 'ODC', 'outage', now(), now())`,
    sql`insert into technicians_tasks (id, tenant_id, number, kind, title, target_kind, odp_id, odc_id, target_name, source, created_at, updated_at)
        values (${newId()}, ${tenantId}, 3, 'survey', 'Survei ODP', 'odp', ${ids.odp}, null, 'ODP', 'staff', now(), now()),
               (${newId()}, ${tenantId}, 4, 'survey', 'Survei ODC', 'odc', null, ${ids.odc}, 'ODC', 'staff', now(), now())`,
    sql`insert into technicians_task_assignees (task_id, tenant_id, user_id, assigned_at) values (${ids.task}, ${tenantId}, ${ids.user}, now())`,
    sql`insert into technicians_task_history (id, tenant_id, task_id, from_status, to_status, actor_user_id, note, created_at)
        values (${newId()}, ${tenantId}, ${ids.task}, null, 'open', ${ids.user}, ${secret}, now())`,
    sql`insert into technicians_activities (id, tenant_id, task_id, technician_id, note, created_at) values (${ids.activity}, ${tenantId}, ${ids.task}, ${ids.user}, ${secret}, now())`,
    sql`insert into technicians_activities (id, tenant_id, element_kind, odp_id, odc_id, customer_id, element_name, technician_id, note, created_at)
        values (${ids.looseActivity}, ${tenantId}, 'odp', ${ids.odp}, null, null, 'ODP', ${ids.user}, ${secret}, now()),
               (${newId()}, ${tenantId}, 'odc', null, ${ids.odc}, null, 'ODC', ${ids.user}, ${secret}, now()),
               (${newId()}, ${tenantId}, 'customer', null, null, ${ids.customer}, 'Pelanggan', ${ids.user}, ${secret}, now())`,
    sql`insert into technicians_photos (id, tenant_id, task_id, activity_id, uploaded_by, storage_key, thumbnail_key, content_type, size_bytes, width, height, latitude, longitude, created_at)
        values (${newId()}, ${tenantId}, ${ids.task}, ${ids.activity}, ${ids.user}, ${`${tenantId}/${secret}.jpg`}, ${`${tenantId}/${secret}.thumb.jpg`}, 'image/jpeg', 1, 1, 1, -7.7, 110.4, now())`,
    sql`insert into technicians_task_lines (task_id, tenant_id, customer_id, rechecked_at) values (${ids.outageTask}, ${tenantId}, ${ids.customer}, now())`,
    // The SaaS layer: an add-on bought with its invoice, and an adjustment billed on it (the references between its tenant tables).
    sql`insert into saas_addons (id, code, name, limit_name, amount, price, created_at) values (${ids.addon}, ${`seed-${slug}`}, 'Tambahan 100 pelanggan', 'customers', 100, 50000, now())`,
    sql`insert into saas_invoices (id, tenant_id, number, kind, description, amount, due_date, order_id, created_at)
        values (${ids.saasInvoice}, ${tenantId}, ${`SAAS-${slug}`}, 'addon', 'Tambahan', 50000, '2026-12-10', ${`saas-${slug}`}, now())`,
    sql`insert into saas_tenant_addons (id, tenant_id, addon_id, quantity, invoice_id, created_at) values (${newId()}, ${tenantId}, ${ids.addon}, 1, ${ids.saasInvoice}, now())`,
    sql`insert into saas_adjustments (id, tenant_id, period, description, amount, invoice_id, created_at) values (${newId()}, ${tenantId}, '2026-12-01', 'Ganti paket', 10000, ${ids.saasInvoice}, now())`,
  ];
  for (const statement of statements) await statement.execute(owner);
  return { ...ids, username, secret };
}
