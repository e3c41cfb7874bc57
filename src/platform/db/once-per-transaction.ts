import type { Tx } from './database.ts';

/**
 * A value read at most once per transaction (a tenant's policy or settings, asked for several
 * times by one payment). A failed read is not remembered: its transaction is rolling back anyway.
 * A caller that changes the value in the transaction `set`s or `forget`s it, so the next read
 * sees the change.
 */
export function oncePerTransaction<T, A extends unknown[]>(read: (trx: Tx, ...args: A) => Promise<T>) {
  const known = new WeakMap<Tx, Promise<T>>();
  return {
    get(trx: Tx, ...args: A): Promise<T> {
      const remembered = known.get(trx);
      if (remembered) return remembered;
      const reading = read(trx, ...args);
      known.set(trx, reading);
      reading.catch(() => known.delete(trx));
      return reading;
    },
    set: (trx: Tx, value: T) => void known.set(trx, Promise.resolve(value)),
    forget: (trx: Tx) => void known.delete(trx),
  };
}
