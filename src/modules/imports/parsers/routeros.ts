/**
 * RouterOS `/ppp secret export` (and `/ppp profile export`) text, as RouterOS 6 and 7 print it:
 * section headers (`/ppp secret`), `add key=value …` lines with `\` continuations, values quoted
 * when they hold spaces or commas (`\"`, `\\` and `\?` escapes inside), `disabled=yes`, comments
 * (`#`). RouterOS 7 hides passwords unless exported with `show-sensitive`: a secret without one
 * comes back with `password: null`.
 */
export type RouterOsSecret = {
  line: number;
  name: string;
  password: string | null;
  profile: string;
  service: string;
  comment: string | null;
  remoteAddress: string | null;
  callerId: string | null;
  disabled: boolean;
};
export type RouterOsProfile = { line: number; name: string; rateLimit: string | null; downloadKbps: number | null; uploadKbps: number | null };
/** `/ip hotspot user profile`: Mikhmon keeps its metadata in `on-login` (`:put (",<expmode>,<price>,<validity>,<selling price>,,<lock>,")`). */
export type HotspotProfile = { line: number; name: string; mikhmon: { expiryMode: string; price: number | null; validity: string; sellingPrice: number | null; macLock: boolean } | null };
/** `/ip hotspot user`: Mikhmon's vouchers carry `vc-…` (user = password) or `up-…` comments. */
export type HotspotUser = { line: number; name: string; profile: string; comment: string | null; voucher: boolean };
export type RouterOsExport = {
  secrets: RouterOsSecret[];
  profiles: RouterOsProfile[];
  hotspotProfiles: HotspotProfile[];
  hotspotUsers: HotspotUser[];
  problems: { line: number; problem: string }[];
};

/** Mikhmon's `on-login` header, split on commas as Mikhmon does ([1] expiry mode … [6] MAC lock); null when absent. */
export function parseMikhmonOnLogin(onLogin: string | null): HotspotProfile['mikhmon'] {
  const m = /:put \("(,[^"]*)"\)/.exec(onLogin ?? '');
  if (!m) return null;
  const f = m[1].split(',');
  const rupiah = (x: string | undefined) => (x && /^\d+$/.test(x) && Number(x) > 0 ? Number(x) : null);
  return { expiryMode: f[1] ?? '', price: rupiah(f[2]), validity: f[3] ?? '', sellingPrice: rupiah(f[4]), macLock: (f[6] ?? '').toLowerCase() === 'enable' };
}

/** Splits `key=value key2="quoted value"` into pairs, honouring RouterOS escapes. */
export function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    let key = '';
    while (i < text.length && text[i] !== '=' && text[i] !== ' ') key += text[i++];
    if (text[i] !== '=') {
      out.set(key, 'yes'); // a bare flag
      continue;
    }
    i++; // '='
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1];
          value += next === '?' ? '?' : next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else value += text[i++];
      }
      i++; // closing quote
    } else {
      while (i < text.length && text[i] !== ' ' && text[i] !== '\t') value += text[i++];
    }
    out.set(key, value);
  }
  return out;
}

/** "10M", "512k", "2,5M" (a comma decimal as some exports show), "1500000" → kbit/s. */
export function rateToKbps(rate: string): number | null {
  const m = /^(\d+(?:[.,]\d+)?)([kKmMgG]?)$/.exec(rate.trim());
  if (!m) return null;
  const n = Number(m[1].replace(',', '.'));
  const unit = m[2].toLowerCase();
  const kbps = unit === 'g' ? n * 1_000_000 : unit === 'm' ? n * 1000 : unit === 'k' ? n : n / 1000;
  return Math.round(kbps) > 0 ? Math.round(kbps) : null;
}

/** `rate-limit` is rx/tx from the router's side: rx = the client's upload, tx = its download. */
export function parseRateLimit(rateLimit: string | null): { downloadKbps: number | null; uploadKbps: number | null } {
  if (!rateLimit) return { downloadKbps: null, uploadKbps: null };
  const [first] = rateLimit.trim().split(/\s+/);
  const [rx, tx] = first.split('/');
  return { uploadKbps: rx ? rateToKbps(rx) : null, downloadKbps: tx ? rateToKbps(tx) : rx ? rateToKbps(rx) : null };
}

export function parseRouterOsExport(text: string): RouterOsExport {
  const physical = text.replace(/\r\n?/g, '\n').split('\n');
  const secrets: RouterOsSecret[] = [];
  const profiles: RouterOsProfile[] = [];
  const hotspotProfiles: HotspotProfile[] = [];
  const hotspotUsers: HotspotUser[] = [];
  const problems: { line: number; problem: string }[] = [];
  let section = '';
  for (let i = 0; i < physical.length; i++) {
    const startLine = i + 1;
    let logical = physical[i];
    // A trailing backslash continues the command on the next line (RouterOS wraps long lines at ~80 characters).
    while (logical.endsWith('\\') && i + 1 < physical.length) logical = logical.slice(0, -1) + physical[++i].replace(/^\s+/, '');
    const line = logical.trim();
    if (!line || line.startsWith('#')) continue;
    let command = line;
    if (line.startsWith('/')) {
      // "/ppp secret", "/ppp/secret", or a one-line "/ppp secret add name=…".
      const verb = /\s(add|set|remove)(\s|$)/.exec(line);
      section = (verb ? line.slice(0, verb.index) : line).trim().replace(/\//g, ' ').trim().replace(/\s+/g, ' ');
      if (!verb) continue;
      command = line.slice(verb.index + 1);
    }
    if (!command.startsWith('add ')) continue; // set/remove lines change nothing we import
    const attrs = parseAttributes(command.slice(4));
    if (section === 'ppp secret') {
      const name = attrs.get('name');
      if (!name) {
        problems.push({ line: startLine, problem: 'name_missing' });
        continue;
      }
      secrets.push({
        line: startLine,
        name,
        password: attrs.get('password') ?? null,
        profile: attrs.get('profile') ?? 'default',
        service: attrs.get('service') ?? 'any',
        comment: attrs.get('comment') ?? null,
        remoteAddress: attrs.get('remote-address') ?? null,
        callerId: attrs.get('caller-id') ?? null,
        disabled: attrs.get('disabled') === 'yes',
      });
    } else if (section === 'ppp profile') {
      const name = attrs.get('name');
      if (!name) continue;
      const rateLimit = attrs.get('rate-limit') ?? null;
      profiles.push({ line: startLine, name, rateLimit, ...parseRateLimit(rateLimit) });
    } else if (section === 'ip hotspot user profile') {
      const name = attrs.get('name');
      if (name) hotspotProfiles.push({ line: startLine, name, mikhmon: parseMikhmonOnLogin(attrs.get('on-login') ?? null) });
    } else if (section === 'ip hotspot user') {
      const name = attrs.get('name');
      const comment = attrs.get('comment') ?? null;
      if (name) hotspotUsers.push({ line: startLine, name, profile: attrs.get('profile') ?? 'default', comment, voucher: /^(vc|up)-/.test(comment ?? '') });
    }
  }
  return { secrets, profiles, hotspotProfiles, hotspotUsers, problems };
}
