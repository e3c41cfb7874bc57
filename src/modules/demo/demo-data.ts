import type { BillingService } from '../billing/index.ts';
import type { CustomersService } from '../customers/index.ts';
import type { IdentityService } from '../identity/index.ts';
import type { MapsService } from '../maps/index.ts';
import type { PlansService } from '../plans/index.ts';
import type { TenantDirectory, TenantsService } from '../tenants/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { TenantId } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';

/**
 * A realistic demo ISP: an RT/RW Net in Sleman, Yogyakarta (WIB), with staff of every role,
 * including one person who is both technician and collector, as small ISPs really work.
 */
export const demoPassword = 'simpul-demo-2026';
export const demoSuperAdmin = { email: 'superadmin@simpul.local', name: 'Super Admin Simpul', password: demoPassword };
export const demoTenant = { name: 'Jaring Sleman Net', slug: 'jaring-sleman', timeZone: 'Asia/Jakarta' as const };
export const demoStaff = [
  { email: 'pemilik@jaringsleman.id', name: 'Hendra Wijaya', roles: ['owner'] },
  { email: 'admin@jaringsleman.id', name: 'Rina Kusumawati', roles: ['admin'] },
  { email: 'keuangan@jaringsleman.id', name: 'Dewi Lestari', roles: ['finance'] },
  { email: 'penagih@jaringsleman.id', name: 'Agus Setiawan', roles: ['collector'] },
  { email: 'teknisi@jaringsleman.id', name: 'Bayu Pratama', roles: ['technician'] },
  { email: 'teknisi.penagih@jaringsleman.id', name: 'Joko Susilo', roles: ['technician', 'collector'] },
] as const;

export const demoPlans = [
  { name: 'Hemat 10 Mbps', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 110_000, routerProfile: 'hemat-10m' },
  { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 166_500, routerProfile: 'rumahan-20m' },
  { name: 'Bisnis 50 Mbps', downloadKbps: 50_000, uploadKbps: 25_000, monthlyPrice: 350_000, routerProfile: 'bisnis-50m' },
];

// Customers around Ngaglik and Ngemplak, Sleman: name, phone as people write it, street, plan index.
const demoCustomers: [string, string, string, number][] = [
  ['Sri Wahyuni', '0812-2700-1101', 'Jl. Kaliurang km 9, Sardonoharjo', 1],
  ['Bambang Suryadi', '+62 813 2800 1102', 'Perum Griya Taman Asri B-4, Sardonoharjo', 0],
  ['Tri Handayani', '085729001103', 'Dusun Ngelo RT 03/RW 12, Sardonoharjo', 1],
  ['Wahyu Nugroho', '6281327001104', 'Jl. Palagan Tentara Pelajar km 10', 2],
  ['Siti Rahayu', '0878-3900-1105', 'Dusun Jaban RT 01, Tridadi', 0],
  ['Eko Prasetyo', '081328001106', 'Jl. Damai No. 17, Sariharjo', 1],
  ['Lestari Widodo', '0812 1500 1107', 'Perum Jambusari Indah C-12', 1],
  ['Warung Bu Darmi', '081903001108', 'Jl. Besi-Jangkang km 1, Sukoharjo', 2],
  ['Agus Santoso', '085600001109', 'Dusun Candi RT 05, Sardonoharjo', 0],
  ['Ratna Sari', '087700001110', 'Jl. Kaliurang km 8,5 Gg. Pandega', 1],
  ['Yudi Hartanto', '081220001111', 'Dusun Pedak RT 02, Sinduharjo', 1],
  ['Nur Aini', '082135001112', 'Perum Pondok Permai Blok D-3', 0],
  ['Hadi Purnomo', '081392001113', 'Jl. Gito Gati, Pandowoharjo', 1],
  ['Kos Putri Melati', '085878001114', 'Jl. Taman Siswa Sleman No. 5', 2],
  ['Dwi Astuti', '081804001115', 'Dusun Gondangan RT 04, Sardonoharjo', 1],
  ['Joko Widagdo', '087839001116', 'Jl. Kaliurang km 10, Ngaglik', 0],
];

export const isDatabaseEmpty = async (tenants: Pick<TenantDirectory, 'anyTenantExists'>) => !(await tenants.anyTenantExists());

export async function loadDemoData(deps: {
  identity: IdentityService;
  tenants: TenantsService;
  plans: PlansService;
  customers: CustomersService;
  billing: BillingService;
  maps: MapsService;
  clock: Clock;
}) {
  const { userId } = await deps.identity.ensureSuperAdmin(demoSuperAdmin);
  const rootActor = { userId, isSuperAdmin: true, tenantId: null, roles: [], via: 'session' as const };
  const [owner, ...others] = demoStaff;
  const { tenant, ownerUserId } = await deps.tenants.createTenant(rootActor, {
    ...demoTenant,
    owner: { email: owner.email, name: owner.name, password: demoPassword },
  });
  const ownerActor = { userId: ownerUserId, isSuperAdmin: false, tenantId: tenant.id as never, roles: ['owner' as const], via: 'session' as const };
  const staffIds: Record<string, string> = {};
  for (const person of others) {
    const { token } = await deps.identity.inviteStaff(ownerActor, { email: person.email, name: person.name, roles: [...person.roles] });
    const member = await deps.identity.acceptInvitation({ token, password: demoPassword, actor: null });
    staffIds[person.email] = member.userId;
  }
  const financeUserId = staffIds['keuangan@jaringsleman.id'];
  const tenantId = tenant.id as TenantId;
  const plans = [];
  for (const plan of demoPlans) plans.push(await deps.plans.create(tenantId, plan));
  // Everyone joined last year except the last two, who joined this month (pro-rata invoices).
  const thisMonth = localDate(deps.clock.now(), demoTenant.timeZone).slice(0, 8);
  const customerIds: string[] = [];
  for (const [i, [name, phone, address, plan]] of demoCustomers.entries()) {
    const isNew = i >= demoCustomers.length - 2;
    const username = name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
    const customer = await deps.customers.create(tenantId, {
      name,
      phone,
      address,
      latitude: -7.7 - i * 0.0021,
      longitude: 110.39 + (i % 5) * 0.0033,
      planId: plans[plan].id,
      connectionType: i % 4 === 3 ? 'static' : 'pppoe',
      pppoeUsername: i % 4 === 3 ? null : `${username}@jaringsleman`,
      ipAddress: i % 4 === 3 ? `10.77.0.${20 + i}` : null,
      activatedOn: isNew ? `${thisMonth}02` : '2025-08-01',
      private: { idCardNumber: `34040${String(1_000_000_000 + i * 7919).padStart(11, '0')}`, pppoePassword: `rahasia${100 + i}` },
    });
    customerIds.push(customer.id);
  }
  // This month's invoices; the first few customers have paid already.
  await deps.billing.generateInvoices(tenantId);
  const { items } = await deps.billing.listInvoices(tenantId, { status: 'unpaid', limit: 500, offset: 0 });
  for (const invoice of items.slice(0, 6)) {
    await deps.billing.recordPayment(tenantId, financeUserId, invoice.id, { amount: invoice.amount, method: invoice.amount > 200_000 ? 'transfer' : 'cash' });
  }
  // Today's scan: past the due date and grace, unpaid customers are isolated, as in real life.
  await deps.billing.runDailyScan(tenantId);
  await loadDemoTopology(deps.maps, tenantId, customerIds, ownerUserId);
  return { tenant, logins: [demoSuperAdmin.email, ...demoStaff.map((s) => s.email)], password: demoPassword };
}

/**
 * The FTTH tree of the demo: two ODCs, four ODPs of eight ports with four customers each, the
 * distribution cables, and one ODP under an outage (after today's scan), so the map shows it.
 */
async function loadDemoTopology(maps: MapsService, tenantId: TenantId, customerIds: string[], ownerUserId: string) {
  const odcs = [];
  for (const [n, lat] of [[1, -7.7045], [2, -7.7215]] as const) {
    odcs.push(await maps.createOdc(tenantId, { code: `ODC-SRD-0${n}`, name: n === 1 ? 'Kabinet Sardonoharjo Utara' : 'Kabinet Sardonoharjo Selatan', latitude: lat, longitude: 110.3855, capacity: 16, feeder: `OLT Ngaglik PON 1/1/${n}` }));
  }
  const odps = [];
  for (let g = 0; g * 4 < customerIds.length; g++) {
    const odc = odcs[g < 2 ? 0 : 1]!;
    const latitude = Math.round((-7.7 - (g * 4 + 1.5) * 0.0021) * 1e6) / 1e6;
    const odp = await maps.createOdp(tenantId, { odcId: odc.id, code: `ODP-SRD-${String(g + 1).padStart(2, '0')}`, name: `Tiang ${g + 1}`, latitude, longitude: 110.3966, splitterRatio: '1:8', portCount: 8 });
    odps.push(odp);
    await maps.createCable(tenantId, { name: `Distribusi ${odc.code} → ${odp.code}`, kind: 'distribution', points: [[odc.latitude, odc.longitude], [odp.latitude, odp.longitude]], odcId: odc.id, odpId: odp.id });
    for (const [port, customerId] of customerIds.slice(g * 4, g * 4 + 4).entries()) await maps.linkCustomer(tenantId, { customerId, odpId: odp.id, port: port + 1 });
  }
  const last = odps[odps.length - 1]!;
  await maps.setOutage(tenantId, { actorUserId: ownerUserId, element: { kind: 'odp', id: last.id }, cause: 'Kabel distribusi tertimpa pohon tumbang' });
}
