import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { RouterRow } from './use-cases/router-access.ts';
import { networkErrors } from './network.errors.ts';

/**
 * A router's password is sealed together with where it may be sent (API kind, TLS, host, port)
 * and opened only for that place: whatever changed the row (an API call, a hand edit in the
 * database), stored credentials never go to another address. Moving a router needs the password.
 */
export type RouterLocation = { apiKind: string; useTls: boolean; host: string; port: number | null };

const keyOf = (l: RouterLocation) => JSON.stringify([l.apiKind, l.useTls, l.host, l.port]);

export const sameLocation = (a: RouterLocation, b: RouterLocation) => keyOf(a) === keyOf(b);

type LocatedRow = Pick<RouterRow, 'api_kind' | 'use_tls' | 'host' | 'port'>;

export const locationOfRow = (r: LocatedRow): RouterLocation => ({ apiKind: r.api_kind, useTls: r.use_tls, host: r.host, port: r.port ?? null });

export const passwordRequired = (message: string) => new AppError(networkErrors.ROUTER_PASSWORD_REQUIRED, message, { fields: { password: 'required' } });

export const sealRouterPassword = (secrets: SecretBox, password: string, location: RouterLocation) =>
  secrets.seal(JSON.stringify({ password, location: keyOf(location) }));

/** The row's password, if the row is still where it was entered; else ROUTER_PASSWORD_REQUIRED. */
export function openRouterPassword(secrets: SecretBox, row: LocatedRow & Pick<RouterRow, 'name' | 'sealed_password'>): string {
  const opened = secrets.open(row.sealed_password);
  let bound: { password?: unknown; location?: unknown } | null = null;
  try {
    bound = JSON.parse(opened);
  } catch {
    // sealed before passwords were bound to a location
  }
  if (typeof bound?.password !== 'string') return opened;
  if (bound.location !== keyOf(locationOfRow(row))) {
    throw passwordRequired(`Router "${row.name}" moved since its password was entered: enter the password again.`);
  }
  return bound.password;
}
