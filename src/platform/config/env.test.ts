import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

// An env object other than process.env: loadConfig then reads no .env file.
const load = (env: Record<string, string>) => loadConfig({ ...env } as NodeJS.ProcessEnv);

describe('SIMPUL_PROVIDER_URL_OVERRIDES', () => {
  it('points providers at stand-ins in development and tests, and none by default', () => {
    expect(load({}).providerUrls).toEqual({});
    const config = load({ SIMPUL_PROVIDER_URL_OVERRIDES: '{"midtrans":"http://127.0.0.1:4010/","whatsapp_cloud":"http://127.0.0.1:4020"}' });
    expect(config.providerUrls).toEqual({ midtrans: 'http://127.0.0.1:4010', whatsapp_cloud: 'http://127.0.0.1:4020' });
  });

  it('is refused with NODE_ENV=production', () => {
    expect(() => load({ NODE_ENV: 'production', SIMPUL_PROVIDER_URL_OVERRIDES: '{"xendit":"http://10.0.0.5"}' })).toThrow(
      /SIMPUL_PROVIDER_URL_OVERRIDES: not allowed with NODE_ENV=production/,
    );
    expect(load({ NODE_ENV: 'production' }).providerUrls).toEqual({});
  });

  it.each([
    ['not JSON', 'midtrans=http://x', /must be a JSON object/],
    ['an unknown provider', '{"doku":"http://127.0.0.1:1"}', /SIMPUL_PROVIDER_URL_OVERRIDES/],
    ['a URL that is not http(s)', '{"fonnte":"file:///etc/passwd"}', /SIMPUL_PROVIDER_URL_OVERRIDES\.fonnte/],
  ])('refuses %s, naming the variable', (_what, value, message) => {
    expect(() => load({ SIMPUL_PROVIDER_URL_OVERRIDES: value })).toThrow(ConfigError);
    expect(() => load({ SIMPUL_PROVIDER_URL_OVERRIDES: value })).toThrow(message);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, and takes true, a number of hops or a list of addresses', () => {
    expect(load({}).http.trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(load({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(load({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).http.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => load({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
