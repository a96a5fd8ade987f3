// Operations executed as compiled JavaScript (graphql-jit) instead of graphql-js' interpreter: the
// same answers, without graphql-js' work per field per row (argument maps, path links, promise
// checks, result maps built field by field) — on a queue page of ~3,500 fields that work was a
// third of the API's CPU (issue 12). An operation is compiled once per parsed document, which
// yoga's parser cache keeps (the same object for the same text), so the compiled functions go
// when the cache lets a document go.
//
// graphql-jit is patched (patches/graphql-jit@0.8.9.patch) to ask a type's isTypeOf as graphql-js
// does, with the request context and the object's path, which the type-level scopes of scope-auth
// read (the actor; scopes granted along the path), and to make what it throws that object's error.
// Pothos' selection mapper is patched to find a row's execution scope by the path's value, as
// graphql-jit gives each resolver a path of its own (patches/@pothos__selection-mapper@0.1.0.patch).
import { type DocumentNode, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

type Compiled = CompiledQuery | ExecutionResult;

/** Whether operations are compiled; a test turns it off to compare with graphql-js' answers. */
export const compiledOperations = { enabled: true };

const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

function compiledOperation({ schema, document, operationName }: ExecutionArgs): Compiled {
  let byName = compiledByDocument.get(document);
  if (!byName) {
    byName = new Map();
    compiledByDocument.set(document, byName);
  }
  const name = operationName ?? '';
  let compiled = byName.get(name);
  if (!compiled) {
    compiled = compileQuery(schema, document, operationName ?? undefined);
    byName.set(name, compiled);
  }
  return compiled;
}

/** Compiled on first use, then run: a document that does not compile answers with its errors, as graphql-js would. */
export function executeCompiled(args: ExecutionArgs) {
  if (!compiledOperations.enabled) return execute(args);
  const compiled = compiledOperation(args);
  if (!isCompiledQuery(compiled)) return compiled;
  return compiled.query(args.rootValue, args.contextValue, args.variableValues ?? {});
}

export const compiledExecution: Plugin = {
  onExecute({ setExecuteFn }) {
    setExecuteFn(executeCompiled as never);
  },
};
