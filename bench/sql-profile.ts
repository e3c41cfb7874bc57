import type { PGlite } from '@electric-sql/pglite';
import { printTable } from './machine.ts';

/**
 * A bench-only statement counter for the embedded database. It wraps the PGlite instance's
 * `query`, `exec` and `transaction` (and the transaction object's own `query`/`exec`): every
 * caller (Kysely through the PGlite dialect, pg-boss through `fromPglite`, the relay) ends there,
 * so nothing escapes the count. Statements are grouped by their SQL text (whitespace collapsed,
 * literals left as they are: parameters are `$n` already); transactions by their first
 * statements after the role settings, so "whose transaction" shows.
 */
export type SqlProfile = {
  /** Forget what was counted so far (e.g. the seed and the start-up). */
  reset(): void;
  /** Prints the top statements and transactions, per `units` (e.g. per payment). */
  print(title: string, units: number, top?: number, samples?: number): void;
  /** Puts the instance's own methods back. */
  stop(): void;
};

const shorten = (text: string, max = 110) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Whose transaction: the first statements that are not the role settings. */
const transactionLabel = (statements: string[]) =>
  shorten(statements.filter((s) => !s.startsWith('select set_config(')).slice(0, 2).map((s) => shorten(s, 60)).join(' ; ') || '(empty)', 130);

/** `ignore`: statements not counted (the bench's own polling). */
export function profilePglite(pglite: PGlite, ignore?: RegExp): SqlProfile {
  const statements = new Map<string, { count: number; ms: number }>();
  const transactions = new Map<string, { count: number; statements: number; ms: number; sample: string[] }>();
  let total = { statements: 0, ms: 0, transactions: 0 };
  const original = { query: pglite.query, exec: pglite.exec, transaction: pglite.transaction };

  const note = (text: string, ms: number, trail?: string[]) => {
    if (ignore?.test(text)) return;
    const key = shorten(text);
    const entry = statements.get(key) ?? statements.set(key, { count: 0, ms: 0 }).get(key)!;
    entry.count++;
    entry.ms += ms;
    total.statements++;
    total.ms += ms;
    trail?.push(key);
  };
  const timed = <T>(text: string, trail: string[] | undefined, run: () => Promise<T>) => {
    const start = performance.now();
    return run().finally(() => note(text, performance.now() - start, trail));
  };

  type Method = (...args: unknown[]) => Promise<unknown>;
  const target = pglite as unknown as Record<string, unknown>;
  target.query = (text: string, ...rest: unknown[]) => timed(text, undefined, () => (original.query as Method).call(pglite, text, ...rest));
  target.exec = (text: string, ...rest: unknown[]) => timed(text, undefined, () => (original.exec as Method).call(pglite, text, ...rest));
  target.transaction = (fn: (tx: Record<string, unknown>) => Promise<unknown>) =>
    (original.transaction as Method).call(pglite, async (tx: Record<string, Method>) => {
      const trail: string[] = [];
      const start = performance.now();
      const wrapped = Object.create(tx);
      wrapped.query = (text: string, ...rest: unknown[]) => timed(text, trail, () => tx.query.call(tx, text, ...rest));
      wrapped.exec = (text: string, ...rest: unknown[]) => timed(text, trail, () => tx.exec.call(tx, text, ...rest));
      try {
        return await fn(wrapped);
      } finally {
        const key = transactionLabel(trail);
        const entry = transactions.get(key) ?? transactions.set(key, { count: 0, statements: 0, ms: 0, sample: trail }).get(key)!;
        entry.count++;
        entry.statements += trail.length + 2; // BEGIN and COMMIT/ROLLBACK, run by PGlite itself
        entry.ms += performance.now() - start;
        total.transactions++;
        total.statements += 2;
      }
    });

  return {
    reset() {
      statements.clear();
      transactions.clear();
      total = { statements: 0, ms: 0, transactions: 0 };
    },
    print(title, units, top = 40, samples = 10) {
      const per = (n: number) => (n / units).toFixed(2);
      printTable(
        `${title}: statements by SQL text (top ${top} of ${statements.size}), per ${units}`,
        [...statements]
          .sort((a, b) => b[1].count - a[1].count)
          .slice(0, top)
          .map(([sql, s]) => ({ 'per unit': per(s.count), count: s.count, 'ms each': (s.ms / s.count).toFixed(2), sql })),
        [
          `total: ${per(total.statements)} statements and ${per(total.transactions)} transactions per unit ` +
            `(${total.statements} statements incl. BEGIN/COMMIT, ${total.transactions} transactions, ${total.ms.toFixed(0)} ms in statements)`,
        ],
      );
      printTable(
        `${title}: transactions by their first statements (top ${top} of ${transactions.size}), per ${units}`,
        [...transactions]
          .sort((a, b) => b[1].count - a[1].count)
          .slice(0, top)
          .map(([first, t]) => ({ 'per unit': per(t.count), count: t.count, 'stmts each': (t.statements / t.count).toFixed(1), 'ms each': (t.ms / t.count).toFixed(1), first })),
        ['ms: from the call to its answer, waiting for the one session included.'],
      );
      const busiest = [...transactions].sort((a, b) => b[1].count - a[1].count).slice(0, samples);
      printTable(
        `${title}: the first transaction of the ${busiest.length} most frequent kinds, statement by statement`,
        busiest.flatMap(([, t], n) => t.sample.map((statement, i) => ({ kind: n, '#': i + 1, sql: shorten(statement, 100) }))),
      );
    },
    stop() {
      Object.assign(target, original);
    },
  };
}
