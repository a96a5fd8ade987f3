// Configures the schema builder and its plugins; it imports no type files (schema.ts does).
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import { inputBoundaryPlugin } from './errors/input-boundary.plugin.ts';
import { offsetPagesPlugin } from './offset-pages.plugin.ts';
import type PrismaTypes from '@tepei/db/pothos-types';
import { getDatamodel } from '@tepei/db/pothos-types';
import { GraphQLError } from 'graphql';
import { authScopesFor, type AuthScopes } from './auth/scopes.ts';
import type { Context, SignedInContext } from './context.ts';
import type { UploadedFile } from './scalars.ts';
import { config } from './config.ts';
import { prisma } from './db.ts';
import { writeAudit } from './modules/audit/audit.service.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  AuthContexts: {
    signedIn: SignedInContext;
    applicant: SignedInContext;
    employer: SignedInContext;
    prefecture: SignedInContext;
    regional: SignedInContext;
    analyst: SignedInContext;
    reviewer: SignedInContext;
    wholeProgrammeReader: SignedInContext;
  };
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: Date | string };
    BigInt: { Input: bigint; Output: bigint | number };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: UploadedFile; Output: never };
  };
}>({
  // Scope-auth first, so that no other plugin runs a resolver before access is decided; then the
  // input boundary, so that malformed arguments are refused before any plugin decodes them.
  plugins: [ScopeAuthPlugin, inputBoundaryPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, offsetPagesPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: authScopesFor,
    // A type's own scopes (signedIn on Application, Area, …) are checked once per object, as
    // graphql-js asks isTypeOf, not by a wrapper around each of its fields: a queue page of 50
    // rows would otherwise run the same check ~3,000 times (issue #12).
    runScopesOnType: true,
    unauthorizedError: (_parent, context, info) => {
      const code = context.actor ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      // A refused mutation is an attempt worth recording; the write is awaited before the
      // response leaves (see yoga.ts).
      // A type's own scopes are asked with the object's path only under compiled execution
      // (compiled-execution.ts): those are never the root's.
      if (info?.parentType?.name === 'Mutation') {
        void writeAudit(context, { operation: info.fieldName, result: 'REFUSED', errorCode: code }, String(info.path.key));
      }
      return new GraphQLError(context.actor ? '无权执行此操作' : '请先登录', { extensions: { code } });
    },
  },
  prisma: {
    client: prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // Page size is capped for every connection (queryLimits.maxPageSize in hardening.ts).
    maxConnectionSize: 100,
    defaultConnectionSize: 20,
    // A resolver that forgets to spread `...query` would fall back to one query per row.
    onUnusedQuery: config.nodeEnv === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // node/nodes resolve through each type's findUnique, which carries the row rules.
    nodeQueryOptions: { authScopes: { signedIn: true } },
    nodesQueryOptions: { authScopes: { signedIn: true } },
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({});
builder.mutationType({});
