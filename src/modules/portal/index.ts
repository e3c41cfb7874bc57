// Public entry of the portal module: the customer portal (/p/<slug>), the isolir page, the captive portal API, router scripts.
export { createPortalService, maskName, type PortalService, type PortalDeps, type CustomerView, type LineStatus } from './portal.service.ts';
export { portalRoutes, type PortalRoutesOptions } from './portal.routes.ts';
export { portalEvents } from './portal.events.ts';
export { portalErrors } from './portal.errors.ts';
export { routerScript, gatewayCheckoutHosts, ALLOW_LIST, RULE_MARK, PROXY_PORT } from './use-cases/router-script.ts';
