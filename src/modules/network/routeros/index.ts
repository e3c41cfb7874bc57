/** MikroTik RouterOS enforcement: gateways (API / REST), the line diff, one converge pass. */
export type {
  ActualLine,
  ChangeResult,
  ConnectionTestResult,
  DesiredLine,
  EnforcementSettings,
  IsolationMode,
  LineSelector,
  RouterChange,
  RouterConnection,
  RouterGateway,
} from './types.ts';
export { createRouterGateway, type RouterGatewayOptions } from './router-gateway.ts';
export { customerComment, invalidLineError, lineTag, planLine, selectorFor, type LinePlan } from './line-diff.ts';
export { convergeLines, type LineOutcome } from './converge.ts';
