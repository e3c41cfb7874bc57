// Public entry of the network module: routers, line convergence, router gateways.
export { networkErrors } from './network.errors.ts';
export { createNetworkService, type NetworkService, type GatewayFactory, type RouterSummary, type LineSync } from './network.service.ts';
export { networkEvents } from './network.events.ts';
export { networkHandlers } from './network.handlers.ts';
export { networkRoutes } from './network.routes.ts';
export { createConvergeWorker } from './converge-worker.ts';
export { networkJobs } from './network.jobs.ts';
// Protocol pieces the simulators (src/simulators) speak too: the RouterOS API wire codec, RADIUS packets.
export { encodeSentence, SentenceDecoder } from './routeros/api-wire.ts';
export { normaliseIpv4 } from './routeros/ipv4.ts';
export { CoaCode, radius } from './radius/radius-packets.ts';
