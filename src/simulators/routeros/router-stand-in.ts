// STAND-IN, NOT A MIKROTIK: the RouterOS API and v7 REST API as help.mikrotik.com/docs ("API", "REST API") describe them.
import type net from 'node:net';
import type { Clock } from '../../platform/clock.ts';
import { createApiServer } from './api-server.ts';
import { StandInFaults } from './faults.ts';
import { createRestServer } from './rest-server.ts';
import { RouterModel } from './router-model.ts';

/**
 * A stand-in for a MikroTik router — NOT a real one — for tests, benchmarks and the embedded demo:
 * the RouterOS API (help.mikrotik.com "API") and the v7 REST API ("REST API") on 127.0.0.1, over one in-memory model that tests read
 * and "hand edit" directly, with faults to inject (latency, a router gone offline, a changed
 * password, a link cut mid-batch).
 */

export type RouterStandInOptions = {
  username?: string;
  password?: string;
  identity?: string;
  /** Serve API-SSL and HTTPS instead of plain API and HTTP. */
  tls?: { key: string; cert: string };
  latencyMs?: number;
  clock?: Clock;
};

export class RouterStandIn {
  readonly model: RouterModel;
  readonly faults = new StandInFaults();
  private credentials: { username: string; password: string };
  private readonly api: net.Server;
  private readonly rest: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private ports = { api: 0, rest: 0 };

  private constructor(options: RouterStandInOptions) {
    this.model = new RouterModel({ identity: options.identity, clock: options.clock });
    this.faults.latencyMs = options.latencyMs ?? 0;
    this.credentials = { username: options.username ?? 'admin', password: options.password ?? '' };
    const checkLogin = (name: string, password: string) => name === this.credentials.username && password === this.credentials.password;
    const shared = { model: this.model, faults: this.faults, checkLogin, tls: options.tls };
    this.api = createApiServer(shared);
    this.rest = createRestServer(shared);
    for (const server of [this.api, this.rest]) {
      server.on('connection', (socket: net.Socket) => {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
      });
    }
  }

  /** Listens on ephemeral ports of 127.0.0.1. */
  static async start(options: RouterStandInOptions = {}): Promise<RouterStandIn> {
    const standIn = new RouterStandIn(options);
    await standIn.comeOnline();
    return standIn;
  }

  get host(): string {
    return '127.0.0.1';
  }
  get apiPort(): number {
    return this.ports.api;
  }
  get restPort(): number {
    return this.ports.rest;
  }

  /** The operator changed the router's password: logins with the old one now fail. */
  setCredentials(username: string, password: string): void {
    this.credentials = { username, password };
  }

  /** The router goes away: open connections are cut and its ports refuse new ones. */
  async goOffline(): Promise<void> {
    const closed = [this.api, this.rest].filter((server) => server.listening).map((server) => new Promise((resolve) => server.close(resolve)));
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(closed);
  }

  /** Back on the same ports (the first start picks them). */
  async comeOnline(): Promise<void> {
    const listen = (server: net.Server, port: number) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve((server.address() as net.AddressInfo).port);
        });
      });
    this.ports = { api: await listen(this.api, this.ports.api), rest: await listen(this.rest, this.ports.rest) };
  }

  async stop(): Promise<void> {
    await this.goOffline();
  }
}
