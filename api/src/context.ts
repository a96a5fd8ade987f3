import type { YogaInitialContext } from 'graphql-yoga';
import type { Actor } from './auth/actor.ts';
import { clientAddressOf, type NodeServerContext } from './auth/client-address.ts';
import { actorForBearerToken } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import { requestIdFrom, requestIdOf } from './logger.ts';
import type { AggregateCache } from './modules/analytics/aggregate-cache.ts';

export interface Context {
  /** Who is acting; null for anonymous requests (login, register, health). */
  actor: Actor | null;
  requestId: string;
  /** Where the request comes from (auth/client-address.ts); null when unknown (yoga.fetch without a server context). */
  clientAddress: string | null;
  now: Clock;
  /** Shared dashboard aggregates, when the server keeps them (modules/analytics/aggregate-cache.ts). */
  aggregates?: AggregateCache;
}

/** The context once the `signedIn` scope has passed: no null check needed. */
export interface SignedInContext extends Context {
  actor: Actor;
}

export function contextFactory(clock: Clock, aggregates?: AggregateCache) {
  // Yoga hands node's request in as the prototype of the initial context: read it, don't spread it.
  return async (initial: YogaInitialContext & NodeServerContext): Promise<Context> => {
    const { request } = initial;
    // The id the server's log line and x-request-id answer carry (logger.ts); yoga.fetch has none.
    const requestId = requestIdOf(initial.req) ?? requestIdFrom(request.headers.get('x-request-id'));
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const actor = token ? await actorForBearerToken(token, clock()) : null;
    return { actor, requestId, clientAddress: clientAddressOf(request, initial), now: clock, aggregates };
  };
}
