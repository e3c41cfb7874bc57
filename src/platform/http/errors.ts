import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fromDatabaseError } from '../db/database-errors.ts';
import { AppError, type AppErrorCode } from '../errors/app-error.ts';

export type ErrorBody = { error: { code: AppErrorCode; message: string; details?: unknown } };

const fastifyCodes: Record<string, { code: AppErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The request body is empty but declared as JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', message: 'Content-Length does not match the body.' },
  FST_ERR_BAD_URL: { code: 'VALIDATION_FAILED', message: 'The address is not validly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: 'A part of the address is too long.' },
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
  const fromDatabase = fromDatabaseError(error);
  if (fromDatabase) return fromDatabase;
  if (e?.code && fastifyCodes[e.code]) {
    const known = fastifyCodes[e.code];
    return new AppError(known.code, known.message);
  }
  if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) {
    return new AppError('MALFORMED_JSON', 'The request body is not valid JSON.');
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', e.message, { fields: [] });
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

const bodyOf = (error: AppError): ErrorBody => ({ error: { code: error.code, message: error.message, details: error.details } });

function sendError(reply: FastifyReply, error: AppError) {
  const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  return reply.status(error.httpStatus).send(bodyOf(error));
}

/** Errors Fastify raises before a route is found (bad percent-encoding, a path segment over maxParamLength). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  request.log.debug({ code: appError.code }, appError.message);
  reply.header('x-request-id', request.id);
  return sendError(reply, appError);
}

/** Requests Node's HTTP parser refuses (oversized headers, slow or broken requests) get the one shape too. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('HEADERS_TOO_LARGE', 'The request headers are too large.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('REQUEST_TIMEOUT', 'The request took too long to arrive.')
        : new AppError('VALIDATION_FAILED', 'The request is not valid HTTP.');
  const body = JSON.stringify(bodyOf(appError));
  const status = appError.httpStatus;
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function installErrorHandling(app: FastifyInstance<any, any, any, any, any>) {
  const allowedMethods = routeMethodIndex(app);

  app.setErrorHandler((error, request, reply) => {
    if (isResponseSerializationError(error)) request.log.error({ err: error }, 'response did not match its schema');
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else request.log.debug({ code: appError.code }, appError.message);
    return sendError(reply, appError);
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
    return sendError(reply, error);
  });
}
