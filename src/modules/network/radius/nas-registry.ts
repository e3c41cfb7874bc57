import { isIP } from 'node:net';
import { sql } from 'kysely';
import type { TenantId, Tx } from '../../../platform/db/database.ts';
import type { SecretBox } from '../../../platform/crypto/secret-box.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { networkErrors } from '../network.errors.ts';

/** A router that sends RADIUS requests and takes CoA / Disconnect requests, as the tenant registers it. */
export type NasRegistration = {
  /** The NAS's IP address as RADIUS sees it (NAS-IP-Address); unique across tenants. */
  address: string;
  shortname: string;
  /** The RADIUS shared secret, in plain text: stored sealed. */
  secret: string;
  /** RFC 5176 port; MikroTik listens on 3799. */
  coaPort?: number;
  routerId?: string;
  description?: string;
};

/** Registers or updates a NAS of the tenant (by address) in the caller's tenant transaction. */
export async function saveNas(trx: Tx, tenantId: TenantId, secrets: SecretBox, nas: NasRegistration): Promise<{ id: number }> {
  if (isIP(nas.address) === 0) throw new AppError(networkErrors.INVALID_ADDRESS, `"${nas.address}" is not an IP address`, { fields: { address: 'invalid' } });
  if (nas.secret.length === 0) throw new AppError('VALIDATION_FAILED', 'The RADIUS secret is empty', { fields: { secret: 'required' } });
  const row = {
    tenant_id: tenantId,
    nasname: nas.address,
    shortname: nas.shortname,
    type: 'other',
    secret: secrets.seal(nas.secret),
    coa_port: nas.coaPort ?? 3799,
    router_id: nas.routerId ?? null,
    description: nas.description ?? null,
  };
  const existing = await trx.selectFrom('nas').select(['id']).where('nasname', '=', nas.address).executeTakeFirst();
  if (existing) {
    await trx.updateTable('nas').set(row).where('id', '=', existing.id).execute();
    return { id: existing.id };
  }
  // An address registered by another tenant is invisible here (RLS) but still conflicts.
  const inserted = await trx.insertInto('nas').values(row).onConflict((oc) => oc.column('nasname').doNothing()).returning(['id']).executeTakeFirst();
  if (!inserted) throw new AppError('CONFLICT', `The NAS address ${nas.address} is already registered`, { fields: { address: 'taken' } });
  return { id: inserted.id };
}

/** A session the NAS reported as running (radacct without a stop). */
export type OpenSession = {
  username: string;
  acctSessionId: string;
  acctUniqueId: string;
  nasIpAddress: string;
  framedIpAddress: string | null;
  startedAt: Date | null;
  /** Where to send CoA / Disconnect; null when the session's NAS is not registered for this tenant. */
  nas: { id: number; coaPort: number; sealedSecret: string } | null;
};

/** The open sessions of a username, newest first, in the caller's tenant transaction. */
export async function findOpenSessions(trx: Tx, username: string): Promise<OpenSession[]> {
  const { rows } = await sql<{
    username: string;
    acctsessionid: string;
    acctuniqueid: string;
    nas_ip: string;
    framed_ip: string | null;
    acctstarttime: Date | null;
    nas_id: number | null;
    coa_port: number | null;
    secret: string | null;
  }>`
    select r.username, r.acctsessionid, r.acctuniqueid, host(r.nasipaddress) as nas_ip, host(r.framedipaddress) as framed_ip,
           r.acctstarttime, n.id as nas_id, n.coa_port, n.secret
    from radacct r
    left join nas n on n.nasname = host(r.nasipaddress)
    where r.username = ${username} and r.acctstoptime is null
    order by r.acctstarttime desc nulls last, r.radacctid desc`.execute(trx);
  return rows.map((r) => ({
    username: r.username,
    acctSessionId: r.acctsessionid,
    acctUniqueId: r.acctuniqueid,
    nasIpAddress: r.nas_ip,
    framedIpAddress: r.framed_ip,
    startedAt: r.acctstarttime,
    nas: r.nas_id === null ? null : { id: r.nas_id, coaPort: r.coa_port!, sealedSecret: r.secret! },
  }));
}
