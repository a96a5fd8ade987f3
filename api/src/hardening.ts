// Limits for people who write their own queries (analysts use GraphiQL directly). The numbers
// are documented in docs/analyst-guide.md and tested at the limit and one past it.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type DocumentNode, GraphQLError, Kind, type SelectionSetNode, type ValidationRule, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';
import { requestParametersChecked } from './request-parameters.ts';

export const queryLimits = {
  /** Nesting of selections, e.g. applications → edges → node → unit → area = 5. */
  maxDepth: 12,
  /** Aliased fields in one operation, `__typename` too; a fragment's count once per spread. */
  maxAliases: 20,
  /** Lexical tokens in one document. */
  maxTokens: 5000,
  /** Directives in one operation. */
  maxDirectives: 10,
  /** Static cost: 2 per object, 1 per scalar, ×1.5 per level of depth. */
  maxCost: 20000,
  /** Largest page any connection returns (`first`/`last`). */
  maxPageSize: 100,
  /** Rows a connection's `offset` may skip (react-admin's page N); deeper, page by cursor. */
  maxOffset: 100_000,
} as const;

const armor = EnvelopArmorPlugin({
  maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true },
  // Ours below: armor's lets `__typename` aliases through, any number of them.
  maxAliases: { enabled: false },
  maxTokens: { n: queryLimits.maxTokens },
  maxDirectives: { n: queryLimits.maxDirectives },
  costLimit: { maxCost: queryLimits.maxCost, ignoreIntrospection: true },
  // "Did you mean …?" would describe the schema to someone who may not read it.
  blockFieldSuggestion: { enabled: true },
});

/**
 * Counts every alias of an operation, `__typename` included, and a fragment's aliases each
 * time it is spread. A fragment spread inside itself counts nothing more: that document is
 * refused anyway (NoFragmentCyclesRule).
 */
function maxAliasesRule(limit: number): ValidationRule {
  return (context) => {
    const aliasesOfFragment = new Map<string, number>();
    const counting = new Set<string>();
    const fragmentAliases = (name: string): number => {
      const known = aliasesOfFragment.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment || counting.has(name)) return 0;
      counting.add(name);
      const count = aliases(fragment.selectionSet);
      counting.delete(name);
      aliasesOfFragment.set(name, count);
      return count;
    };
    const aliases = (selectionSet: SelectionSetNode): number => {
      let count = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) count += fragmentAliases(selection.name.value);
        else {
          if (selection.kind === Kind.FIELD && selection.alias) count += 1;
          if (selection.selectionSet) count += aliases(selection.selectionSet);
        }
      }
      return count;
    };
    return {
      OperationDefinition(operation) {
        const count = aliases(operation.selectionSet);
        if (count > limit) {
          context.reportError(
            new GraphQLError(`别名过多：一个操作最多 ${limit} 个别名（含 __typename，片段中的别名每使用一次计一次），本操作有 ${count} 个`, {
              nodes: operation,
            }),
          );
        }
      },
    };
  };
}

const aliasLimit: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(maxAliasesRule(queryLimits.maxAliases));
  },
};

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
  aliasLimit,
  // A cross-site form post cannot set this header or a JSON content type.
  useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }) as Plugin,
  // Malformed variables, a body that is not JSON…: HTTP 400, said in Chinese.
  requestParametersChecked,
  introspectionForSignedInUsers,
];
