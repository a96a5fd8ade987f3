// What the process reports to Prometheus: yoga's request counts, durations and errors, the root
// fields' resolver timings (only Query.* and Mutation.*: tracing every field of a list would cost
// more than it tells), and prom-client's default process metrics. One registry for the process,
// so that every yoga instance (tests build several) counts into the same metrics.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export function metricsPlugin(): Plugin {
  return usePrometheus({
    registry: metricsRegistry,
    // Served by probes.ts behind METRICS_TOKEN, never by yoga to anyone who asks.
    endpoint: false,
    skipIntrospection: true,
    // A full URL per series would let any client mint new series; the operation names stay.
    labels: { url: false },
    metrics: { graphql_envelop_execute_resolver: true },
    resolversWhitelist: ['Query.*', 'Mutation.*'],
  });
}
