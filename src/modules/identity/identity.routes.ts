import type { FastifyReply } from 'fastify';
import { pageQuery } from '../../platform/http/pagination.ts';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { SESSION_COOKIE, requireActor, requirePermission, requireSuperAdmin } from './identity.auth.ts';
import type { IdentityService } from './identity.service.ts';
import { staffRoles } from './identity.tables.ts';
import { permissionsOf } from './permissions.ts';

const RoleSchema = z.enum(staffRoles);
const RolesSchema = z.array(RoleSchema).min(1).transform((roles) => [...new Set(roles)]);
const EmailSchema = z.email().max(200);
const Ok = z.object({ ok: z.literal(true) });

const MeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), phone: z.string().nullable(), isSuperAdmin: z.boolean() }),
  tenants: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), timeZone: z.string(), roles: z.array(RoleSchema) })),
  activeTenantId: z.string().nullable(),
  roles: z.array(RoleSchema),
  permissions: z.array(z.string()),
  /** Features of the active tenant's subscription (empty without one). */
  features: z.array(z.string()),
  /** While a super admin works as this tenant's admin: the banner. `you`: this session is the one impersonating. */
  impersonation: z.object({ superAdminName: z.string(), reason: z.string(), expiresAt: z.coerce.date(), writeAllowed: z.boolean(), you: z.boolean() }).nullable(),
});
const StaffSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  roles: z.array(RoleSchema),
  status: z.enum(['active', 'disabled']),
  addedAt: z.coerce.date(),
});

const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  roles: z.array(RoleSchema),
  invitedBy: z.string(),
  createdAt: z.coerce.date(),
  expiresAt: z.coerce.date(),
});

/** `tenantOfHost`: the tenant a Host belongs to (SaaS domains): logging in there opens that tenant. */
export function identityRoutes(identity: IdentityService, options: { cookieSecure: boolean; sessionTtlHours: number; tenantOfHost?: (host: string) => Promise<string | null> }) {
  const cookieAttributes = { httpOnly: true, sameSite: 'lax', secure: options.cookieSecure } as const;
  const setSessionCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, { ...cookieAttributes, path: '/', expires: expiresAt });

  return async (app: HttpServer) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['identity'],
          summary: 'Log in with email and password; sets an httpOnly session cookie',
          security: [],
          body: z.object({ email: EmailSchema, password: z.string().min(1).max(500), tenantId: z.uuid().optional() }).strict(),
          response: { 200: MeSchema },
        },
      },
      async (request, reply) => {
        // On a tenant's own address the Host picks the tenant (a person who is not its staff is refused there).
        const tenantId = request.body.tenantId ?? (await options.tenantOfHost?.(request.hostname)) ?? undefined;
        const session = await identity.login({ ...request.body, tenantId, ip: request.ip, userAgent: request.headers['user-agent'] });
        setSessionCookie(reply, session.token, session.expiresAt);
        const actor = await identity.authenticateSession(session.token);
        return identity.me(actor!);
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['identity'], summary: 'End this session', response: { 200: Ok } } }, async (request, reply) => {
      await identity.logout(requireActor(request));
      // The clearing header carries the same attributes as the cookie it replaces.
      reply.clearCookie(SESSION_COOKIE, { ...cookieAttributes, path: '/' });
      return { ok: true as const };
    });

    app.get('/api/me', { schema: { tags: ['identity'], summary: 'Who I am, my tenants, roles and permissions', response: { 200: MeSchema } } }, async (request) =>
      identity.me(requireActor(request)),
    );

    app.post(
      '/api/me/tenant',
      {
        schema: {
          tags: ['identity'],
          summary: 'Switch the tenant this session works in',
          body: z.object({ tenantId: z.uuid() }).strict(),
          response: { 200: MeSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await identity.switchTenant(actor, request.body.tenantId);
        const refreshed = await identity.authenticateSession(request.cookies[SESSION_COOKIE]!);
        return identity.me(refreshed!);
      },
    );

    app.post(
      '/api/me/password',
      {
        schema: {
          tags: ['identity'],
          summary: 'Change my password (signs out my other sessions; `revokeTokens` also revokes the API tokens I made)',
          body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().max(500), revokeTokens: z.boolean().default(false) }).strict(),
          response: { 200: z.object({ ok: z.literal(true), tokensRevoked: z.number().int(), tokensRemaining: z.number().int() }) },
        },
      },
      async (request) => ({ ok: true as const, ...(await identity.changePassword(requireActor(request), { ...request.body, ip: request.ip })) }),
    );

    const ImpersonationRow = z.object({
      id: z.string(), tenantId: z.string(), superAdminId: z.string(), superAdminName: z.string(), reason: z.string(), writeAllowed: z.boolean(),
      startedAt: z.coerce.date(), expiresAt: z.coerce.date(), endedAt: z.coerce.date().nullable(),
    });
    app.post(
      '/api/platform/impersonations',
      {
        schema: {
          tags: ['platform'],
          summary: 'Super admin: work in a tenant as its admin, with a reason, for at most 30 minutes (read-only unless the owner allowed support write)',
          body: z.object({ tenantId: z.uuid(), reason: z.string().max(500), minutes: z.number().int().min(1).max(30).optional() }).strict(),
          response: { 201: z.object({ id: z.string(), tenantId: z.string(), reason: z.string(), writeAllowed: z.boolean(), startedAt: z.coerce.date(), expiresAt: z.coerce.date() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await identity.startImpersonation(requireSuperAdmin(request), request.body)),
    );
    app.post(
      '/api/platform/impersonations/end',
      { schema: { tags: ['platform'], summary: 'Super admin: end my impersonation now', response: { 200: z.object({ ended: z.boolean() }) } } },
      async (request) => identity.endImpersonation(requireSuperAdmin(request)),
    );
    app.get('/api/platform/impersonations', { schema: { tags: ['platform'], summary: 'Super admin: impersonation history, newest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(ImpersonationRow) } } }, async (request) => {
      requireSuperAdmin(request);
      return identity.impersonationHistory(request.query);
    });
    app.get(
      '/api/impersonations',
      { schema: { 'x-permission': 'audit.read', tags: ['staff'], summary: 'Who from the platform worked as this tenant’s admin, when and why, newest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(ImpersonationRow) } } },
      async (request) => identity.tenantImpersonations(requirePermission(request).tenantId, request.query),
    );

    app.get('/api/permissions', { schema: { tags: ['identity'], summary: 'Which role grants which permission', response: { 200: z.record(z.string(), z.array(z.string())) } } }, async () =>
      Object.fromEntries(staffRoles.map((role) => [role, permissionsOf([role])])),
    );

    app.get('/api/staff', { schema: { 'x-permission': 'staff.manage', tags: ['staff'], summary: 'Staff of the current tenant, by name', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(StaffSchema) } } }, async (request) =>
      identity.listStaff(requirePermission(request), request.query),
    );

    app.post(
      '/api/staff',
      {
        schema: {
          'x-permission': 'staff.manage',
          tags: ['staff'],
          summary: 'Invite a staff member: answers with a one-time link token (shown once, valid 7 days) to pass on; they join when they accept it',
          body: z
            .object({
              email: EmailSchema,
              name: z.string().trim().min(1).max(120),
              phone: z.string().max(30).optional(),
              roles: RolesSchema,
            })
            .strict(),
          response: { 201: InvitationSchema.extend({ token: z.string() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await identity.inviteStaff(requirePermission(request), request.body)),
    );

    app.get(
      '/api/staff/invitations',
      { schema: { 'x-permission': 'staff.manage', tags: ['staff'], summary: 'Invitations not yet accepted (expired ones included), newest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(InvitationSchema) } } },
      async (request) => identity.listInvitations(requirePermission(request), request.query),
    );

    app.delete(
      '/api/staff/invitations/:invitationId',
      {
        schema: { 'x-permission': 'staff.manage', tags: ['staff'], summary: 'Revoke an invitation: its link stops working', params: z.object({ invitationId: z.uuid() }), response: { 200: Ok } },
      },
      async (request) => {
        await identity.revokeInvitation(requirePermission(request), request.params.invitationId);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/invitations/accept',
      {
        schema: {
          tags: ['staff'],
          summary: 'Accept an invitation: logged in, it joins your account; otherwise send `password` to create your account',
          security: [],
          body: z.object({ token: z.string().min(1).max(200), password: z.string().max(500).optional() }).strict(),
          response: { 200: z.object({ userId: z.string(), tenantId: z.string(), roles: z.array(RoleSchema) }) },
        },
      },
      async (request) => identity.acceptInvitation({ ...request.body, actor: request.actor }),
    );

    app.patch(
      '/api/staff/:userId',
      {
        schema: {
          'x-permission': 'staff.manage',
          tags: ['staff'],
          summary: 'Change a staff member’s roles or disable them',
          params: z.object({ userId: z.uuid() }),
          body: z.object({ roles: RolesSchema.optional(), status: z.enum(['active', 'disabled']).optional() }).strict(),
          response: { 200: StaffSchema },
        },
      },
      async (request) => identity.updateStaff(requirePermission(request), request.params.userId, request.body),
    );

    app.get(
      '/api/tokens',
      {
        schema: {
          'x-permission': 'tokens.manage',
          'x-feature': 'api_tokens',
          tags: ['identity'],
          summary: 'API tokens of the current tenant, newest first (secrets are never shown again)',
          querystring: z.object(pageQuery(100, 500)),
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                roles: z.array(RoleSchema),
                createdBy: z.string(),
                createdAt: z.coerce.date(),
                lastUsedAt: z.coerce.date().nullable(),
                revokedAt: z.coerce.date().nullable(),
              }),
            ),
          },
        },
      },
      async (request) => identity.listApiTokens(requirePermission(request), request.query),
    );

    app.post(
      '/api/tokens',
      {
        schema: {
          'x-permission': 'tokens.manage',
          'x-feature': 'api_tokens',
          tags: ['identity'],
          summary: 'Create an API token for an integration; the secret is shown once',
          body: z.object({ name: z.string().trim().min(1).max(80), roles: RolesSchema }).strict(),
          response: { 201: z.object({ id: z.string(), name: z.string(), roles: z.array(RoleSchema), token: z.string() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await identity.createApiToken(requirePermission(request), request.body)),
    );

    app.delete(
      '/api/tokens/:tokenId',
      { schema: { 'x-permission': 'tokens.manage', 'x-feature': 'api_tokens', tags: ['identity'], summary: 'Revoke an API token', params: z.object({ tokenId: z.uuid() }), response: { 200: Ok } } },
      async (request) => {
        await identity.revokeApiToken(requirePermission(request), request.params.tokenId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/audit',
      {
        schema: {
          'x-permission': 'audit.read',
          tags: ['identity'],
          summary: 'Security events of the current tenant, newest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                actorUserId: z.string().nullable(),
                action: z.string(),
                subject: z.string().nullable(),
                ip: z.string().nullable(),
                details: z.record(z.string(), z.unknown()),
                createdAt: z.coerce.date(),
              }),
            ),
          },
        },
      },
      async (request) => identity.listAudit(requirePermission(request), request.query.limit),
    );
  };
}
