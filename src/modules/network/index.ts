// Public entry of the network module: routers, line convergence, router gateways.
export { createNetworkService, type NetworkService, type GatewayFactory, type RouterSummary, type LineSync } from './network.service.ts';
export { networkEvents } from './network.events.ts';
export { networkHandlers } from './network.handlers.ts';
export { networkRoutes } from './network.routes.ts';
export { createConvergeWorker } from './converge-worker.ts';
export { networkJobs } from './network.jobs.ts';
// The RouterOS stand-in (tests and the embedded demo; not a real router).
export { RouterStandIn } from './routeros/index.ts';
export { Menu as RouterMenu } from './routeros/stand-in/router-model.ts';
