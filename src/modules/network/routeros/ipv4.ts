import { isIPv4 } from 'node:net';

/**
 * A customer address as RouterOS stores it in an address list: IPv4, optionally with a prefix;
 * a /32 is shown as the bare address. Null for anything else (hostnames, IPv6, typos).
 */
export const normaliseIpv4 = (value: string): string | null => {
  const [ip, prefix, ...rest] = value.trim().split('/');
  if (rest.length > 0 || !isIPv4(ip)) return null;
  if (prefix === undefined || prefix === '32') return ip;
  return /^(?:[0-9]|[12][0-9]|3[01])$/.test(prefix) ? `${ip}/${prefix}` : null;
};
