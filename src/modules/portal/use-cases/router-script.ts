import type { RouterSummary } from '../../network/index.ts';

/**
 * Hosts an isolated customer must still reach to pay, per gateway and mode: the checkout pages
 * the payment link opens. A maintained list (providers move their checkout hosts); the tenant's
 * own active accounts pick the entries.
 */
export const gatewayCheckoutHosts: Record<string, { sandbox: string[]; production: string[] }> = {
  midtrans: { sandbox: ['app.sandbox.midtrans.com', 'api.sandbox.midtrans.com'], production: ['app.midtrans.com', 'api.midtrans.com'] },
  xendit: { sandbox: ['checkout-staging.xendit.co', 'checkout.xendit.co'], production: ['checkout.xendit.co'] },
  tripay: { sandbox: ['tripay.co.id'], production: ['tripay.co.id'] },
};

/** The allow-list every generated script fills, and the comment that marks Simpul's rules. */
export const ALLOW_LIST = 'simpul-isolir-allow';
export const RULE_MARK = 'simpul-isolir';
/** The router's web proxy port that answers isolated web requests with a redirect to the isolir page. */
export const PROXY_PORT = 8089;

export type RouterScriptInput = {
  tenant: { name: string; slug: string };
  router: Pick<RouterSummary, 'name' | 'isolationAddressList' | 'pppoeViaRadius' | 'radiusIsolation'>;
  /** The portal's base URL as customers reach it (PUBLIC_URL), e.g. https://portal.example.id */
  portalUrl: string;
  /** Active gateway accounts of the tenant. */
  gateways: { provider: string; mode: 'sandbox' | 'production' }[];
  generatedAt: Date;
};

const quote = (value: string) => `"${value.replace(/["\\$]/g, '\\$&')}"`;

/**
 * The RouterOS (v6.36+ / v7) walled garden for isolated lines, as a script the admin pastes in a
 * terminal (or runs with /import). Isolated = source address in the router's isolation list
 * (static lines: Simpul adds them; PPPoE via RADIUS: Mikrotik-Address-List in the reply):
 * DNS allowed, the portal and the gateway checkout hosts allowed (address list of host names,
 * which RouterOS resolves), web (TCP 80) redirected to the router's web proxy, which answers
 * every request with a redirect to the tenant's isolir page, HTTPS (TCP 443) refused with a TCP
 * reset (a captive page cannot answer HTTPS without a certificate error; the browser fails fast
 * and phones detect the captive portal over plain HTTP), everything else rejected.
 * Re-running it first removes the rules it made (comment `simpul-isolir`).
 */
export function routerScript(input: RouterScriptInput): string {
  const list = input.router.isolationAddressList;
  const portal = new URL(input.portalUrl);
  const isolirPage = `${portal.host}${portal.pathname.replace(/\/$/, '')}/p/${input.tenant.slug}/isolir`;
  const hosts = new Map<string, string>([[portal.hostname, 'portal']]);
  for (const gateway of input.gateways) {
    for (const host of gatewayCheckoutHosts[gateway.provider]?.[gateway.mode] ?? []) if (!hosts.has(host)) hosts.set(host, gateway.provider);
  }
  const mark = (what: string) => `comment=${quote(`${RULE_MARK}: ${what}`)}`;
  const from = `src-address-list=${list}`;
  const lines = [
    `# Simpul walled garden for isolated customers of ${input.tenant.name}, router "${input.router.name}"`,
    `# Generated ${input.generatedAt.toISOString()}. Isolated lines are in address list "${list}".`,
    '# The filter rules must sit above any "accept established,related" or fasttrack rule of chain=forward:',
    '# move them up in Winbox (IP > Firewall > Filter) after importing, or the isolated keep their open connections.',
    '',
    '# 1. Remove what an earlier run of this script added.',
    `/ip firewall filter remove [find where comment~"^${RULE_MARK}"]`,
    `/ip firewall nat remove [find where comment~"^${RULE_MARK}"]`,
    `/ip firewall address-list remove [find where list=${ALLOW_LIST}]`,
    `/ip proxy access remove [find where comment~"^${RULE_MARK}"]`,
    '',
    '# 2. Walled garden: the portal and the payment gateways the tenant uses (host names; RouterOS resolves them).',
    '/ip firewall address-list',
    ...[...hosts].map(([host, why]) => `add list=${ALLOW_LIST} address=${host} ${mark(why)}`),
    '',
    '# 3. The router\'s web proxy answers every redirected request with the isolir page.',
    '/ip proxy',
    `set enabled=yes port=${PROXY_PORT}`,
    '/ip proxy access',
    `add action=deny redirect-to=${quote(isolirPage)} ${mark('every web request to the isolir page')}`,
    '',
    '# 4. Web (TCP 80) of isolated lines to the proxy, except the walled garden.',
    '/ip firewall nat',
    `add chain=dstnat ${from} dst-address-list=!${ALLOW_LIST} protocol=tcp dst-port=80 action=redirect to-ports=${PROXY_PORT} ${mark('web to the isolir page')}`,
    '',
    '# 5. Filter: DNS and the walled garden pass, HTTPS gets a TCP reset, the rest is rejected.',
    '/ip firewall filter',
    `add chain=input ${from} protocol=tcp dst-port=${PROXY_PORT} action=accept ${mark('isolated reach the isolir proxy')}`,
    `add chain=input protocol=tcp dst-port=${PROXY_PORT} action=drop ${mark('nobody else uses the proxy')}`,
    `add chain=forward ${from} protocol=udp dst-port=53 action=accept ${mark('DNS')}`,
    `add chain=forward ${from} protocol=tcp dst-port=53 action=accept ${mark('DNS over TCP')}`,
    `add chain=forward ${from} dst-address-list=${ALLOW_LIST} action=accept ${mark('walled garden')}`,
    `add chain=forward ${from} protocol=tcp dst-port=443 action=reject reject-with=tcp-reset ${mark('HTTPS fails fast')}`,
    `add chain=forward ${from} action=reject reject-with=icmp-network-unreachable ${mark('everything else')}`,
    '',
    '# PPPoE via RADIUS: Simpul\'s isolation reply already puts isolated sessions in this list',
    `#   (Mikrotik-Address-List = ${list}${input.router.radiusIsolation.framedPool ? `, Framed-Pool = ${input.router.radiusIsolation.framedPool}` : ''}${input.router.radiusIsolation.rateLimit ? `, Mikrotik-Rate-Limit = ${input.router.radiusIsolation.rateLimit}` : ''}),`,
    '#   and a restore disconnects the session (CoA) so the list entry goes with it: the rules above cover those',
    `#   sessions too${input.router.pppoeViaRadius ? '' : ' (this router does not use RADIUS for PPPoE now)'}. Keep "Mikrotik-Address-List" on in the router's RADIUS isolation settings.`,
    '# Captive portal API (RFC 8910 / RFC 8908): give devices the API address in DHCP option 114, e.g.',
    `#   /ip dhcp-server option add name=simpul-captive code=114 value="'${portal.origin}/api/portal/captive/${input.tenant.slug}'"`,
    '#   then add "simpul-captive" to the dhcp-options of your DHCP network(s).',
    '',
  ];
  return lines.join('\n');
}
