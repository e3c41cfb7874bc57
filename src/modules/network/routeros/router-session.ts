import type { RouterConnection } from './types.ts';

/**
 * One open connection to a router, in RouterOS' own terms (menus, `*1A` ids, string values).
 * The API and REST adapters implement it; the gateway is written once on top of it.
 * Every method rejects with a classified AppError.
 */
export type RouterItem = Record<string, string>;

export interface RouterSession {
  /** `query` words are RouterOS query words without the API's leading `?` (REST style). */
  print(menu: string, options: { proplist: readonly string[]; query?: readonly string[] }): Promise<RouterItem[]>;
  /** Returns the new item's id. */
  add(menu: string, values: RouterItem): Promise<string>;
  set(menu: string, id: string, values: RouterItem): Promise<void>;
  remove(menu: string, id: string): Promise<void>;
  close(): Promise<void>;
}

export type SessionTimeouts = { connectTimeoutMs: number; commandTimeoutMs: number };

export type OpenSession = (connection: RouterConnection, timeouts: SessionTimeouts) => Promise<RouterSession>;
