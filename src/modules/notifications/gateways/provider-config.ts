import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.ts';
import { unknownProviderFields } from '../../../platform/providers.ts';
import { waProviders } from './wa-gateway.ts';
import { notificationsErrors } from '../notifications.errors.ts';

const required = () => z.string({ error: 'is required' }).trim().min(1, 'is required');
const timeoutMs = z.number().int().min(1).max(120_000).default(15_000);

export const whatsappCloudConfigSchema = z.object({
  provider: z.literal('whatsapp_cloud'),
  /** System-user access token (Bearer). */
  accessToken: required(),
  phoneNumberId: required(),
  /** Signs status webhooks (X-Hub-Signature-256); without it they could be forged. */
  appSecret: required(),
  /** Answers Meta's GET subscription check; only needed while subscribing. */
  webhookVerifyToken: z.string().trim().min(1).optional(),
  apiVersion: z.string().regex(/^v\d+\.\d+$/, 'must look like v21.0').default('v21.0'),
  /** Templates created with `parameter_format: NAMED` take named parameters; older ones positional. */
  templateParameterFormat: z.enum(['named', 'positional']).default('named'),
  timeoutMs,
});

export const fonnteConfigSchema = z.object({
  provider: z.literal('fonnte'),
  /** Device token from Fonnte's device list (not the account token). */
  token: required(),
  timeoutMs,
});

export const wablasConfigSchema = z.object({
  provider: z.literal('wablas'),
  token: required(),
  /** Newer Wablas accounts require `Authorization: <token>.<secretKey>`. */
  secretKey: z.string().trim().min(1).optional(),
  /** Each Wablas account lives on its own server, `<server>.wablas.com` (e.g. jkt): no default, and never another host. */
  server: z
    .string({ error: 'is required: your Wablas server, e.g. jkt for jkt.wablas.com' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/, 'must be the name of your Wablas server, e.g. jkt for jkt.wablas.com'),
  timeoutMs,
});

export const devInboxConfigSchema = z.object({ provider: z.literal('dev_inbox') });

export const waProviderConfigSchema = z.discriminatedUnion('provider', [
  whatsappCloudConfigSchema,
  fonnteConfigSchema,
  wablasConfigSchema,
  devInboxConfigSchema,
]);

const schemaOf = { whatsapp_cloud: whatsappCloudConfigSchema, fonnte: fonnteConfigSchema, wablas: wablasConfigSchema, dev_inbox: devInboxConfigSchema };

export type WaProviderConfigInput = z.input<typeof waProviderConfigSchema>;
export type WaProviderConfig = z.output<typeof waProviderConfigSchema>;
export type WhatsappCloudConfig = z.output<typeof whatsappCloudConfigSchema>;
export type FonnteConfig = z.output<typeof fonnteConfigSchema>;
export type WablasConfig = z.output<typeof wablasConfigSchema>;

const invalid = (provider: unknown, fields: { field: string; problem: string }[]) =>
  new AppError(notificationsErrors.WA_PROVIDER_CONFIG_INVALID, `WhatsApp provider config (${String(provider)}) is invalid: ${fields.map((f) => `${f.field} ${f.problem}`).join('; ')}.`, {
    fields,
  });

/** Validates a provider config (a stored one, or input already checked); a bad one is a 400 naming every offending field. */
export const parseWaProviderConfig = (input: unknown): WaProviderConfig => {
  const provider = (input as { provider?: unknown } | null | undefined)?.provider;
  if (!waProviders.includes(provider as never)) {
    throw new AppError(notificationsErrors.WA_PROVIDER_CONFIG_INVALID, `WhatsApp provider must be one of: ${waProviders.join(', ')}.`, {
      fields: [{ field: 'provider', problem: `must be one of: ${waProviders.join(', ')}` }],
    });
  }
  const parsed = waProviderConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(provider, parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issue.message })));
};

/** A config as entered (by a tenant or the super admin): every field must be one the provider has (no `baseUrl`). */
export const parseWaProviderInput = (input: Record<string, unknown> & { provider: WaProviderConfig['provider'] }): WaProviderConfig => {
  const schema = schemaOf[input.provider];
  if (!schema) return parseWaProviderConfig(input);
  const unknown = unknownProviderFields(input.provider, schema.shape, input);
  if (unknown.length > 0) throw invalid(input.provider, unknown);
  return parseWaProviderConfig(input);
};
