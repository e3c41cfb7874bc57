import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { ProviderUrlOverrides } from '../../platform/config/env.ts';
import { enterTenant, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { normalizeIndonesianPhone } from '../../platform/phone.ts';
import type { IdentityService } from '../identity/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import { createWaGateway, parseWaProviderConfig, parseWaProviderInput, waProviders, type DevInbox, type WaGateway, type WaProvider, type WaProviderConfig } from './gateways/index.ts';
import { settingsChanged, settingsInTransaction } from './notification-settings.ts';
import { notificationsErrors } from './notifications.errors.ts';

/** Where a tenant's messages go now: its own account, else the platform default. */
export type Channel = {
  provider: WaProvider;
  /** Rate-limit identity: messages of one sender share one bucket, whichever tenants they serve. */
  sender: string;
  source: 'tenant' | 'platform';
  config: WaProviderConfig;
};

export type CatalogEntry = { provider: WaProvider; enabled: boolean; isDefault: boolean; hasPlatformAccount: boolean; sender: string | null };

const secretFields = ['accessToken', 'appSecret', 'webhookVerifyToken', 'token', 'secretKey'];
const mask = (config: WaProviderConfig) =>
  Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretFields.includes(k) && typeof v === 'string' ? `••••${v.slice(-4)}` : v]));

/** Fonnte and Wablas sign no webhooks: their URL carries the tenant's key instead. */
const signsWebhooks = (provider: WaProvider) => provider === 'whatsapp_cloud';

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const senderOf = (config: WaProviderConfig, sender: string | null, owner: string): string =>
  sender ?? (config.provider === 'whatsapp_cloud' ? config.phoneNumberId : config.provider === 'dev_inbox' ? 'dev_inbox' : owner);

const requireSender = (sender: string | null | undefined): string | null => {
  if (sender === undefined || sender === null || sender.trim() === '') return null;
  const normalized = normalizeIndonesianPhone(sender);
  if (!normalized) {
    throw new AppError('PHONE_INVALID', `Sender "${sender}" is not an Indonesian phone number like 0812-3456-7890.`, {
      fields: [{ field: 'sender', problem: 'is not a valid Indonesian phone number' }],
    });
  }
  return normalized;
};

/**
 * The super admin's provider catalog (which providers tenants may use, the platform default
 * and its account) and each tenant's own provider account. Credentials are sealed at rest
 * and shown masked.
 */
export function createChannels(deps: {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  identity: IdentityService;
  tenants: TenantsService;
  fetch?: typeof fetch;
  providerUrls?: ProviderUrlOverrides;
  devInbox: DevInbox;
}) {
  const { db, clock, secrets } = deps;
  const open = (sealed: string) => parseWaProviderConfig(JSON.parse(secrets.open(sealed)));

  // ---- platform catalog (super admin) ----

  const listCatalog = () =>
    db.platform(async (trx) => {
      const { rows } = await sql<Record<string, any>>`
        select * from notifications_providers order by array_position(${[...waProviders]}::text[], provider)`.execute(trx);
      return rows.map((r): CatalogEntry => ({ provider: r.provider, enabled: r.enabled, isDefault: r.is_default, hasPlatformAccount: r.sealed_config !== null, sender: r.sender }));
    });

  const updateCatalogEntry = async (
    actorUserId: string,
    provider: WaProvider,
    change: { enabled?: boolean; isDefault?: boolean; config?: Record<string, unknown> | null; sender?: string | null },
  ) => {
    const sealed = change.config ? secrets.seal(JSON.stringify(parseWaProviderInput({ ...change.config, provider }))) : change.config;
    const sender = change.sender === undefined ? undefined : requireSender(change.sender);
    const tenantIds = await deps.tenants.activeTenants();
    return db.platform(async (trx) => {
      const { rows } = await sql<Record<string, any>>`select * from notifications_providers where provider = ${provider} for update`.execute(trx);
      const before = rows[0];
      const after = {
        enabled: change.enabled ?? before.enabled,
        isDefault: change.isDefault ?? before.is_default,
        sealedConfig: sealed === undefined ? before.sealed_config : sealed,
        sender: sender === undefined ? before.sender : sender,
      };
      if (before.is_default && !after.isDefault) {
        throw new AppError('CONFLICT', `${provider} is the platform default; make another provider the default instead.`);
      }
      if (after.isDefault && !after.enabled) throw new AppError('CONFLICT', `The platform default (${provider}) cannot be disabled; choose another default first.`);
      if (after.isDefault && provider !== 'dev_inbox' && after.sealedConfig === null) {
        throw new AppError('VALIDATION_FAILED', `${provider} needs a platform account (config) to be the default.`, { fields: [{ field: 'config', problem: 'is required' }] });
      }
      if (after.isDefault && !before.is_default) await sql`update notifications_providers set is_default = false where is_default`.execute(trx);
      await sql`update notifications_providers set enabled = ${after.enabled}, is_default = ${after.isDefault},
        sealed_config = ${after.sealedConfig}, sender = ${after.sender}, updated_at = ${clock.now()} where provider = ${provider}`.execute(trx);
      const details = {
        enabled: after.enabled,
        isDefault: after.isDefault,
        accountChanged: change.config !== undefined,
        senderChanged: after.sender !== before.sender,
      };
      await deps.identity.audit(trx as never, { actorUserId, action: 'wa_provider.updated', subject: provider, details });
      // Tenants whose messages this change concerns read it in their own audit log. Last: the
      // transaction continues as each tenant in turn.
      const concernsPlatformSenders = before.is_default || after.isDefault;
      for (const { id: tenantId } of tenantIds) {
        await enterTenant(trx, tenantId, actorUserId);
        const own = (await sql<{ provider: WaProvider | null }>`select provider from notifications_settings`.execute(trx)).rows[0]?.provider ?? null;
        const ownOffered = own !== null && (await offered(trx)).some((c) => c.provider === own && c.enabled);
        const affected = (!ownOffered && concernsPlatformSenders) || (own === provider && after.enabled !== before.enabled);
        if (affected) await deps.identity.audit(trx as never, { tenantId, actorUserId, action: 'wa_provider.platform_changed', subject: provider, details });
      }
      return { provider, enabled: after.enabled, isDefault: after.isDefault, hasPlatformAccount: after.sealedConfig !== null, sender: after.sender } satisfies CatalogEntry;
    });
  };

  // ---- a tenant's own account ----

  const offered = async (trx: Tx) =>
    (await sql<{ provider: WaProvider; enabled: boolean; is_default: boolean }>`select provider, enabled, is_default from notifications_providers`.execute(trx)).rows;

  async function describeTenantProvider(trx: Tx) {
    const settings = await settingsInTransaction(trx, clock.now());
    const catalog = await offered(trx);
    const own = settings.provider && catalog.some((c) => c.provider === settings.provider && c.enabled) ? settings.provider : null;
    const effective = own ?? catalog.find((c) => c.is_default)!.provider;
    const tenant = await deps.tenants.profileInTransaction(trx);
    const webhookPath = `/api/webhooks/wa/${effective}/${tenant.slug}${signsWebhooks(effective) ? '' : `?key=${settings.webhookKey}`}`;
    return {
      provider: settings.provider,
      config: settings.sealedConfig ? mask(open(settings.sealedConfig)) : null,
      sender: settings.sender,
      effective: { provider: effective, source: own ? ('tenant' as const) : ('platform' as const) },
      offered: catalog.filter((c) => c.enabled).map((c) => c.provider),
      webhookPath,
    };
  }

  const getTenantProvider = (tenantId: TenantId) => db.tenant(tenantId, describeTenantProvider);

  /** `provider: null` goes back to the platform default. A missing credential is a 400 naming it. */
  const setTenantProvider = (tenantId: TenantId, input: { provider: WaProvider | null; config?: Record<string, unknown>; sender?: string | null }) => {
    const config = input.provider ? parseWaProviderInput({ ...input.config, provider: input.provider }) : null;
    const sender = requireSender(input.sender);
    return db.tenant(tenantId, async (trx) => {
      await settingsInTransaction(trx, clock.now());
      if (input.provider && !(await offered(trx)).some((c) => c.provider === input.provider && c.enabled)) {
        throw new AppError('VALIDATION_FAILED', `The platform does not offer ${input.provider}; ask the platform operator, or choose another provider.`, {
          fields: [{ field: 'provider', problem: 'is not offered by the platform' }],
        });
      }
      await sql`update notifications_settings set provider = ${input.provider}, sealed_config = ${config ? secrets.seal(JSON.stringify(config)) : null},
        sender = ${sender}, updated_at = ${clock.now()}`.execute(trx);
      settingsChanged(trx);
      return describeTenantProvider(trx);
    });
  };

  // ---- delivery ----

  /** The account a tenant's messages go out through now. */
  async function channelFor(tenantId: TenantId): Promise<Channel> {
    const own = await db.tenant(tenantId, async (trx) => {
      const settings = await settingsInTransaction(trx, clock.now());
      const enabled = (await offered(trx)).some((c) => c.provider === settings.provider && c.enabled);
      return enabled && settings.sealedConfig ? { config: open(settings.sealedConfig), sender: settings.sender } : null;
    });
    if (own) return { provider: own.config.provider, config: own.config, sender: senderOf(own.config, own.sender, `tenant:${tenantId}`), source: 'tenant' };
    const platform = await db.platform(async (trx) => {
      const { rows } = await sql<{ provider: WaProvider; sealed_config: string | null; sender: string | null }>`
        select provider, sealed_config, sender from notifications_providers where is_default`.execute(trx);
      return rows[0];
    });
    const config = platform.sealed_config ? open(platform.sealed_config) : parseWaProviderConfig({ provider: 'dev_inbox' });
    return { provider: config.provider, config, sender: senderOf(config, platform.sender, 'platform'), source: 'platform' };
  }

  const gatewayFor = (config: WaProviderConfig): WaGateway =>
    createWaGateway(config, { clock, fetch: deps.fetch, devInbox: deps.devInbox, providerUrls: deps.providerUrls });

  /**
   * The gateway that authenticates a status webhook for `provider`, or an error: the tenant must
   * send through that provider, and unsigned providers must quote the tenant's webhook key.
   */
  async function webhookGateway(tenantId: TenantId, provider: WaProvider, key: string | undefined): Promise<WaGateway> {
    const channel = await channelFor(tenantId);
    if (channel.provider !== provider) throw new AppError('NOT_FOUND', `This tenant does not send through ${provider}.`);
    if (!signsWebhooks(provider)) {
      const expected = await db.tenant(tenantId, async (trx) => (await settingsInTransaction(trx, clock.now())).webhookKey);
      if (key === undefined || !sameText(key, expected)) throw new AppError(notificationsErrors.WA_WEBHOOK_SIGNATURE_INVALID, `The ${provider} webhook URL must carry this tenant's key (?key=…); it is missing or wrong.`);
    }
    return gatewayFor(channel.config);
  }

  return { listCatalog, updateCatalogEntry, getTenantProvider, setTenantProvider, channelFor, gatewayFor, webhookGateway };
}

export type Channels = ReturnType<typeof createChannels>;
