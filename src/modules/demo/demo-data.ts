import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { IdentityService } from '../identity/index.ts';
import type { TenantsService } from '../tenants/index.ts';

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

export const isDatabaseEmpty = async (db: Database) => {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from tenants`.execute(db.owner);
  return rows[0].n === 0;
};

export async function loadDemoData(deps: { identity: IdentityService; tenants: TenantsService }) {
  const { userId } = await deps.identity.ensureSuperAdmin(demoSuperAdmin);
  const rootActor = { userId, isSuperAdmin: true, tenantId: null, roles: [], via: 'session' as const };
  const [owner, ...others] = demoStaff;
  const { tenant } = await deps.tenants.createTenant(rootActor, {
    ...demoTenant,
    owner: { email: owner.email, name: owner.name, password: demoPassword },
  });
  const ownerActor = { userId, isSuperAdmin: false, tenantId: tenant.id as never, roles: ['owner' as const], via: 'session' as const };
  for (const person of others) {
    await deps.identity.addStaff(ownerActor, { email: person.email, name: person.name, roles: [...person.roles], password: demoPassword });
  }
  return { tenant, logins: [demoSuperAdmin.email, ...demoStaff.map((s) => s.email)], password: demoPassword };
}
