/** FreeRADIUS enforcement: lines in the stock SQL schema, CoA / Disconnect, accounting as events, configuration. */
export {
  desiredRadiusLine,
  isolationGroupName,
  mikrotikRateLimit,
  planGroupName,
  readRadiusLine,
  removeRadiusLine,
  replyAttributes,
  sameRadiusLine,
  syncRadiusLine,
  type RadiusAttribute,
  type RadiusIsolationPolicy,
  type RadiusLine,
  type RadiusLineState,
  type RadiusPlan,
} from './radius-lines.ts';
export { findOpenSessions, saveNas, type NasRegistration, type OpenSession } from './nas-registry.ts';
export { nasCommandFor, sendNasCommand, type CoaOptions, type NasCommand, type NasCommandResult } from './coa-client.ts';
export {
  dataUsageByCustomer,
  takeRadiusActivity,
  type CustomerDataUsage,
  type RadiusNetworkEvent,
  type RadiusSession,
} from './radius-activity.ts';
export {
  clientsConfig,
  siteConfig,
  sqlModuleConfig,
  standardListen,
  writeFreeradiusConfig,
  type FreeradiusClient,
  type FreeradiusDatabase,
  type FreeradiusListen,
} from './freeradius-config.ts';
