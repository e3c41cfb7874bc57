import type { CustomerDraft, ImportDraft, PaketDraft, RowProblem } from '../imports.model.ts';
import { parseRouterOsExport, type RouterOsExport } from '../parsers/routeros.ts';
import { parseSqlDump } from '../parsers/sql-dump.ts';
import type { TableRow } from '../parsers/table.ts';

/** Each source's rows as drafts (no database): what the file says, with the problems found reading it. */

const phoneIn = (text: string | null) => /(?:\+?62[\s-]?|0)8[\d\s-]{7,14}\d/.exec(text ?? '')?.[0] ?? null;
const price = (raw: string | null | undefined): number | null => {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const digits = raw.replace(/[^\d.,]/g, '');
  // "150000", "150.000", "150,000.00", "150000.00" (PHPNuxBill's varchar)
  const whole = /^\d{1,3}([.,]\d{3})+$/.test(digits) ? digits.replace(/[.,]/g, '') : digits.replace(/[.,]\d{1,2}$/, '').replace(/[.,]/g, '');
  const n = Number(whole);
  return Number.isSafeInteger(n) && n > 0 ? n : NaN;
};

/** RouterOS `/ppp secret export` (+ `/ppp profile`): profiles become pakets (price from the operator), secrets customers. */
export const routerOsDraft = (text: string, prices: Record<string, number>): ImportDraft => pppDraft(parseRouterOsExport(text), prices);

function pppDraft(parsed: RouterOsExport, prices: Record<string, number>): ImportDraft {
  const errors: RowProblem[] = parsed.problems.map((p) => ({ line: p.line, field: 'name', problem: p.problem, message: 'A secret without a name.' }));
  const warnings: RowProblem[] = [];
  const pakets = new Map<string, PaketDraft>();
  for (const p of parsed.profiles) {
    if (p.name === 'default' || p.name === 'default-encryption') continue;
    pakets.set(p.name, { line: p.line, key: p.name, name: p.name, downloadKbps: p.downloadKbps, uploadKbps: p.uploadKbps, monthlyPrice: prices[p.name] ?? null });
  }
  const customers: CustomerDraft[] = [];
  for (const s of parsed.secrets) {
    if (s.disabled) {
      warnings.push({ line: s.line, field: 'disabled', problem: 'disabled_skipped', message: `Secret ${s.name} is disabled on the router; not imported.` });
      continue;
    }
    if (s.password === null) warnings.push({ line: s.line, field: 'password', problem: 'password_hidden', message: `No password for ${s.name}: export with show-sensitive (RouterOS 7).` });
    if (!pakets.has(s.profile)) pakets.set(s.profile, { line: s.line, key: s.profile, name: s.profile, downloadKbps: null, uploadKbps: null, monthlyPrice: prices[s.profile] ?? null });
    const [name] = (s.comment ?? '').split('|').map((x) => x.trim());
    customers.push({
      line: s.line,
      name: name && !phoneIn(name) ? name : s.name,
      phone: phoneIn(s.comment),
      address: '',
      paketKey: s.profile,
      pppoeUsername: s.name,
      pppoePassword: s.password,
      ipAddress: s.remoteAddress,
      activatedOn: null,
      latitude: null,
      longitude: null,
      routerName: null,
    });
  }
  return { pakets: [...pakets.values()], customers, errors, warnings };
}

/**
 * The router Mikhmon manages, as its `/export` prints it. Mikhmon keeps no data of its own off
 * the router: its PPP users are the router's `/ppp secret` entries (imported as a RouterOS
 * export is), its prices live in hotspot profiles' `on-login` header, and its vouchers are
 * hotspot users with `vc-`/`up-` comments. Simpul bills PPPoE and static lines, so hotspot
 * profiles and users are reported, not imported.
 */
export function mikhmonDraft(text: string, prices: Record<string, number>): ImportDraft {
  const parsed = parseRouterOsExport(text);
  const draft = pppDraft(parsed, prices);
  const { hotspotProfiles, hotspotUsers } = parsed;
  for (const p of hotspotProfiles) {
    const m = p.mikhmon;
    const about = m ? ` (Mikhmon: price ${m.price ?? '—'}, selling price ${m.sellingPrice ?? '—'}, validity ${m.validity || '—'})` : '';
    draft.warnings.push({ line: p.line, field: 'hotspot_profile', problem: 'hotspot_skipped', message: `Hotspot profile ${p.name}${about} sells vouchers; not imported.` });
  }
  if (hotspotUsers.length > 0) {
    const vouchers = hotspotUsers.filter((u) => u.voucher).length;
    draft.warnings.push({ line: hotspotUsers[0].line, field: 'hotspot_user', problem: 'hotspot_skipped', message: `${hotspotUsers.length} hotspot users (${vouchers} Mikhmon vouchers) are not imported; PPP users are.` });
  }
  if (draft.customers.length === 0 && draft.errors.length === 0) {
    draft.warnings.push({ line: 1, field: 'ppp_secret', problem: 'no_ppp_users', message: 'The export has no /ppp secret entries: this Mikhmon router has no PPP users to import.' });
  }
  draft.warnings.sort((a, b) => a.line - b.line);
  return draft;
}

const speedKbps = (rate: string | null, unit: string | null) => {
  const n = Number(rate);
  if (!rate || !Number.isFinite(n) || n <= 0) return null;
  return Math.round((unit ?? 'Kbps').toLowerCase().startsWith('m') ? n * 1000 : n);
};

/**
 * A PHPNuxBill database export: tbl_plans (+ tbl_bandwidth for speeds; prices are varchar) →
 * pakets keyed by name (PHPNuxBill names the router profile after the plan); PPPoE customers of
 * tbl_customers → customers, their plain-text passwords as PPPoE credentials; the paket from the
 * active recharge (tbl_user_recharges status 'on'), and its router by name (the recharge's `routers`,
 * else the plan's). Placeholders PHPNuxBill writes (phone '0') are no data.
 */
export function phpNuxBillDraft(text: string): ImportDraft {
  const dump = parseSqlDump(text, ['tbl_customers', 'tbl_plans', 'tbl_bandwidth', 'tbl_user_recharges']);
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const bandwidth = new Map(dump.get('tbl_bandwidth')!.map((b) => [b.values.id, b.values]));
  const planNames = new Map<string, string>();
  const planRouters = new Map<string, string>();
  const pakets: PaketDraft[] = [];
  for (const { line, values: p } of dump.get('tbl_plans')!) {
    if ((p.type ?? 'PPPOE').toUpperCase() !== 'PPPOE') continue;
    const bw = bandwidth.get(p.id_bw ?? '');
    const monthlyPrice = price(p.price);
    if (Number.isNaN(monthlyPrice)) errors.push({ line, field: 'price', problem: 'invalid', message: `Plan ${p.name_plan}: price "${p.price}" is not a rupiah amount.` });
    planNames.set(p.id ?? '', p.name_plan ?? '');
    if (p.routers) planRouters.set(p.id ?? '', p.routers);
    pakets.push({
      line,
      key: p.name_plan ?? '',
      name: p.name_plan ?? '',
      downloadKbps: speedKbps(bw?.rate_down ?? null, bw?.rate_down_unit ?? null),
      uploadKbps: speedKbps(bw?.rate_up ?? null, bw?.rate_up_unit ?? null),
      monthlyPrice: Number.isNaN(monthlyPrice) ? null : monthlyPrice,
    });
  }
  const activePlan = new Map<string, string>();
  const activeRouter = new Map<string, string>();
  for (const { values: r } of dump.get('tbl_user_recharges')!) {
    if (r.status !== 'on' || !r.customer_id || !planNames.has(r.plan_id ?? '')) continue;
    activePlan.set(r.customer_id, planNames.get(r.plan_id ?? '')!);
    // The recharge names the router it was written to; older rows leave it to the plan.
    const router = r.routers || planRouters.get(r.plan_id ?? '');
    if (router) activeRouter.set(r.customer_id, router);
  }
  const customers: CustomerDraft[] = [];
  for (const { line, values: c } of dump.get('tbl_customers')!) {
    const service = (c.service_type ?? 'PPPoE').toLowerCase();
    if (service !== 'pppoe') {
      warnings.push({ line, field: 'service_type', problem: 'not_pppoe_skipped', message: `${c.username}: ${c.service_type} customers are not imported.` });
      continue;
    }
    const [lat, lng] = (c.coordinates ?? '').split(',').map((x) => Number(x.trim()));
    const hasCoordinates = Number.isFinite(lat) && Number.isFinite(lng) && (c.coordinates ?? '').includes(',');
    customers.push({
      line,
      name: c.fullname || c.username,
      phone: c.phonenumber && c.phonenumber !== '0' ? c.phonenumber : null,
      address: [c.address, c.city].filter((x) => x && x.trim()).join(', '),
      paketKey: activePlan.get(c.id ?? '') ?? null,
      pppoeUsername: c.pppoe_username || c.username,
      pppoePassword: c.pppoe_password || c.password,
      ipAddress: c.pppoe_ip || null,
      activatedOn: c.created_at ? c.created_at.slice(0, 10) : null,
      latitude: hasCoordinates ? lat : null,
      longitude: hasCoordinates ? lng : null,
      routerName: activeRouter.get(c.id ?? '') ?? null,
    });
  }
  return { pakets, customers, errors, warnings };
}

/** The customers template (CSV/XLSX): a row may name a paket that the file also defines (price + speeds). */
export function tableDraft(rows: TableRow[]): ImportDraft {
  const errors: RowProblem[] = [];
  const pakets = new Map<string, PaketDraft>();
  const customers: CustomerDraft[] = [];
  for (const { line, values: v } of rows) {
    if (v.paket && (v.price || v.download_mbps) && !pakets.has(v.paket)) {
      const p = price(v.price);
      if (Number.isNaN(p)) errors.push({ line, field: 'price', problem: 'invalid', message: `Price "${v.price}" is not a rupiah amount.` });
      const mbps = (x?: string) => (x && Number(x.replace(',', '.')) > 0 ? Math.round(Number(x.replace(',', '.')) * 1000) : null);
      pakets.set(v.paket, { line, key: v.paket, name: v.paket, downloadKbps: mbps(v.download_mbps), uploadKbps: mbps(v.upload_mbps), monthlyPrice: Number.isNaN(p) ? null : p });
    }
    customers.push({
      line,
      name: v.name ?? null,
      phone: v.phone ?? null,
      address: v.address ?? '',
      paketKey: v.paket ?? null,
      pppoeUsername: v.pppoe_username ?? null,
      pppoePassword: v.pppoe_password ?? null,
      ipAddress: v.ip_address ?? null,
      activatedOn: v.activated_on ?? null,
      latitude: null,
      longitude: null,
      routerName: null,
    });
  }
  return { pakets: [...pakets.values()], customers, errors, warnings: [] };
}
