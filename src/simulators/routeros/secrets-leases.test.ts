// The RouterOS stand-in's /ppp/secret and /ip/dhcp-server/lease rules (help.mikrotik.com/docs
// "PPP AAA", "DHCP"), through the v7 REST form; the API form shares the model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Menu } from './router-model.ts';
import { RouterStandIn } from './router-stand-in.ts';

describe('RouterOS stand-in: PPP secrets and DHCP static leases', () => {
  let router: RouterStandIn;
  const rest = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://${router.host}:${router.restPort}/rest${path}`, {
      method,
      headers: { authorization: `Basic ${Buffer.from('admin:').toString('base64')}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as any };
  };

  beforeAll(async () => {
    router = await RouterStandIn.start();
    router.model.add(Menu.pppProfile, { name: 'paket-10m' });
  });
  afterAll(() => router?.stop());

  it('should add, read, disable and remove a PPP secret, refusing a duplicate name, an unknown profile or service', async () => {
    const added = await rest('PUT', '/ppp/secret', { name: 'budi@net', password: 'x', profile: 'paket-10m', service: 'pppoe', comment: 'simpul:C00001' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ name: 'budi@net', profile: 'paket-10m', service: 'pppoe', disabled: 'false', comment: 'simpul:C00001' });
    expect((await rest('PUT', '/ppp/secret', { name: 'budi@net', password: 'y' })).body.detail).toBe('failure: item with such name already exists');
    expect((await rest('PUT', '/ppp/secret', { name: 'ani@net', profile: 'tidak-ada' })).body.detail).toBe('input does not match any value of profile');
    expect((await rest('PUT', '/ppp/secret', { name: 'ani@net', service: 'telnet' })).body.detail).toBe('input does not match any value of service');
    const id = added.body['.id'];
    expect((await rest('PATCH', `/ppp/secret/${id}`, { disabled: 'yes' })).body.disabled).toBe('true');
    expect((await rest('GET', '/ppp/secret?name=budi@net')).body).toHaveLength(1);
    expect((await rest('DELETE', `/ppp/secret/${id}`)).status).toBe(204);
    expect((await rest('DELETE', `/ppp/secret/${id}`)).status).toBe(404);
  });

  it('should keep one static lease per address and per MAC, with the MAC in upper case', async () => {
    const added = await rest('PUT', '/ip/dhcp-server/lease', { address: '10.0.0.9', 'mac-address': 'aa-bb-cc-00-11-22', comment: 'simpul:C00002' });
    expect(added.body).toMatchObject({ address: '10.0.0.9', 'mac-address': 'AA:BB:CC:00:11:22', server: 'all', dynamic: 'false' });
    expect((await rest('PUT', '/ip/dhcp-server/lease', { address: '10.0.0.9', 'mac-address': 'AA:BB:CC:00:11:33' })).body.detail).toBe(
      'failure: already have static lease with this IP address',
    );
    expect((await rest('PUT', '/ip/dhcp-server/lease', { address: '10.0.0.10', 'mac-address': 'AA:BB:CC:00:11:22' })).body.detail).toBe(
      'failure: already have static lease for this client',
    );
    expect((await rest('PUT', '/ip/dhcp-server/lease', { address: '10.0.0.11' })).status).toBe(400);
    expect((await rest('POST', '/ip/dhcp-server/lease/print', { '.query': ['comment=simpul:C00002'] })).body.map((l: { address: string }) => l.address)).toEqual(['10.0.0.9']);
  });
});
