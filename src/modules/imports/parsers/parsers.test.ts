import { describe, expect, it } from 'vitest';
import { parseAttributes, parseMikhmonOnLogin, parseRateLimit, parseRouterOsExport } from './routeros.ts';
import { parseSqlDump } from './sql-dump.ts';

describe('RouterOS export parser', () => {
  it('should join backslash continuations and read quoted values with escapes', () => {
    const parsed = parseRouterOsExport(
      ['/ppp secret', 'add comment="Ani, \\"RT 02\\"" name=ani \\', '    password="a b\\\\c" profile="Up To 2,5 Mbps" service=pppoe', 'add name=budi disabled=yes'].join('\r\n'),
    );
    expect(parsed.secrets).toEqual([
      { line: 2, name: 'ani', password: 'a b\\c', profile: 'Up To 2,5 Mbps', service: 'pppoe', comment: 'Ani, "RT 02"', remoteAddress: null, callerId: null, disabled: false },
      { line: 4, name: 'budi', password: null, profile: 'default', service: 'any', comment: null, remoteAddress: null, callerId: null, disabled: true },
    ]);
  });

  it('should read one-line commands, the v7 path form, and ignore other sections and set lines', () => {
    const parsed = parseRouterOsExport('/ip pool\nadd name=x ranges=10.0.0.2-10.0.0.9\n/ppp/secret add name=c password=1\n/ppp secret\nset [ find name=c ] password=2\n');
    expect(parsed.secrets.map((s) => [s.name, s.password])).toEqual([['c', '1']]);
  });

  it('should take speeds from rate-limit as rx/tx from the router (upload/download of the client)', () => {
    expect(parseRateLimit('5M/10M')).toEqual({ uploadKbps: 5000, downloadKbps: 10_000 });
    expect(parseRateLimit('10M/20M 12M/24M 8M/16M 8/8')).toEqual({ uploadKbps: 10_000, downloadKbps: 20_000 });
    expect(parseRateLimit('512k/2,5M')).toEqual({ uploadKbps: 512, downloadKbps: 2500 });
    expect(parseRateLimit(null)).toEqual({ uploadKbps: null, downloadKbps: null });
    expect(parseAttributes('a=1 flag b="x y"')).toEqual(new Map([['a', '1'], ['flag', 'yes'], ['b', 'x y']]));
  });
});

describe('Mikhmon metadata on the router', () => {
  it('should read the on-login header of a hotspot profile, and vouchers by their comments', () => {
    expect(parseMikhmonOnLogin(':put (",remc,10000,30d,12500,,Enable,"); {:local date [ /system clock get date ];}')).toEqual({
      expiryMode: 'remc',
      price: 10_000,
      validity: '30d',
      sellingPrice: 12_500,
      macLock: true,
    });
    // A profile without expiry: Mikhmon writes the price only.
    expect(parseMikhmonOnLogin(':put (",,5000,,,noexp,Disable,")')).toEqual({ expiryMode: '', price: 5000, validity: '', sellingPrice: null, macLock: false });
    expect(parseMikhmonOnLogin(null)).toBeNull();
    expect(parseMikhmonOnLogin('/log info "login"')).toBeNull();
    const parsed = parseRouterOsExport('/ip hotspot user\nadd comment=vc-512-12.01.26- name=a1 password=a1 profile=1Hari\nadd comment="dec/02/2026 10:00:00" name=b2 profile=1Hari\n');
    expect(parsed.hotspotUsers.map((u) => [u.name, u.voucher])).toEqual([['a1', true], ['b2', false]]);
    expect(parsed.secrets).toEqual([]);
  });
});

describe('SQL dump parser', () => {
  it('should read multi-row inserts with escapes, NULL and missing columns per statement', () => {
    const dump = [
      "INSERT INTO `t` (`id`, `name`, `note`) VALUES (1, 'O''Neil', NULL), (2, 'it\\'s; fine', 'a,b');",
      "INSERT INTO `other` (`id`) VALUES (9);",
      "INSERT INTO `t` (`id`, `name`) VALUES\n(3, 'tiga');",
    ].join('\n');
    const rows = parseSqlDump(dump, ['t']).get('t')!;
    expect(rows.map((r) => r.values)).toEqual([
      { id: '1', name: "O'Neil", note: null },
      { id: '2', name: "it's; fine", note: 'a,b' },
      { id: '3', name: 'tiga' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 1, 4]);
  });
});
