import { sql } from 'kysely';
import { asTenantId, type TenantId } from '../../../platform/db/database.ts';
import type { AppError, AppErrorCode } from '../../../platform/errors/app-error.ts';
import { findOpenSessions, mikrotikRateLimit, sendNasCommand, type NasCommand, type OpenSession } from '../radius/index.ts';
import { convergeLines, type ChangeResult, type DesiredLine } from '../routeros/index.ts';
import { selectRouter, settingsOf, type NetworkContext, type RouterAccess, type RouterRow } from './router-access.ts';
import { networkErrors } from '../network.errors.ts';

/** Errors that say the router itself can't be driven (not one line's problem): they make an incident. */
const routerDownCodes: AppErrorCode[] = [
  networkErrors.ROUTER_UNREACHABLE,
  networkErrors.ROUTER_REFUSED,
  networkErrors.ROUTER_TIMEOUT,
  networkErrors.ROUTER_AUTH_FAILED,
  networkErrors.ROUTER_TLS_FAILED,
  networkErrors.ROUTER_CONNECTION_LOST,
  networkErrors.ROUTER_CIRCUIT_OPEN,
  networkErrors.ROUTER_PROTOCOL_ERROR,
  networkErrors.ROUTER_PASSWORD_REQUIRED,
];
const LEASE_MS = 120_000; // a converge pass holds its router at most this long
const BATCH_LINES = 5_000;

/** A due line of the pass: its sync row and (while the customer is still a line) what is desired of it. */
type PassLine = {
  customer_id: string;
  desired_version: string | number;
  profile_confirmed_at: Date | null;
  applied_state: 'active' | 'isolated' | null;
  applied_profile: string | null;
  applied_rate: string | null;
  connection_type: 'pppoe' | 'static' | 'dhcp';
  pppoe_username: string;
  ip_address: string;
  router_profile: string;
  desired_state: 'active' | 'isolated';
  desired_router: string | null;
  download_kbps: number;
  upload_kbps: number;
};

const isRadiusLine = (router: RouterRow, line: PassLine) => router.pppoe_via_radius && line.connection_type === 'pppoe';

const planRate = (line: PassLine) => mikrotikRateLimit({ downloadKbps: line.download_kbps, uploadKbps: line.upload_kbps });

/**
 * What an open RADIUS session needs when its line changed: isolation or restore changes the
 * address list, which only a new login applies (Disconnect); a new rate limit on an active line
 * (another plan, or the plan's speed edited) is applied in place (CoA). Nothing when the session
 * already has it.
 */
function radiusCommandFor(line: PassLine): NasCommand | null {
  if (line.applied_state !== line.desired_state) return { kind: 'disconnect' };
  if (line.desired_state === 'active' && line.applied_rate !== planRate(line)) {
    return { kind: 'coa', attributes: [{ attribute: 'Mikrotik-Rate-Limit', op: ':=', value: planRate(line) }] };
  }
  return null;
}

/**
 * The converge pass: a router's due lines are read against the router (or their RADIUS sessions
 * told), the difference applied, and what the router confirmed recorded.
 */
export function createConvergeRouter({ db, clock, secrets, logger }: NetworkContext, access: RouterAccess) {
  /**
   * One converge pass over the router with the most overdue lines (any tenant). Returns how
   * many lines it handled (0: nothing due). Safe with several workers: a lease on the router
   * row keeps two passes off one router.
   */
  async function convergeNextRouter(): Promise<number> {
    const now = clock.now();
    const { rows: claimed } = await sql<{ id: string; tenant_id: string }>`
      update network_routers r set lease_until = ${new Date(now.getTime() + LEASE_MS)}
      where r.id = (
        select s.router_id from network_line_sync s join network_routers r2 on r2.id = s.router_id
        where s.status <> 'in_sync' and s.next_attempt_at <= ${now} and (r2.lease_until is null or r2.lease_until < ${now})
        order by s.next_attempt_at limit 1 for update of r2 skip locked)
      returning r.id, r.tenant_id`.execute(db.owner);
    if (!claimed[0]) return 0;
    const tenantId = asTenantId(claimed[0].tenant_id);
    const routerId = claimed[0].id;
    try {
      return await convergeRouter(tenantId, routerId);
    } finally {
      await sql`update network_routers set lease_until = null where id = ${routerId}`.execute(db.owner);
    }
  }

  async function convergeRouter(tenantId: TenantId, routerId: string): Promise<number> {
    const now = clock.now();
    const { router, lines, sessions } = await db.tenant(tenantId, async (trx) => {
      const router = await selectRouter(trx, routerId);
      const { rows: lines } = await sql<PassLine>`
        select s.customer_id, s.desired_version, s.profile_confirmed_at, s.applied_state, s.applied_profile, s.applied_rate, d.connection_type,
               d.pppoe_username, d.ip_address, d.router_profile, d.desired_state, d.router_id as desired_router,
               d.download_kbps, d.upload_kbps
        from network_line_sync s left join network_desired_lines d on d.customer_id = s.customer_id
        where s.router_id = ${routerId} and s.status <> 'in_sync' and s.next_attempt_at <= ${now}
        order by s.next_attempt_at limit ${BATCH_LINES}`.execute(trx);
      // RADIUS lines that changed: their open sessions are told (CoA or Disconnect).
      const sessions = new Map<string, OpenSession[]>();
      for (const l of lines) {
        if (isRadiusLine(router, l) && radiusCommandFor(l)) sessions.set(l.customer_id, await findOpenSessions(trx, l.pppoe_username));
      }
      return { router, lines, sessions };
    });
    // A customer who left this router (or was terminated) is no longer this router's line.
    const gone = lines.filter((l) => l.desired_router !== routerId).map((l) => l.customer_id);
    const current = lines.filter((l) => l.desired_router === routerId);
    const viaRadius = current.filter((l) => isRadiusLine(router, l));
    const viaApi = current.filter((l) => !isRadiusLine(router, l));
    const desired: DesiredLine[] = viaApi.map((l) =>
      l.connection_type === 'pppoe'
        ? {
            mode: 'pppoe',
            customerId: l.customer_id,
            username: l.pppoe_username,
            isolated: l.desired_state === 'isolated',
            planProfile: l.router_profile,
            profileConfirmedAt: l.profile_confirmed_at ?? undefined,
          }
        : { mode: 'address-list', customerId: l.customer_id, address: l.ip_address, isolated: l.desired_state === 'isolated' },
    );

    // Router and NAS I/O happens here, outside any transaction.
    const apiOutcomes = desired.length ? await convergeOverApi(router, desired) : [];
    const outcomes: { line: PassLine; error: AppError | null; switchedProfile: boolean }[] = apiOutcomes.map((o, i) => ({
      line: viaApi[i],
      error: o.error ?? null,
      switchedProfile: o.results.some((r) => r.status === 'applied' && r.change.op === 'set-ppp-profile'),
    }));
    for (const line of viaRadius) {
      const command = radiusCommandFor(line);
      outcomes.push({ line, error: command ? await tellSessions(sessions.get(line.customer_id) ?? [], command) : null, switchedProfile: false });
    }

    const finished = clock.now();
    await db.tenant(tenantId, async (trx) => {
      if (gone.length) await sql`delete from network_line_sync where customer_id = any(${gone}::uuid[]) and router_id = ${routerId}`.execute(trx);
      const results = outcomes.map(({ line, error, switchedProfile }) => ({
        customerId: line.customer_id,
        version: String(line.desired_version),
        ok: !error,
        appliedState: line.desired_state,
        appliedProfile: line.desired_state === 'isolated' ? router.isolation_profile : line.router_profile,
        appliedRate: planRate(line),
        switchedProfile,
        error: error ? `${error.code}: ${error.message}` : null,
      }));
      // Marked in sync only if the desired state didn't move meanwhile (same desired_version).
      await sql`
        update network_line_sync s set
          status = case when r.ok then 'in_sync' else 'failed' end,
          applied_state = case when r.ok then r."appliedState" else s.applied_state end,
          applied_profile = case when r.ok then r."appliedProfile" else s.applied_profile end,
          applied_rate = case when r.ok then r."appliedRate" else s.applied_rate end,
          profile_confirmed_at = case when r.ok and (r."switchedProfile" or s.profile_confirmed_at is null) then ${finished}::timestamptz
                                      else s.profile_confirmed_at end,
          attempts = case when r.ok then 0 else s.attempts + 1 end,
          -- Failed lines back off 5 s, 10 s, 20 s … up to 10 minutes.
          next_attempt_at = case when r.ok then s.next_attempt_at
                                 else ${finished}::timestamptz + make_interval(secs => least(600, 5 * power(2, least(s.attempts, 8)))) end,
          last_attempt_at = ${finished}, last_error = r.error,
          in_sync_at = case when r.ok then ${finished}::timestamptz else s.in_sync_at end,
          updated_at = ${finished}
        from jsonb_to_recordset(${JSON.stringify(results)}::jsonb)
          as r("customerId" uuid, version bigint, ok boolean, "appliedState" text, "appliedProfile" text, "appliedRate" text,
               "switchedProfile" boolean, error text)
        where s.customer_id = r."customerId" and s.desired_version = r.version`.execute(trx);
      const routerDown = apiOutcomes.length > 0 && apiOutcomes.every((o) => o.error && routerDownCodes.includes(o.error.code));
      const anyReached = apiOutcomes.some((o) => !o.error || !routerDownCodes.includes(o.error.code));
      if (routerDown) await access.recordHealth(trx, router, apiOutcomes[0].error!);
      else if (anyReached) await access.recordHealth(trx, router, null);
    });
    const failed = outcomes.filter((o) => o.error).length;
    logger.info({ tenantId, routerId, lines: outcomes.length, failed, removed: gone.length }, 'converge pass done');
    return lines.length;
  }

  /** Converges the lines through the router's API; without a usable connection every line fails with the reason. */
  async function convergeOverApi(router: RouterRow, desired: DesiredLine[]) {
    const outcome = await access.withGateway(router, (gateway) => convergeLines(gateway, desired, settingsOf(router)));
    return Array.isArray(outcome) ? outcome : desired.map(() => ({ error: outcome.error, results: [] as ChangeResult[] }));
  }

  /** Sends the command to each open session of a line; the first failure is the line's error. */
  async function tellSessions(sessions: OpenSession[], command: NasCommand): Promise<AppError | null> {
    for (const session of sessions) {
      const result = await sendNasCommand(session, command, { secrets });
      if (result.status === 'failed') return result.error;
    }
    return null;
  }

  return { convergeNextRouter };
}
