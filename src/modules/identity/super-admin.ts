import { sql } from 'kysely';
import { assumeRole, DbRole, type Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { RecordAudit } from './audit.ts';
import type { IdentityTables } from './identity.tables.ts';
import { assertStrongPassword } from './password-policy.ts';
import { hashPassword } from './secrets.ts';

/** Creates (or promotes) a platform super admin. Used by the CLI and the demo loader. */
export function createSuperAdminBootstrap(deps: { db: Database; audit: RecordAudit }) {
  const { db, audit } = deps;

  return async function ensureSuperAdmin(input: { email: string; name: string; password: string }) {
    const email = input.email.trim().toLowerCase();
    assertStrongPassword(input.password, email, 'password');
    const passwordHash = await hashPassword(input.password);
    return db.system<IdentityTables, { userId: string; created: boolean }>(async (trx) => {
      const existing = await trx.selectFrom('identity_users').select('id').where(sql`lower(email)`, '=', email).executeTakeFirst();
      if (existing) {
        // A platform account is never tenant staff (the database refuses it too); RLS shows a person's memberships to themselves.
        await assumeRole(trx, DbRole.app, { userId: existing.id });
        const member = await trx.selectFrom('identity_memberships').select('id').where('user_id', '=', existing.id).executeTakeFirst();
        if (member) throw new AppError('CONFLICT', `${email} is staff of a tenant; a platform super admin needs an account of its own.`);
        await trx.updateTable('identity_users').set({ is_super_admin: true, password_hash: passwordHash }).where('id', '=', existing.id).execute();
      } else {
        await trx
          .insertInto('identity_users')
          .values({ id: newId(), email, name: input.name, password_hash: passwordHash, is_super_admin: true })
          .execute();
      }
      const { id } = await trx.selectFrom('identity_users').select('id').where(sql`lower(email)`, '=', email).executeTakeFirstOrThrow();
      await audit(trx, { action: 'super_admin.ensured', subject: email });
      return { userId: id, created: !existing };
    });
  };
}
