// Before a response leaves: every root field of a mutation that failed without reaching its
// audited resolver (bad variables, an ID of another type) gets its REFUSED record, and all of
// the request's audit writes have landed.
import { getOperationAST, Kind, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../context.ts';
import { auditUnrecordedRefusals, flushAudit } from './audit.service.ts';

export const auditPlugin: Plugin = {
  onExecute({ args }) {
    const ctx = args.contextValue as unknown as Context;
    const operation = getOperationAST(args.document, args.operationName);
    return {
      async onExecuteDone({ result }) {
        const errors = 'errors' in result ? ((result as ExecutionResult).errors ?? []) : [];
        if (operation?.operation === 'mutation' && errors.length) {
          const rootFields = operation.selectionSet.selections.flatMap((selection) =>
            selection.kind === Kind.FIELD ? [{ responseKey: selection.alias?.value ?? selection.name.value, fieldName: selection.name.value }] : [],
          );
          await auditUnrecordedRefusals(ctx, rootFields, errors);
        }
        await flushAudit(ctx);
      },
    };
  },
};
