// Public entry of the isolation module: desired line states, history, isolated/restored events.
export {
  createIsolationService,
  type IsolationService,
  type IsolationLine,
  type IsolationHistoryEntry,
  type LineChange,
  type LineState,
} from './isolation.service.ts';
export { isolationEvents } from './isolation.events.ts';
export { isolationRoutes } from './isolation.routes.ts';
