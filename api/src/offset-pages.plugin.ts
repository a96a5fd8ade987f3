// Page N of a list, as react-admin asks for it: a connection field with an `offset` argument
// skips that many rows before `first` (issue 12 item 6), so the console needs no walk along the
// cursors. The plugin checks the argument on every field that has one — bounded like the page
// size (queryLimits in hardening.ts), forward pages only — and answers hasPreviousPage for the
// skipped rows; the field's resolver adds the offset to the rows it skips (withOffset).
import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { queryLimits } from './hardening.ts';

interface OffsetArguments {
  offset?: number | null;
  after?: unknown;
  before?: unknown;
  last?: unknown;
}

export const offsetDescription = `跳过的行数（按当前筛选与排序，用于第 N 页：offset = (N-1)×first），0 至 ${queryLimits.maxOffset}；只能与 first 同用，不能与 after、before、last 同用`;

function offsetProblem(args: OffsetArguments): string | null {
  const { offset } = args;
  if (offset == null) return null;
  if (offset < 0 || offset > queryLimits.maxOffset) return `offset 应在 0 至 ${queryLimits.maxOffset} 之间，更靠后的行请用 after 游标逐页读取`;
  if (args.after != null || args.before != null || args.last != null) return 'offset 只能与 first 同用，不能与 after、before、last 同用';
  return null;
}

/** The connection's planned query with the offset's rows skipped as well. */
export function withOffset<Query extends { skip?: number }>(query: Query, args: OffsetArguments): Query {
  return args.offset ? { ...query, skip: (query.skip ?? 0) + args.offset } : query;
}

export class OffsetPagesPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: Parameters<BasePlugin<Types>['wrapResolve']>[0],
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): Parameters<BasePlugin<Types>['wrapResolve']>[0] {
    if (!('offset' in fieldConfig.args)) return resolver;
    return (parent, args, context, info) => {
      const offsetArgs = args as OffsetArguments;
      const problem = offsetProblem(offsetArgs);
      if (problem) {
        throw new GraphQLError(`输入有误：offset：${problem}`, { extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'offset', message: problem }] } });
      }
      const result = resolver(parent, args, context, info);
      if (!offsetArgs.offset) return result;
      // Rows were skipped: there is a page before this one.
      const marked = (connection: unknown) => {
        const pageInfo = (connection as { pageInfo?: { hasPreviousPage: boolean } } | null)?.pageInfo;
        if (pageInfo) pageInfo.hasPreviousPage = true;
        return connection;
      };
      return isThenable(result) ? Promise.resolve(result).then(marked) : marked(result);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      offsetPages: OffsetPagesPlugin<Types>;
    }
  }
}

/** The name to list in the builder's plugins. */
export const offsetPagesPlugin = 'offsetPages' as const;

SchemaBuilder.registerPlugin(offsetPagesPlugin, OffsetPagesPlugin);
