import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { requireTenant, type Actor } from './actor.ts';
import type { IdentityTables } from './identity.tables.ts';

export type AuditEntry = {
  tenantId?: string | null;
  actorUserId?: string | null;
  action: string;
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export type AuditRecord = {
  id: string;
  actorUserId: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};

/** Writes a security event inside the caller's transaction (other modules record theirs here too). */
export type RecordAudit = (trx: Tx<IdentityTables>, entry: AuditEntry) => Promise<unknown>;

/** The security audit log: logins, role changes, tokens, platform actions. */
export function createAudit(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  const record: RecordAudit = (trx, entry) =>
    trx
      .insertInto('identity_audit_log')
      .values({
        id: newId(),
        tenant_id: entry.tenantId ?? null,
        actor_user_id: entry.actorUserId ?? null,
        action: entry.action,
        subject: entry.subject ?? null,
        ip: entry.ip ?? null,
        details: JSON.stringify(entry.details ?? {}) as never,
        created_at: clock.now(),
      })
      .execute();

  const list = (actor: Actor, limit: number) =>
    db.tenant<IdentityTables, AuditRecord[]>(requireTenant(actor), (trx) =>
      trx
        .selectFrom('identity_audit_log')
        .select(['id', 'actor_user_id as actorUserId', 'action', 'subject', 'ip', 'details', 'created_at as createdAt'])
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),
    );

  return { record, list };
}
