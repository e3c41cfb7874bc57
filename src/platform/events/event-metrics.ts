import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type EventMetrics = ReturnType<typeof createEventMetrics>;

export function createEventMetrics(registry: Registry) {
  const handlerLabel = ['handler'] as const;
  return {
    published: new Counter({ name: 'simpul_events_published_total', help: 'Committed events handed to the transport', labelNames: ['topic'], registers: [registry] }),
    handled: new Counter({ name: 'simpul_events_handled_total', help: 'Events a handler processed successfully', labelNames: handlerLabel, registers: [registry] }),
    retried: new Counter({ name: 'simpul_events_retried_total', help: 'Failed deliveries scheduled for another attempt', labelNames: handlerLabel, registers: [registry] }),
    failed: new Counter({ name: 'simpul_events_failed_total', help: 'Handler attempts that threw', labelNames: handlerLabel, registers: [registry] }),
    dead: new Counter({ name: 'simpul_events_dead_total', help: 'Deliveries that became dead letters', labelNames: handlerLabel, registers: [registry] }),
    lag: new Gauge({ name: 'simpul_events_lag_seconds', help: 'Time from an event occurring to its handler finishing, last seen', labelNames: handlerLabel, registers: [registry] }),
    duration: new Histogram({
      name: 'simpul_event_handler_duration_seconds',
      help: 'Handler run time including its transaction',
      labelNames: ['handler', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
  };
}
