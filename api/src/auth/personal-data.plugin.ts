// The last exit of a GraphQL answer: whatever a field resolver let through — a free-text reason
// or comment someone typed an ID number or a phone into, an error message — reaches an analyst
// through the same policy (personal-data.ts). Fields mask precisely; this catches the rest.
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { seesPersonalIdentifiers, shownAnswer, shownText } from './personal-data.ts';

export const personalDataPlugin: Plugin<Context> = {
  onExecute: ({ args }) => ({
    onExecuteDone: ({ result, setResult }) => {
      const actor = (args.contextValue as Context).actor;
      if (!actor || seesPersonalIdentifiers(actor) || Symbol.asyncIterator in result) return;
      const { data, errors } = result as ExecutionResult;
      setResult({
        ...result,
        data: shownAnswer(actor, data),
        ...(errors
          ? {
              errors: errors.map(
                (error) =>
                  new GraphQLError(shownText(actor, error.message), {
                    nodes: error.nodes,
                    source: error.source,
                    positions: error.positions,
                    path: error.path,
                    originalError: error.originalError,
                    extensions: error.extensions,
                  }),
              ),
            }
          : {}),
      });
    },
  }),
};
