import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode } from '../errors/app-error.ts';

export type ErrorBody = { error: { code: AppErrorCode; message: string; details?: unknown } };

const fastifyCodes: Record<string, { code: AppErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The request body is empty but declared as JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', message: 'Content-Length does not match the body.' },
};

/** Turns anything thrown into the one error shape `{ error: { code, message, details } }`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const fields = e.validation.map((v) => ({
      field: [e.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
      problem: v.message ?? 'invalid',
    }));
    return new AppError('VALIDATION_FAILED', `Invalid ${e.validationContext ?? 'request'}: ${fields.map((f) => `${f.field} ${f.problem}`).join('; ')}`, { fields });
  }
  if (e?.code && fastifyCodes[e.code]) {
    const known = fastifyCodes[e.code];
    return new AppError(known.code, known.message);
  }
  if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) {
    return new AppError('MALFORMED_JSON', 'The request body is not valid JSON.');
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', e.message);
  }
  return new AppError('INTERNAL', 'Something went wrong on our side. The request id helps support find it.');
}

/** Routes collected as patterns, to tell "wrong method" (405) from "no such route" (404). */
function routeMethodIndex(app: FastifyInstance) {
  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (route) => {
    const source = route.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*');
    const pattern = new RegExp(`^${source}/?$`);
    const methods = ([] as string[]).concat(route.method);
    const existing = routes.find((r) => r.pattern.source === pattern.source);
    if (existing) methods.forEach((m) => existing.methods.add(m));
    else routes.push({ pattern, methods: new Set(methods) });
  });
  return (path: string) => {
    const allowed = new Set<string>();
    for (const r of routes) if (r.pattern.test(path)) r.methods.forEach((m) => allowed.add(m));
    return [...allowed];
  };
}

export function installErrorHandling(app: FastifyInstance<any, any, any, any, any>) {
  const allowedMethods = routeMethodIndex(app);

  app.setErrorHandler((error, request, reply) => {
    if (isResponseSerializationError(error)) request.log.error({ err: error }, 'response did not match its schema');
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else request.log.debug({ code: appError.code }, appError.message);
    const retryAfter = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter) reply.header('retry-after', String(retryAfter));
    const body: ErrorBody = { error: { code: appError.code, message: appError.message, details: appError.details } };
    return reply.status(appError.httpStatus).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const methods = allowedMethods(path);
    // A route of this very method that found nothing (a missing file under a wildcard) is a 404, not a 405.
    const allowed = methods.includes(request.method) ? [] : methods;
    const error =
      allowed.length > 0
        ? new AppError('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${path}. Allowed: ${allowed.join(', ')}.`, { allowed })
        : new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${path}.`);
    if (allowed.length > 0) reply.header('allow', allowed.join(', '));
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    return reply.status(error.httpStatus).send(body);
  });
}
