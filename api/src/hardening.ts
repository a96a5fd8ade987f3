// Limits for people who write their own queries (analysts use GraphiQL directly). The numbers
// are documented in docs/analyst-guide.md and tested at the limit and one past it.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

export const queryLimits = {
  /** Nesting of selections, e.g. applications → edges → node → unit → area = 5. */
  maxDepth: 12,
  /** Aliased fields in one operation. */
  maxAliases: 20,
  /** Lexical tokens in one document. */
  maxTokens: 5000,
  /** Directives in one operation. */
  maxDirectives: 10,
  /** Static cost: 2 per object, 1 per scalar, ×1.5 per level of depth. */
  maxCost: 20000,
  /** Largest page any connection returns (`first`/`last`). */
  maxPageSize: 100,
} as const;

const armor = EnvelopArmorPlugin({
  maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true },
  maxAliases: { n: queryLimits.maxAliases },
  maxTokens: { n: queryLimits.maxTokens },
  maxDirectives: { n: queryLimits.maxDirectives },
  costLimit: { maxCost: queryLimits.maxCost, ignoreIntrospection: true },
  // "Did you mean …?" would describe the schema to someone who may not read it.
  blockFieldSuggestion: { enabled: true },
});

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** The schema is described only to signed-in users (GraphiQL asks with the user's token). */
const introspectionForSignedInUsers: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    if (!(args.contextValue as unknown as Context).actor && introspects(args.document)) {
      setResultAndStopExecution({
        errors: [new GraphQLError('请先登录后再查看接口结构（内省查询）', { extensions: { code: 'UNAUTHENTICATED' } })],
      });
    }
  },
};

export const hardeningPlugins: Plugin[] = [
  armor as Plugin,
  // A cross-site form post cannot set this header or a JSON content type.
  useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }) as Plugin,
  introspectionForSignedInUsers,
];
