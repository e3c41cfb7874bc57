import { describe, expect, it } from 'vitest';
import { Menu, RouterModel } from './router-model.ts';
import { runRouterScript } from './script.ts';

describe('RouterOS stand-in: pasted scripts', () => {
  it('should follow menu lines, inline menus, quotes with escapes and continued lines', () => {
    const model = new RouterModel();
    runRouterScript(
      model,
      [
        '# a comment',
        '/ip firewall address-list',
        'add list=allow address=portal.example.id comment="the \\"portal\\""',
        '/ip/firewall/nat add chain=dstnat protocol=tcp dst-port=80 \\',
        '    action=redirect to-ports=8089 comment="web"',
        '/ip proxy',
        'set enabled=yes port=8089',
      ].join('\n'),
    );
    expect(model.print(Menu.addressList)).toEqual([expect.objectContaining({ list: 'allow', address: 'portal.example.id', comment: 'the "portal"' })]);
    expect(model.print(Menu.firewallNat)).toEqual([expect.objectContaining({ chain: 'dstnat', action: 'redirect', 'to-ports': '8089', comment: 'web' })]);
    expect(model.print(Menu.proxy)).toEqual([{ enabled: 'true', port: '8089' }]);
  });

  it('should remove only what [find where …] matches', () => {
    const model = new RouterModel();
    model.add(Menu.firewallFilter, { chain: 'forward', action: 'drop', comment: 'simpul-isolir: x' });
    model.add(Menu.firewallFilter, { chain: 'forward', action: 'accept', comment: 'defconf: keep' });
    model.add(Menu.addressList, { list: 'a', address: '10.0.0.1' });
    model.add(Menu.addressList, { list: 'b', address: '10.0.0.1' });
    runRouterScript(model, '/ip firewall filter remove [find where comment~"^simpul-isolir"]\n/ip firewall address-list remove [find where list=a]');
    expect(model.print(Menu.firewallFilter).map((r) => r.comment)).toEqual(['defconf: keep']);
    expect(model.print(Menu.addressList).map((r) => r.list)).toEqual(['b']);
  });

  it('should stop at the first line RouterOS refuses, naming it, and refuse what it does not know', () => {
    const model = new RouterModel();
    expect(() => runRouterScript(model, '/ip firewall nat\nadd chain=dstnat action=teleport')).toThrow('line 2: input does not match any value of action');
    expect(() => runRouterScript(model, '/ip firewall nat add chain=dstnat action=redirect to-ports=8089')).toThrow(/port can be set only when protocol is tcp or udp/);
    expect(() => runRouterScript(model, '/ip firewall address-list add list=x address=not_a_host')).toThrow('line 1: invalid value for argument address');
    expect(() => runRouterScript(model, '/ip teleport add x=y')).toThrow('line 1: bad command name');
    expect(() => runRouterScript(model, ':local x 1')).toThrow(/line 1/);
    expect(() => runRouterScript(model, '/ip firewall filter set 0 action=drop')).toThrow(/line 1/);
    expect(() => runRouterScript(model, '/ip firewall filter add chain=forward comment="open')).toThrow('line 1: unterminated quote');
    expect(model.print(Menu.firewallNat)).toEqual([]);
  });
});
