/**
 * Outgoing calls to third-party providers (payment gateways, WhatsApp): what a person may set
 * about them, and what of their answers may be shown.
 */

/**
 * The fields of an entered provider config that the provider does not have. `baseUrl` in
 * particular: Simpul calls each provider at its own address, so nobody can point it (and the data
 * it sends) at another server; development and tests use SIMPUL_PROVIDER_URL_OVERRIDES.
 */
export const unknownProviderFields = (provider: string, known: Record<string, unknown>, input: Record<string, unknown>) =>
  Object.keys(input)
    .filter((field) => !(field in known))
    .map((field) => ({
      field,
      problem: field === 'baseUrl' ? 'cannot be set: Simpul calls the provider at its own address' : `is not a ${provider} setting`,
    }));

/**
 * What a provider said, fit to show, log and store: only the provider's documented error field
 * (never its raw body), control and format characters removed, whitespace collapsed, at most
 * `max` characters. Undefined when there is nothing to say.
 */
export const providerText = (value: unknown, max = 200): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const clean = value
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '') return undefined;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};
