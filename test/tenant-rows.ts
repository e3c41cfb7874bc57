import { sql, type Kysely } from 'kysely';
import { newId } from '../src/platform/ids.ts';

/**
 * One row in every tenant-owned table (and a second, unreferenced customer and router) in every tenant-owned table for `tenantId`, written on the owner connection,
 * each tenant-internal value carrying `secret` so a test can search any response for it.
 * `slug` keeps globally unique values (emails, usernames, NAS addresses) apart between tenants.
 */
export async function seedTenantRows(owner: Kysely<any>, tenantId: string, slug: string, nasIp: string) {
  const secret = `rahasia-${slug}`;
  const ids = { user: newId(), plan: newId(), router: newId(), bareRouter: newId(), customer: newId(), bareCustomer: newId(), invoice: newId(), payment: newId() };
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
    sql`insert into http_idempotency_keys (tenant_id, user_id, route, key, request_hash, status, response_body, created_at, expires_at)
        values (${tenantId}, ${ids.user}, 'POST /api/invoices/:invoiceId/payments', ${`k-${slug}`}, 'h', 201, ${`{"note":"${secret}"}`}, now(), now())`,
  ];
  for (const statement of statements) await statement.execute(owner);
  return { ...ids, username, secret };
}
