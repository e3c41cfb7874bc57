import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import '../../composition-root.ts';
import { AppErrorCode, defineErrors, registeredErrorCodes } from './app-error.ts';

/**
 * Error codes: the platform keeps the generic ones, each module its own in `<m>.errors.ts`.
 * Every code has one owner and one HTTP status, every thrower registers the code it throws,
 * and every code the console translates is one the server can send.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const modulesDir = path.join(root, 'src/modules');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });

/** Each module's codes as written in its errors file: `CODE: status,` inside defineErrors. */
const moduleErrorFiles = readdirSync(modulesDir).flatMap((m) => {
  const file = path.join(modulesDir, m, `${m}.errors.ts`);
  try {
    const text = readFileSync(file, 'utf8');
    return [{ module: m, file, codes: [...text.matchAll(/^\s+([A-Z][A-Z0-9_]+): \d{3},/gm)].map((x) => x[1]) }];
  } catch {
    return [];
  }
});

describe('error codes', () => {
  it('every registered code has an HTTP error status', () => {
    const registered = registeredErrorCodes();
    expect(registered.size).toBeGreaterThan(Object.keys(AppErrorCode).length);
    for (const [code, status] of registered) {
      expect(code, code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(Number.isInteger(status) && status >= 400 && status <= 599, `${code} → ${status}`).toBe(true);
    }
  });

  it("every module's codes are registered once the composition root is loaded, with the status its file gives", () => {
    expect(moduleErrorFiles.map((f) => f.module).sort()).toEqual(expect.arrayContaining(['billing', 'identity', 'network', 'notifications']));
    const registered = registeredErrorCodes();
    for (const { file, codes } of moduleErrorFiles) {
      expect(codes.length, file).toBeGreaterThan(0);
      const text = readFileSync(file, 'utf8');
      for (const code of codes) {
        const status = Number(new RegExp(`^\\s+${code}: (\\d{3}),`, 'm').exec(text)![1]);
        expect(registered.get(code), `${code} of ${file}`).toBe(status);
      }
    }
  });

  it('no code is defined twice: not by two modules, not by a module and the platform', () => {
    const owners = new Map<string, string[]>();
    for (const code of Object.keys(AppErrorCode)) owners.set(code, ['platform']);
    for (const { module, codes } of moduleErrorFiles) for (const code of codes) owners.set(code, [...(owners.get(code) ?? []), module]);
    const twice = [...owners].filter(([, by]) => by.length > 1);
    expect(twice).toEqual([]);
    // and the mechanism itself refuses a second definition, leaving the first status in place
    expect(() => defineErrors('someone-else', { ROUTER_TIMEOUT: 500 })).toThrow(/ROUTER_TIMEOUT of module someone-else is already defined/);
    expect(() => defineErrors('someone-else', { NOT_FOUND: 400 })).toThrow(/already defined/);
    expect(registeredErrorCodes().get('ROUTER_TIMEOUT')).toBe(504);
    expect(registeredErrorCodes().get('NOT_FOUND')).toBe(404);
  });

  it("outside its errors file a module's code is written as xErrors.CODE, so the file that throws it registers it", () => {
    const moduleCodes = new Map(moduleErrorFiles.flatMap(({ module, codes }) => codes.map((code) => [code, module] as const)));
    const literals: string[] = [];
    for (const file of sourceFiles(path.join(root, 'src'))) {
      if (file.endsWith('.errors.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/['"]([A-Z][A-Z0-9_]+)['"]/g)) {
        const owner = moduleCodes.get(match[1]);
        if (owner) literals.push(`${path.relative(root, file)}: '${match[1]}' (use ${owner}Errors.${match[1]})`);
      }
    }
    expect(literals).toEqual([]);
  });

  it('a use case imported on its own (as a unit test does) still throws with its module status', async () => {
    vi.resetModules();
    const fresh = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ file)) as T;
    const statusOf = (fn: () => unknown): number => {
      try {
        fn();
      } catch (error) {
        return (error as { httpStatus: number }).httpStatus;
      }
      throw new Error('nothing was thrown');
    };
    const { invalidLineError } = await fresh<typeof import('../../modules/network/routeros/line-diff.ts')>('../../modules/network/routeros/line-diff.ts');
    expect(invalidLineError({ mode: 'address-list', customerId: 'c1', address: '10.0.0.300' })?.httpStatus).toBe(422);
    const { assertStrongPassword } = await fresh<typeof import('../../modules/identity/password-policy.ts')>('../../modules/identity/password-policy.ts');
    expect(statusOf(() => assertStrongPassword('short', 'a@b.id', 'password'))).toBe(400);
    const { parseRupiah } = await fresh<typeof import('../../modules/billing/gateways/rupiah.ts')>('../../modules/billing/gateways/rupiah.ts');
    expect(statusOf(() => parseRupiah('150000.50', 'amount'))).toBe(422);
    const { recipientDigits } = await fresh<typeof import('../../modules/notifications/gateways/wa-errors.ts')>('../../modules/notifications/gateways/wa-errors.ts');
    expect(statusOf(() => recipientDigits({ to: '0812' } as never, 'fonnte'))).toBe(422);
  });

  it('every error code the console translates is a code the server sends', () => {
    const registered = registeredErrorCodes();
    for (const locale of ['id', 'en']) {
      const text = readFileSync(path.join(root, `web/src/locales/${locale}.ts`), 'utf8');
      const keys = [...text.matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1]);
      expect(keys.length, locale).toBeGreaterThan(10);
      // a key segment written like a code (`error.code.ROUTER_TIMEOUT`, `errors.LOGIN_THROTTLED`) names a code
      const codeKeys = keys.flatMap((key) => key.split('.').filter((part) => /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(part)));
      expect(codeKeys.filter((code) => !registered.has(code)), locale).toEqual([]);
    }
  });
});
