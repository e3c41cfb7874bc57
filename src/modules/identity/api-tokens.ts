import { sql } from 'kysely';
import type { Page } from '../../platform/http/pagination.ts';
import type { Clock } from '../../platform/clock.ts';
import { createAccessCache } from '../../platform/db/access-cache.ts';
import { assumeRole, DbRole, type Database, type TenantId } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { requireTenant, type Actor } from './actor.ts';
import type { RecordAudit } from './audit.ts';
import type { IdentityTables, StaffRole } from './identity.tables.ts';
import { hashToken, newSecretToken } from './secrets.ts';

export type ApiTokenSummary = {
  id: string;
  name: string;
  roles: StaffRole[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** "Last used" is written at most once a minute per token, not on every request. */
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/**
 * What identity asks of the tenant's subscription (the SaaS layer's cached entitlements, handed in
 * by the composition root): the features switched on, and a refusal (FEATURE_DISABLED) when one is off.
 */
export type IdentityFeatures = {
  featuresOf(tenantId: TenantId): Promise<string[]>;
  requireFeature(tenantId: TenantId, feature: 'api_tokens'): Promise<void>;
};

/** API tokens for integrations: bound to one tenant, shown once, revocable. */
export function createApiTokens(deps: { db: Database; clock: Clock; audit: RecordAudit; features?: IdentityFeatures }) {
  const { db, clock, audit } = deps;

  /** Cached like sessions (`createAccessCache`): revoking a token, or its creator losing a role, empties the cache. */
  const resolvedTokens = createAccessCache<Actor>({ db, clock });

  async function authenticateApiToken(token: string): Promise<Actor | null> {
    const actor = await resolvedTokens.get(hashToken(token), () => resolveApiToken(token));
    // A token works only while its tenant has the api_tokens feature: the entitlements are cached too, so this costs no query.
    if (actor) await deps.features?.requireFeature(actor.tenantId!, 'api_tokens');
    return actor && { ...actor };
  }

  /** The token, with only the roles its creator still holds; "last used" written at most once per interval. */
  async function resolveApiToken(token: string): Promise<{ value: Actor } | null> {
    return db.system<IdentityTables, { value: Actor } | null>(async (trx) => {
      const { rows } = await sql<{ token_id: string; tenant_id: string; user_id: string; roles: StaffRole[] }>`
        select * from identity_resolve_api_token(${hashToken(token)})`.execute(trx);
      const found = rows[0];
      if (!found) return null;
      await assumeRole(trx, DbRole.app, { tenantId: found.tenant_id, userId: found.user_id });
      const now = clock.now();
      await trx
        .updateTable('identity_api_tokens')
        .set({ last_used_at: now })
        .where('id', '=', found.token_id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - TOKEN_TOUCH_INTERVAL_MS))]))
        .execute();
      return { value: { userId: found.user_id, isSuperAdmin: false, tenantId: found.tenant_id as TenantId, roles: found.roles, via: 'token', tokenId: found.token_id } };
    });
  }

  async function createApiToken(actor: Actor, input: { name: string; roles: StaffRole[] }) {
    const tenantId = requireTenant(actor);
    // A token could otherwise mint a longer-lived or wider one.
    if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'An API token cannot create tokens; log in to create one.');
    // Roles, not permissions: an admin's permissions cover most of an owner's, yet an owner token would make them owner.
    const notHeld = input.roles.filter((r) => !actor.roles.includes(r));
    if (notHeld.length) throw new AppError('FORBIDDEN', `A token may only have roles you hold yourself; you are not ${notHeld.join(', ')}.`);
    const token = newSecretToken('spt');
    const id = newId();
    await db.tenant<IdentityTables, void>(tenantId, async (trx) => {
      await trx
        .insertInto('identity_api_tokens')
        .values({ id, tenant_id: tenantId, created_by: actor.userId, name: input.name, token_hash: hashToken(token), roles: input.roles, created_at: clock.now() })
        .execute();
      await audit(trx, { tenantId, actorUserId: actor.userId, action: 'token.created', subject: id, details: { name: input.name, roles: input.roles } });
    });
    return { id, name: input.name, roles: input.roles, token };
  }

  const listApiTokens = (actor: Actor, page: Page) =>
    db.tenant<IdentityTables, ApiTokenSummary[]>(requireTenant(actor), (trx) =>
      trx
        .selectFrom('identity_api_tokens')
        .select(['id', 'name', 'roles', 'created_by as createdBy', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
    );

  async function revokeApiToken(actor: Actor, tokenId: string) {
    const tenantId = requireTenant(actor);
    await db.tenant<IdentityTables, void>(tenantId, async (trx) => {
      const result = await trx
        .updateTable('identity_api_tokens')
        .set({ revoked_at: clock.now() })
        .where('id', '=', tokenId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'No such active token.');
      await audit(trx, { tenantId, actorUserId: actor.userId, action: 'token.revoked', subject: tokenId });
    });
  }

  return { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken };
}
