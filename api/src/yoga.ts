// Builds the GraphQL server. It opens no port (main.ts listens), so tests call yoga.fetch.
import { createYoga } from 'graphql-yoga';
import { personalDataPlugin } from './auth/personal-data.plugin.ts';
import { type Clock, systemClock } from './clock.ts';
import { contextFactory } from './context.ts';
import { AggregateCache } from './modules/analytics/aggregate-cache.ts';
import { auditPlugin } from './modules/audit/audit.plugin.ts';
import { compiledExecution } from './compiled-execution.ts';
import { formFilesPlugin } from './modules/forms/forms.routes.ts';
import { documentFilesPlugin } from './modules/documents/documents.routes.ts';
import { hardeningPlugins } from './hardening.ts';
import { apiLogger, maskError } from './errors/mask-error.ts';
import { metricsPlugin } from './metrics.ts';
import { schema } from './schema.ts';

export interface YogaOptions {
  clock?: Clock;
  /** Keep dashboard aggregates this long (ms), shared by readers of one scope; none when absent. */
  aggregateTtlMs?: number;
}

export function createYogaApp(options: YogaOptions = {}) {
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    context: contextFactory(options.clock ?? systemClock, options.aggregateTtlMs ? new AggregateCache(options.aggregateTtlMs) : undefined),
    // Unexpected errors reach users as a generic message; the cause is logged server-side.
    maskedErrors: { maskError },
    logging: apiLogger,
    graphiql: { title: '新疆少数民族科技骨干特殊培养 GraphQL' },
    landingPage: false,
    // Batched requests are off (yoga's default): one operation per request.
    batching: false,
    plugins: [
      // First, so that its timings cover the plugins after it.
      metricsPlugin(),
      compiledExecution,
      // GET /files/forms/…: the official forms as files; every other request falls through.
      formFilesPlugin(options.clock ?? systemClock),
      documentFilesPlugin(options.clock ?? systemClock),
      ...hardeningPlugins,
      // Analysts get every answer through the personal-data policy, whatever a field let through.
      personalDataPlugin,
      auditPlugin,
    ],
  });
}

export type YogaApp = ReturnType<typeof createYogaApp>;
