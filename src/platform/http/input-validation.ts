import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.ts';

/**
 * C0 control characters and DEL, except tab, line feed and carriage return (free text may hold
 * those). PostgreSQL cannot store NUL in text at all, and the rest only ever arrive by mistake or
 * from an attacker: every request refuses them before any query runs.
 */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Deeper than any of our schemas: nesting beyond it is refused rather than walked. */
const MAX_DEPTH = 32;

type Finding = { path: string[]; problem: string };

function findBadInput(value: unknown, path: string[]): Finding | undefined {
  if (typeof value === 'string') return controlCharacter.test(value) ? { path, problem: 'contains a control character' } : undefined;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  if (path.length >= MAX_DEPTH) return { path, problem: 'is nested too deeply' };
  for (const [key, item] of Object.entries(value)) {
    if (controlCharacter.test(key)) return { path: [...path, key.replace(new RegExp(controlCharacter, 'g'), '?')], problem: 'has a control character in its name' };
    const found = findBadInput(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * The zod validator of fastify-type-provider-zod, preceded by one check of every string in the
 * body, query and path parameters: a NUL or other control character is a 400 naming the field.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
  const part = route.httpPart ?? 'request'; // named as zod's own errors name it: body, querystring, params
  return (data: unknown) => {
    const found = findBadInput(data, []);
    if (!found) return validate(data);
    const field = [part, ...found.path].join('.');
    return { error: new AppError('VALIDATION_FAILED', `Invalid ${part}: ${field} ${found.problem}.`, { fields: [{ field, problem: found.problem }] }) };
  };
};
