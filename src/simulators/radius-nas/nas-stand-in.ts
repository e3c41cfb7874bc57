// STAND-IN, NOT A NAS: RFC 5176 CoA / Disconnect as MikroTik's `/radius incoming` answers it (help.mikrotik.com/docs "RADIUS").
import { createSocket, type Socket } from 'node:dgram';
import { CoaCode, radius } from '../../modules/network/index.ts';

/**
 * A STAND-IN FOR A MIKROTIK NAS's RFC 5176 listener (`/radius incoming`), for tests and
 * development: it listens on UDP 127.0.0.1 on an ephemeral port, checks each request's
 * authenticator against the shared secret (a request that fails is dropped unanswered, as a real
 * NAS does), records what arrived and answers ACK, NAK, or nothing.
 */

export type NasStandInAnswer =
  | { kind: 'ack' }
  /** NAK with an RFC 5176 Error-Cause name, e.g. `Session-Context-Not-Found`, `Administratively-Prohibited`. */
  | { kind: 'nak'; errorCause?: string }
  /** Never answer: the caller times out. */
  | { kind: 'silent' };

export type NasStandInRequest = {
  code: string;
  identifier: number;
  /** False when the authenticator did not match the secret (wrong secret): such requests get no answer. */
  authentic: boolean;
  /** Decoded attributes; MikroTik's are under `Vendor-Specific`. */
  attributes: Record<string, unknown>;
};

export class NasStandIn {
  readonly host = '127.0.0.1';
  readonly requests: NasStandInRequest[] = [];
  /** How the next requests are answered; tests change it between steps. */
  answer: NasStandInAnswer = { kind: 'ack' };
  /** Requests to leave unanswered before answering again, as if the answers were lost. */
  dropNext = 0;
  private readonly socket: Socket;
  private readonly secret: string;

  private constructor(socket: Socket, secret: string) {
    this.socket = socket;
    this.secret = secret;
    socket.on('message', (message, from) => this.handle(message, from.port, from.address));
  }

  static async start(options: { secret: string }): Promise<NasStandIn> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => resolve());
    });
    return new NasStandIn(socket, options.secret);
  }

  get port(): number {
    return this.socket.address().port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private handle(message: Buffer, port: number, address: string) {
    let packet;
    try {
      packet = radius.decode({ packet: message, secret: this.secret });
    } catch {
      const unverified = radius.decode_without_secret({ packet: message });
      this.requests.push({ code: unverified.code, identifier: unverified.identifier, authentic: false, attributes: unverified.attributes });
      return;
    }
    this.requests.push({ code: packet.code, identifier: packet.identifier, authentic: true, attributes: packet.attributes });
    if (this.answer.kind === 'silent') return;
    if (this.dropNext > 0) {
      this.dropNext--;
      return;
    }
    const isCoa = packet.code === CoaCode.coaRequest;
    const code = this.answer.kind === 'ack' ? (isCoa ? CoaCode.coaAck : CoaCode.disconnectAck) : isCoa ? CoaCode.coaNak : CoaCode.disconnectNak;
    const attributes: [string, string][] = this.answer.kind === 'nak' && this.answer.errorCause ? [['Error-Cause', this.answer.errorCause]] : [];
    this.socket.send(radius.encode_response({ packet, code, secret: this.secret, attributes }), port, address);
  }
}
