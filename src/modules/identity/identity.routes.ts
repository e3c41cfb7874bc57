import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { SESSION_COOKIE, requireActor, requirePermission } from './identity.auth.ts';
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

export function identityRoutes(identity: IdentityService, options: { cookieSecure: boolean; sessionTtlHours: number }) {
  const setSessionCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.cookieSecure,
      path: '/',
      expires: expiresAt,
    });

  return async (app: HttpServer) => {
    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['identity'],
          summary: 'Log in with email and password; sets an httpOnly session cookie',
          security: [],
          body: z.object({ email: EmailSchema, password: z.string().min(1).max(500), tenantId: z.uuid().optional() }).strict(),
          response: { 200: MeSchema },
        },
      },
      async (request, reply) => {
        const session = await identity.login({ ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
        setSessionCookie(reply, session.token, session.expiresAt);
        const actor = await identity.authenticateSession(session.token);
        return identity.me(actor!);
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['identity'], summary: 'End this session', response: { 200: Ok } } }, async (request, reply) => {
      await identity.logout(requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
          summary: 'Change my password (signs out my other sessions)',
          body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().max(500) }).strict(),
          response: { 200: Ok },
        },
      },
      async (request) => {
        await identity.changePassword(requireActor(request), { ...request.body, ip: request.ip });
        return { ok: true as const };
      },
    );

    app.get('/api/permissions', { schema: { tags: ['identity'], summary: 'Which role grants which permission', response: { 200: z.record(z.string(), z.array(z.string())) } } }, async () =>
      Object.fromEntries(staffRoles.map((role) => [role, permissionsOf([role])])),
    );

    app.get('/api/staff', { schema: { tags: ['staff'], summary: 'Staff of the current tenant', response: { 200: z.array(StaffSchema) } } }, async (request) =>
      identity.listStaff(requirePermission(request, 'staff.manage')),
    );

    app.post(
      '/api/staff',
      {
        schema: {
          tags: ['staff'],
          summary: 'Add a staff member (a new person needs an initial password; an existing account is linked)',
          body: z
            .object({
              email: EmailSchema,
              name: z.string().trim().min(1).max(120),
              phone: z.string().max(30).optional(),
              roles: RolesSchema,
              password: z.string().max(500).optional(),
            })
            .strict(),
          response: { 201: StaffSchema },
        },
      },
      async (request, reply) => {
        const member = await identity.addStaff(requirePermission(request, 'staff.manage'), request.body);
        return reply.status(201).send(member);
      },
    );

    app.patch(
      '/api/staff/:userId',
      {
        schema: {
          tags: ['staff'],
          summary: 'Change a staff member’s roles or disable them',
          params: z.object({ userId: z.uuid() }),
          body: z.object({ roles: RolesSchema.optional(), status: z.enum(['active', 'disabled']).optional() }).strict(),
          response: { 200: StaffSchema },
        },
      },
      async (request) => identity.updateStaff(requirePermission(request, 'staff.manage'), request.params.userId, request.body),
    );

    app.get(
      '/api/tokens',
      {
        schema: {
          tags: ['identity'],
          summary: 'API tokens of the current tenant (secrets are never shown again)',
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
      async (request) => identity.listApiTokens(requirePermission(request, 'tokens.manage')),
    );

    app.post(
      '/api/tokens',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create an API token for an integration; the secret is shown once',
          body: z.object({ name: z.string().trim().min(1).max(80), roles: RolesSchema }).strict(),
          response: { 201: z.object({ id: z.string(), name: z.string(), roles: z.array(RoleSchema), token: z.string() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await identity.createApiToken(requirePermission(request, 'tokens.manage'), request.body)),
    );

    app.delete(
      '/api/tokens/:tokenId',
      { schema: { tags: ['identity'], summary: 'Revoke an API token', params: z.object({ tokenId: z.uuid() }), response: { 200: Ok } } },
      async (request) => {
        await identity.revokeApiToken(requirePermission(request, 'tokens.manage'), request.params.tokenId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/audit',
      {
        schema: {
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
      async (request) => identity.listAudit(requirePermission(request, 'audit.read'), request.query.limit),
    );
  };
}
