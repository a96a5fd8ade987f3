// What the process reports to Prometheus: yoga's request counts, durations and errors, the root
// fields' resolver timings (only Query.* and Mutation.*), and prom-client's default process
// metrics. One registry for the process, so that every yoga instance (tests build several)
// counts into the same metrics.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { defaultFieldResolver, type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/**
 * The root fields' timings, under the name and labels @envelop/prometheus gives them. Its own
 * resolver metric wraps EVERY field of the schema and filters by the whitelist on each call:
 * on a queue page of 50 rows that is ~3,500 wrapped resolutions (closures and promise checks,
 * a tenth of the API's CPU) to time two root fields. Here only the root fields are wrapped.
 */
const rootResolverSeconds = new Histogram({
  name: 'graphql_envelop_execute_resolver',
  help: 'Time spent on running the GraphQL resolvers',
  labelNames: ['operationType', 'operationName', 'fieldName', 'typeName', 'returnType'],
  registers: [metricsRegistry],
});

const timedFields = new WeakSet<GraphQLField<unknown, unknown>>();

function labelsOf(info: GraphQLResolveInfo) {
  return {
    operationType: info.operation.operation,
    operationName: info.operation.name?.value ?? 'Anonymous',
    fieldName: info.fieldName,
    typeName: info.parentType.name,
    returnType: info.returnType.toString(),
  };
}

function timeRootFields(schema: GraphQLSchema) {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      // The schema is shared by every yoga instance: wrap each field once.
      if (timedFields.has(field)) continue;
      timedFields.add(field);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const end = rootResolverSeconds.startTimer(labelsOf(info));
        try {
          const result = resolve(source, args, context, info);
          if (result instanceof Promise) return result.finally(() => end());
          end();
          return result;
        } catch (error) {
          end();
          throw error;
        }
      };
    }
  }
}

export function metricsPlugin(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        usePrometheus({
          registry: metricsRegistry,
          // Served by probes.ts behind METRICS_TOKEN, never by yoga to anyone who asks.
          endpoint: false,
          skipIntrospection: true,
          // A full URL per series would let any client mint new series; the operation names stay.
          labels: { url: false },
          // What the alerts read (docs/operations.md: requests, errors, durations, root fields'
          // timings) and nothing more. Each of the others is work on every request for a series
          // nobody reads: the deprecated-field counter walks the whole document with type info
          // (the schema deprecates nothing), the time summary keeps a sliding quantile window per
          // operation, and the phase histograms time parse and validate, which yoga answers from
          // its caches. Together they were ~10 % of a dashboard request's CPU (issue #12).
          metrics: {
            graphql_envelop_execute_resolver: false,
            graphql_envelop_deprecated_field: false,
            graphql_envelop_request_time_summary: false,
            graphql_envelop_phase_parse: false,
            graphql_envelop_phase_validate: false,
            graphql_envelop_phase_context: false,
            graphql_envelop_phase_execute: false,
            graphql_envelop_phase_subscribe: false,
          },
        }),
      );
    },
    onSchemaChange({ schema }) {
      timeRootFields(schema);
    },
  };
}
