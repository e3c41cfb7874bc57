// Public entry of the maps module: FTTH topology (ODC → ODP → customer port), outages with
// propagation, the map's data, and outage suggestions from RADIUS signals. For set-based readers
// it publishes the view `maps_customers_under_outage` (billing's daily scan, reminder rules).
export { createMapsService, type MapsService } from './maps.service.ts';
export { mapsRoutes } from './maps.routes.ts';
export { mapsErrors } from './maps.errors.ts';
export { mapsEvents } from './maps.events.ts';
export { mapsHandlers } from './maps.handlers.ts';
