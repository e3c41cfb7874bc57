import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../platform/crypto/secret-box.ts';
import { nasCommandFor, sendNasCommand, type NasCommandResult } from './coa-client.ts';
import type { OpenSession } from './nas-registry.ts';
import { NasStandIn } from '../../../simulators/radius-nas/nas-stand-in.ts';

const secrets = createSecretBox(randomBytes(32));
const rateLimit = (value: string) => ({ attribute: 'Mikrotik-Rate-Limit', op: '=', value });

const sessionOn = (port: number, secret = 'nas-secret'): OpenSession => ({
  username: 'budi',
  acctSessionId: '81a00001',
  acctUniqueId: 'u-1',
  nasIpAddress: '127.0.0.1',
  framedIpAddress: '10.10.0.5',
  startedAt: new Date('2026-11-24T03:00:00Z'),
  nas: { id: 1, coaPort: port, sealedSecret: secrets.seal(secret) },
});
const errorOf = (result: NasCommandResult) => (result.status === 'failed' ? result.error : undefined);
// Short waits keep the timeout cases quick; nothing asserts on elapsed time.
const fast = { secrets, timeoutMs: 150, attempts: 2 };

describe('CoA / Disconnect against the NAS stand-in', () => {
  let nas: NasStandIn;
  beforeEach(async () => {
    nas = await NasStandIn.start({ secret: 'nas-secret' });
  });
  afterEach(async () => {
    await nas.stop();
  });

  it('classifies a NAK with its Error-Cause', async () => {
    nas.answer = { kind: 'nak', errorCause: 'Administratively-Prohibited' };
    const error = errorOf(await sendNasCommand(sessionOn(nas.port), { kind: 'coa', attributes: [rateLimit('1M/2M')] }, fast));
    expect(error?.code).toBe('RADIUS_NAS_NAK');
    expect(error?.details).toMatchObject({ answer: 'CoA-NAK', errorCause: 'Administratively-Prohibited', username: 'budi' });
  });

  it('treats a NAK for an unknown session as the session being gone', async () => {
    nas.answer = { kind: 'nak', errorCause: 'Session-Context-Not-Found' };
    expect(await sendNasCommand(sessionOn(nas.port), { kind: 'disconnect' }, fast)).toEqual({ status: 'session-gone', attempts: 1 });
  });

  it('retransmits the same packet when an answer is lost', async () => {
    nas.dropNext = 1;
    expect(await sendNasCommand(sessionOn(nas.port), { kind: 'disconnect' }, fast)).toEqual({ status: 'acknowledged', attempts: 2 });
    expect(nas.requests).toHaveLength(2);
    expect(nas.requests[1]).toEqual(nas.requests[0]);
  });

  it('times out after every attempt when the NAS stays silent', async () => {
    nas.answer = { kind: 'silent' };
    const error = errorOf(await sendNasCommand(sessionOn(nas.port), { kind: 'disconnect' }, fast));
    expect(error?.code).toBe('RADIUS_NAS_TIMEOUT');
    expect(error?.details).toMatchObject({ attempts: 2, invalidAnswers: 0 });
    expect(nas.requests.map((r) => r.code)).toEqual(['Disconnect-Request', 'Disconnect-Request']);
  });

  it('gets no answer with the wrong secret: the NAS drops what fails its authenticator check', async () => {
    const error = errorOf(await sendNasCommand(sessionOn(nas.port, 'another-secret'), { kind: 'disconnect' }, fast));
    expect(error?.code).toBe('RADIUS_NAS_TIMEOUT');
    expect(nas.requests.map((r) => r.authentic)).toEqual([false, false]);
  });

  it('reports a NAS with nothing listening on its CoA port as unreachable', async () => {
    const closed = createSocket('udp4');
    await new Promise<void>((resolve) => closed.bind(0, '127.0.0.1', () => resolve()));
    const port = closed.address().port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = errorOf(await sendNasCommand(sessionOn(port), { kind: 'disconnect' }, fast));
    expect(error?.code).toBe('RADIUS_NAS_UNREACHABLE');
    expect(error?.details).toMatchObject({ cause: 'ECONNREFUSED' });
  });

  it('refuses a session whose NAS is not registered, sending nothing', async () => {
    const error = errorOf(await sendNasCommand({ ...sessionOn(nas.port), nas: null }, { kind: 'disconnect' }, fast));
    expect(error?.code).toBe('RADIUS_NAS_UNKNOWN');
    expect(nas.requests).toEqual([]);
  });
});

describe('nasCommandFor', () => {
  it('changes a rate limit in place and disconnects for anything a session cannot change', () => {
    expect(nasCommandFor([rateLimit('10M/20M')], [rateLimit('5M/10M')])).toEqual({ kind: 'coa', attributes: [rateLimit('5M/10M')] });
    const isolation = [{ attribute: 'Mikrotik-Address-List', op: '=', value: 'simpul-isolir' }, rateLimit('256k/512k')];
    expect(nasCommandFor([rateLimit('10M/20M')], isolation)).toEqual({ kind: 'disconnect' });
    expect(nasCommandFor(isolation, [rateLimit('10M/20M')])).toEqual({ kind: 'disconnect' });
  });
});
