import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting Simpul reads, parsed once. Only main.ts calls loadConfig(); everything else
 * receives the slice it needs. Each variable is documented in the README (Configuration).
 */
const roleNames = ['api', 'workers', 'scheduler'] as const;
export type ProcessRole = (typeof roleNames)[number];

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Providers Simpul calls; their addresses are fixed (sandbox / production) unless overridden for development and tests. */
export const outgoingProviders = ['midtrans', 'xendit', 'tripay', 'whatsapp_cloud', 'fonnte', 'wablas'] as const;
export type ProviderUrlOverrides = Partial<Record<(typeof outgoingProviders)[number], string>>;

/** SIMPUL_PROVIDER_URL_OVERRIDES: a JSON map provider → http(s) URL (stand-ins in development and tests). */
const providerUrlOverrides = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object like {"midtrans":"http://127.0.0.1:4010"}' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(outgoingProviders), z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''))));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url().optional(),
  EVENT_TRANSPORT: z.enum(['postgres', 'redis-streams']).default('postgres'),
  REDIS_KEY_PREFIX: z.string().min(1).default('simpul'),
  SECRET_KEY: z.base64().optional(),
  APP_ROLES: z
    .string()
    .default('api,workers,scheduler')
    .transform((s) => s.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(roleNames)).min(1)),
  DEMO_DATA: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  COOKIE_SECURE: booleanish.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*)$/, 'true, false, a number of proxy hops, or addresses/CIDRs separated by commas')
    .optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  NODE_ENV: z.string().optional(),
  SIMPUL_PROVIDER_URL_OVERRIDES: providerUrlOverrides.optional(),
  // The map's tile source when a tenant sets none (a tile server you run or pay for; unset = a
  // plain background with the topology drawn on it, never the public OpenStreetMap servers).
  MAP_TILE_URL: z.url({ protocol: /^https?$/ }).optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
  // Technicians' photos: a folder in DATA_DIR (default) or an S3-compatible bucket.
  PHOTO_STORAGE: z.enum(['disk', 's3']).default('disk'),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).max(100 * 1024 * 1024).default(15 * 1024 * 1024),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Tenants are reachable at <slug>.PLATFORM_DOMAIN (and Caddy's ask accepts those names). */
  PLATFORM_DOMAIN: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain such as simpul.id').default('simpul.id'),
  /** Days after a SaaS invoice's due date before the tenant's console turns read-only. */
  SAAS_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /** The platform's own Midtrans account for SaaS invoices (none: the super admin marks them paid). */
  SAAS_MIDTRANS_SERVER_KEY: z.string().min(1).optional(),
  SAAS_MIDTRANS_MODE: z.enum(['sandbox', 'production']).default('sandbox'),
});

export type AppConfig = ReturnType<typeof toConfig>;

const toConfig = (env: z.infer<typeof EnvSchema>) => ({
  http: {
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    publicRateLimitPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  },
  db: env.DATABASE_URL
    ? ({ driver: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
    : ({ driver: 'pglite', dataDir: resolve(env.DATA_DIR) } as const),
  events: {
    transport: env.EVENT_TRANSPORT,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    /** pg-boss and the relay's LISTEN connect to the server directly (the owner's URL). */
    databaseUrl: env.DATABASE_URL,
  },
  roles: env.APP_ROLES,
  /** Development and tests only: where provider calls go instead of the providers' own hosts. */
  providerUrls: (env.SIMPUL_PROVIDER_URL_OVERRIDES ?? {}) as ProviderUrlOverrides,
  /** The map's default tile source (a tenant setting overrides it). */
  maps: { tileUrl: env.MAP_TILE_URL ?? null, tileAttribution: env.MAP_TILE_ATTRIBUTION ?? null },
  /** Where technicians' photos are stored (S3_* only with PHOTO_STORAGE=s3). */
  photos: {
    driver: env.PHOTO_STORAGE,
    dir: resolve(env.DATA_DIR, 'photos'),
    maxBytes: env.PHOTO_MAX_BYTES,
    s3:
      env.PHOTO_STORAGE === 's3'
        ? {
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION,
            bucket: env.S3_BUCKET ?? '',
            accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
            secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
          }
        : undefined,
  },
  /** Master key for secrets at rest; the embedded shape keeps one in DATA_DIR/secret.key. */
  secretKey: env.SECRET_KEY ? Buffer.from(env.SECRET_KEY, 'base64') : undefined,
  demoData: env.DEMO_DATA,
  logLevel: env.LOG_LEVEL,
  saas: {
    platformDomain: env.PLATFORM_DOMAIN,
    graceDays: env.SAAS_GRACE_DAYS,
    gateway: env.SAAS_MIDTRANS_SERVER_KEY ? { provider: 'midtrans', mode: env.SAAS_MIDTRANS_MODE, serverKey: env.SAAS_MIDTRANS_SERVER_KEY } : undefined,
  },
  identity: {
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE ?? env.PUBLIC_URL?.startsWith('https:') ?? false,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginWindowMinutes: env.LOGIN_WINDOW_MINUTES,
  },
});

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = toConfig(parsed.data);
  if (config.secretKey && config.secretKey.length !== 32) {
    throw new ConfigError('Invalid configuration:\n  SECRET_KEY: must be base64 of 32 random bytes (openssl rand -base64 32)');
  }
  if (config.db.driver === 'postgres' && !config.secretKey) {
    throw new ConfigError('Invalid configuration:\n  SECRET_KEY: required with DATABASE_URL (openssl rand -base64 32); it encrypts provider and router credentials');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.SIMPUL_PROVIDER_URL_OVERRIDES) {
    throw new ConfigError('Invalid configuration:\n  SIMPUL_PROVIDER_URL_OVERRIDES: not allowed with NODE_ENV=production (providers are called at their own addresses)');
  }
  if (config.events.transport === 'redis-streams' && !config.events.redisUrl) {
    throw new ConfigError('Invalid configuration:\n  REDIS_URL: required when EVENT_TRANSPORT=redis-streams');
  }
  return config;
}

/**
 * Which proxies' X-Forwarded-For to believe for the caller's address (the per-address limits
 * and login throttling key on it). Off by default: a forged header must not buy a fresh limit.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}
