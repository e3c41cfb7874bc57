import { randomInt } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { SecretBox } from '../../../platform/crypto/secret-box.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { OpenSession } from './nas-registry.ts';
import type { RadiusAttribute } from './radius-lines.ts';
import { CoaCode, packetAttribute, radius } from './radius-packets.ts';
import { networkErrors } from '../network.errors.ts';

/**
 * Sends RFC 5176 requests to the NAS running a session: CoA-Request changes the running session
 * (a new Mikrotik-Rate-Limit), Disconnect-Request ends it so the customer redials into their new
 * group (address list or pool changes need a new session). Retransmissions reuse the packet — the
 * same identifier and authenticator — so a NAS that already acted on it recognises the duplicate.
 */

export type NasCommand = { kind: 'disconnect' } | { kind: 'coa'; attributes: RadiusAttribute[] };

export type NasCommandResult =
  | { status: 'acknowledged'; attempts: number }
  /** The NAS no longer has the session (NAK, Session-Context-Not-Found): nothing is left to change. */
  | { status: 'session-gone'; attempts: number }
  /** RADIUS_NAS_NAK, RADIUS_NAS_TIMEOUT, RADIUS_NAS_UNREACHABLE or RADIUS_NAS_UNKNOWN. */
  | { status: 'failed'; error: AppError };

export type CoaOptions = {
  /** Opens the NAS secret, only to sign this packet. */
  secrets: SecretBox;
  /** How long to wait for an answer to each transmission; default 2 s. */
  timeoutMs?: number;
  /** Transmissions in all; default 3. */
  attempts?: number;
};

/** Which command brings a running session to the new reply attributes. */
export function nasCommandFor(running: readonly RadiusAttribute[], next: readonly RadiusAttribute[]): NasCommand {
  const onlyRateLimits = [...running, ...next].every((a) => a.attribute === 'Mikrotik-Rate-Limit');
  // MikroTik applies a new rate limit to a live session; an address list or pool needs a new login.
  return onlyRateLimits && next.length > 0 ? { kind: 'coa', attributes: [...next] } : { kind: 'disconnect' };
}

export async function sendNasCommand(session: OpenSession, command: NasCommand, options: CoaOptions): Promise<NasCommandResult> {
  const target = { nasIpAddress: session.nasIpAddress, username: session.username, acctSessionId: session.acctSessionId };
  if (!session.nas) {
    return failed(networkErrors.RADIUS_NAS_UNKNOWN, `The session's NAS ${session.nasIpAddress} is not registered: register it with its RADIUS secret`, target);
  }
  const secret = options.secrets.open(session.nas.sealedSecret);
  const code = command.kind === 'coa' ? CoaCode.coaRequest : CoaCode.disconnectRequest;
  const request = radius.encode({
    code,
    secret,
    identifier: randomInt(256),
    attributes: [
      ['User-Name', session.username],
      ['Acct-Session-Id', session.acctSessionId],
      ['NAS-IP-Address', session.nasIpAddress],
      ...(session.framedIpAddress ? [['Framed-IP-Address', session.framedIpAddress] as [string, string]] : []),
      ...(command.kind === 'coa' ? command.attributes.map(packetAttribute) : []),
    ],
  });
  const where = { ...target, port: session.nas.coaPort };
  const answer = await exchange(request, session.nasIpAddress, session.nas.coaPort, secret, options.timeoutMs ?? 2_000, options.attempts ?? 3);

  if (answer.kind === 'unreachable') {
    return failed(networkErrors.RADIUS_NAS_UNREACHABLE, `NAS ${session.nasIpAddress}:${session.nas.coaPort} is unreachable (${answer.cause})`, { ...where, cause: answer.cause });
  }
  if (answer.kind === 'timeout') {
    // Answers with a bad authenticator usually mean the NAS and Simpul hold different secrets.
    const hint = answer.invalidAnswers > 0 ? `; ${answer.invalidAnswers} answer(s) failed the secret check — do the RADIUS secrets match?` : '';
    return failed(networkErrors.RADIUS_NAS_TIMEOUT, `NAS ${session.nasIpAddress}:${session.nas.coaPort} did not answer ${code} after ${answer.attempts} attempts${hint}`, {
      ...where,
      attempts: answer.attempts,
      invalidAnswers: answer.invalidAnswers,
    });
  }
  const response = radius.decode({ packet: answer.packet, secret });
  if (response.code === CoaCode.coaAck || response.code === CoaCode.disconnectAck) return { status: 'acknowledged', attempts: answer.attempts };
  const errorCause = response.attributes['Error-Cause'] as string | number | undefined;
  if (errorCause === 'Session-Context-Not-Found') return { status: 'session-gone', attempts: answer.attempts };
  return failed(networkErrors.RADIUS_NAS_NAK, `NAS ${session.nasIpAddress} refused the ${code} (${response.code}${errorCause ? `: ${errorCause}` : ''})`, {
    ...where,
    answer: response.code,
    errorCause: errorCause ?? null,
  });
}

const failed = (code: AppError['code'], message: string, details: Record<string, unknown>): NasCommandResult => ({
  status: 'failed',
  error: new AppError(code, message, details),
});

type Exchange =
  | { kind: 'answer'; packet: Buffer; attempts: number }
  | { kind: 'timeout'; attempts: number; invalidAnswers: number }
  | { kind: 'unreachable'; cause: string };

/** Sends `request` until an authentic answer to it arrives, or the attempts run out. */
async function exchange(request: Buffer, host: string, port: number, secret: string, timeoutMs: number, attempts: number): Promise<Exchange> {
  const socket = createSocket('udp4');
  let invalidAnswers = 0;
  const isAnswer = (message: Buffer) => {
    if (message.length < 20 || message[1] !== request[1]) return false;
    // verify_response briefly writes into the buffer it checks: give it a copy.
    if (radius.verify_response({ request, response: Buffer.from(message), secret })) return true;
    invalidAnswers++;
    return false;
  };
  try {
    // A connected socket reports an ICMP "port unreachable" as an error instead of silence.
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await transmit(socket, request, timeoutMs, isAnswer);
      if (outcome instanceof Buffer) return { kind: 'answer', packet: outcome, attempts: attempt };
      if (outcome instanceof Error) return { kind: 'unreachable', cause: (outcome as NodeJS.ErrnoException).code ?? outcome.message };
    }
    return { kind: 'timeout', attempts, invalidAnswers };
  } catch (error) {
    return { kind: 'unreachable', cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  } finally {
    socket.close();
  }
}

function transmit(socket: Socket, request: Buffer, timeoutMs: number, isAnswer: (message: Buffer) => boolean): Promise<Buffer | Error | 'timeout'> {
  return new Promise((resolve) => {
    const done = (outcome: Buffer | Error | 'timeout') => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('error', onError);
      resolve(outcome);
    };
    const onMessage = (message: Buffer) => {
      if (isAnswer(message)) done(message);
    };
    const onError = (error: Error) => done(error);
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    socket.on('message', onMessage);
    socket.on('error', onError);
    socket.send(request);
  });
}
