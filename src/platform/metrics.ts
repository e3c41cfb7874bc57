import { Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per application instance (tests build several apps in one process). */
export const createMetricsRegistry = (): Registry => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'simpul_' });
  return registry;
};
