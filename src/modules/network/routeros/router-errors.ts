import { constants } from 'node:os';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RouterConnection } from './types.ts';
import { networkErrors } from '../network.errors.ts';

/**
 * Turns what sockets, TLS, the API client and fetch throw into the few errors an operator can act
 * on: unreachable, refused, timeout, bad login, TLS, connection lost, command rejected.
 */

const tlsCodes = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|EPROTO$|ERR_OSSL_)/;
const unreachableCodes = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);
const timeoutCodes = new Set(['ETIMEDOUT', 'SOCKTMOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'TimeoutError']);
const lostCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

const errnoNames = new Map(Object.entries(constants.errno).map(([name, value]) => [value, name]));

/** The most specific code found on an error or its causes (some errors keep only a numeric errno). */
export const errorCode = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, errno, name, cause } = current as { code?: unknown; errno?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    if (typeof errno === 'string') return errno;
    if (typeof errno === 'number') return errnoNames.get(Math.abs(errno));
    if (name === 'TimeoutError') return name;
    current = cause;
  }
  return undefined;
};

const where = (connection: RouterConnection, port: number) => ({ routerId: connection.routerId, host: connection.host, port });

/** A failure while connecting or logging in: nothing was sent. */
export const classifyConnectError = (error: unknown, connection: RouterConnection, port: number): AppError => {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  const details = { ...where(connection, port), cause: code ?? (error as Error)?.message, sent: false };
  const target = `${connection.host}:${port}`;
  if (code === 'ECONNREFUSED') {
    return new AppError(networkErrors.ROUTER_REFUSED, `Router ${target} refused the connection: is the ${connection.apiKind === 'rest' ? 'www/www-ssl' : 'api/api-ssl'} service enabled on that port?`, details);
  }
  if (code && timeoutCodes.has(code)) {
    // A port that does not speak TLS often just waits for more bytes of the handshake.
    const hint = connection.tls ? ': if that port does not speak TLS the handshake hangs, check the port and the TLS setting' : '';
    return new AppError(networkErrors.ROUTER_TIMEOUT, `Router ${target} did not answer in time${hint}`, details);
  }
  if (code && unreachableCodes.has(code)) return new AppError(networkErrors.ROUTER_UNREACHABLE, `Router ${target} is unreachable (${code})`, details);
  // A plain port answering a TLS client resets or closes the handshake; TLS errors rarely carry an errno.
  if (connection.tls && (code === undefined || tlsCodes.test(code) || lostCodes.has(code))) {
    return new AppError(networkErrors.ROUTER_TLS_FAILED, `TLS with router ${target} failed${code ? ` (${code})` : ''}: check the certificate and that the port speaks TLS`, details);
  }
  if (code && tlsCodes.test(code)) return new AppError(networkErrors.ROUTER_TLS_FAILED, `TLS with router ${target} failed (${code})`, details);
  if (code && lostCodes.has(code)) return new AppError(networkErrors.ROUTER_CONNECTION_LOST, `Router ${target} closed the connection during login`, details);
  return new AppError(networkErrors.ROUTER_UNREACHABLE, `Cannot connect to router ${target}${code ? ` (${code})` : ''}`, details);
};

/** The router answered the login with a trap: wrong username or password (or a user without API rights). */
export const loginRejected = (connection: RouterConnection, port: number, routerMessage: string): AppError =>
  new AppError(networkErrors.ROUTER_AUTH_FAILED, `Router ${connection.host}:${port} rejected the username or password`, {
    ...where(connection, port),
    routerMessage,
    sent: false,
  });

export const connectionLost = (connection: RouterConnection, port: number, sent: boolean): AppError =>
  new AppError(networkErrors.ROUTER_CONNECTION_LOST, `Connection to router ${connection.host}:${port} was lost`, { ...where(connection, port), sent });

export const commandTimedOut = (connection: RouterConnection, port: number, timeoutMs: number): AppError =>
  new AppError(networkErrors.ROUTER_TIMEOUT, `Router ${connection.host}:${port} did not answer within ${timeoutMs} ms`, { ...where(connection, port), sent: true });

/**
 * The host answered, but not in RouterOS' terms (garbage on the API port, JSON or HTML that is
 * not RouterOS REST): another service on that port, or the wrong API kind chosen.
 */
export const protocolError = (connection: RouterConnection, port: number, what: string, sent: boolean): AppError =>
  new AppError(
    networkErrors.ROUTER_PROTOCOL_ERROR,
    `${connection.host}:${port} does not answer as RouterOS ${connection.apiKind === 'rest' ? 'REST' : 'API'} (${what}): check the port and the API kind`,
    { ...where(connection, port), sent },
  );

/** RouterOS refused one command (`!trap`, or REST 4xx); the connection is fine. */
export const commandRejected = (connection: RouterConnection, routerMessage: string, missingItem: boolean): AppError =>
  new AppError(networkErrors.ROUTER_REJECTED, `Router refused the command: ${routerMessage}`, { routerId: connection.routerId, routerMessage, missingItem, sent: true });

/** Errors that say the link or the router is down (they trip the circuit breaker). */
export const isConnectionFailure = (error: AppError): boolean =>
  error.code !== networkErrors.ROUTER_REJECTED && error.code.startsWith('ROUTER_') && error.code !== networkErrors.ROUTER_CIRCUIT_OPEN;

export const isMissingItem = (error: AppError): boolean =>
  error.code === networkErrors.ROUTER_REJECTED && (error.details as { missingItem?: boolean } | undefined)?.missingItem === true;
