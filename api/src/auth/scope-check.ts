// A scope map — what a field's `authScopes` holds: scopes of scopes.ts, `$any`, `$all`, and
// scope loaders — decided for a request that does not go through GraphQL (the list exports of
// /files/exports/), with the scope-auth plugin's own evaluator: RequestCache, which the plugin
// exports and runs for every field. One meaning of a map, whether a field or a file route reads
// it: the builder's scopes (authScopesFor), its default strategy (any) and nested maps.
import { type AuthScopeMap, RequestCache } from '@pothos/plugin-scope-auth';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** A field's `authScopes` as a map (no function of the parent or arguments: a file route has neither). */
export type ScopeMap = AuthScopeMap<BuilderTypes>;

/** Whether the request's scopes satisfy `map` as they would a field whose `authScopes` it is. */
export async function grantsScopes(ctx: Context, map: ScopeMap): Promise<boolean> {
  return (await RequestCache.fromContext(ctx, builder).evaluateScopeMap(map)) === null;
}
