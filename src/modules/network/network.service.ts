import type { Clock } from '../../platform/clock.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import type { Logger } from '../../platform/logging/logger.ts';
import type { networkEvents } from './network.events.ts';
import { createConvergeRouter } from './use-cases/converge-router.ts';
import { createLineSync } from './use-cases/line-sync.ts';
import { createRadiusSessions } from './use-cases/radius-sessions.ts';
import { createRouterAccess, type GatewayFactory, type NetworkContext } from './use-cases/router-access.ts';
import { createRouters } from './use-cases/routers.ts';

export type { GatewayFactory, RadiusIsolationReply } from './use-cases/router-access.ts';
export type { LineSync } from './use-cases/line-sync.ts';
export type { RouterInput, RouterSummary } from './use-cases/routers.ts';

export type NetworkService = ReturnType<typeof createNetworkService>;

/**
 * Routers of a tenant and the convergence of every customer line to the database's desired
 * state (level-triggered): events only mark lines pending; a worker reads each router's actual
 * state, applies the difference and records what the router confirmed. A periodic reconcile
 * marks every line pending again, which repairs hand edits on the router. One use case per file
 * in use-cases/; this factory only wires them.
 */
export function createNetworkService(deps: {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  logger: Logger;
  publish: Publish<typeof networkEvents>;
  gatewayFactory?: GatewayFactory;
  limits?: NetworkContext['limits'];
}) {
  const ctx: NetworkContext = { db: deps.db, clock: deps.clock, secrets: deps.secrets, publish: deps.publish, logger: deps.logger.child({ module: 'network' }), limits: deps.limits };
  const access = createRouterAccess(ctx, deps.gatewayFactory);
  const lines = createLineSync(ctx);
  return {
    ...createRouters(ctx, access, lines),
    ...lines,
    ...createConvergeRouter(ctx, access),
    ...createRadiusSessions(ctx),
  };
}
