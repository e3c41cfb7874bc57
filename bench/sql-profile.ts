import type { PGlite } from '@electric-sql/pglite';
import { watchStatements } from '../src/platform/db/pglite-dialect.ts';
import { printTable } from './machine.ts';

/**
 * A bench-only statement counter for the embedded database, on the dialect's statement watcher:
 * every caller (Kysely through the PGlite dialect, pg-boss through `pgliteClient`, the relay)
 * sends its statements through the one session, so nothing escapes the count. Statements are grouped by their SQL text (whitespace collapsed,
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
  /** Open transactions: their statements so far and when they began. */
  const open = new Map<number, { trail: string[]; started: number }>();

  const stop = watchStatements(pglite, ({ text, ms, transaction }) => {
    if (ignore?.test(text)) return;
    const key = shorten(text);
    const entry = statements.get(key) ?? statements.set(key, { count: 0, ms: 0 }).get(key)!;
    entry.count++;
    entry.ms += ms;
    total.statements++;
    total.ms += ms;
    if (transaction === null) return;
    if (/^begin\b/i.test(text)) open.set(transaction, { trail: [], started: performance.now() - ms });
    const current = open.get(transaction);
    if (!current) return;
    if (!/^(commit|rollback)$/i.test(text.trim())) {
      // The BEGIN carries the role settings: what follows it names the transaction.
      if (!/^begin\b/i.test(text)) current.trail.push(key);
      return;
    }
    open.delete(transaction);
    const label = transactionLabel(current.trail);
    const kind = transactions.get(label) ?? transactions.set(label, { count: 0, statements: 0, ms: 0, sample: current.trail }).get(label)!;
    kind.count++;
    kind.statements += current.trail.length + 2; // BEGIN (with the settings) and COMMIT/ROLLBACK
    kind.ms += performance.now() - current.started;
    total.transactions++;
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
      stop();
    },
  };
}
