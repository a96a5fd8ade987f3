// One way to call a mutation of the API: every mutation returns a union of
// `Mutation<Name>Success { data }` and typed errors (`... on Error { code message }`). The
// success's data is returned; a typed error is thrown as an ApiError carrying the API's Chinese
// message (for a ValidationFailedError, the messages of its problems).
import { parse, type DocumentNode } from 'graphql';
import { client } from './client.ts';
import { ApiError, toApiError, type FieldProblem } from './errors.ts';
import { mutationResultMembers } from './schema.ts';

export interface MutationSpec {
  /** The mutation field, e.g. `employerReview`. */
  field: string;
  /** Variable definitions, e.g. `$id: ID!, $version: Int!`. */
  variables: string;
  /** The selection of the success's `data`; empty when data is a scalar. */
  data: string;
}

const documents = new Map<string, DocumentNode>();

function successType(field: string): string {
  return `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
}

export function mutationDocument(spec: MutationSpec): DocumentNode {
  const cached = documents.get(spec.field);
  if (cached) return cached;
  const members = mutationResultMembers(spec.field);
  const args = [...spec.variables.matchAll(/\$(\w+)/g)].map(([, name]) => `${name}: $${name}`).join(', ');
  const document = parse(/* GraphQL */ `
    mutation ${spec.field[0]!.toUpperCase()}${spec.field.slice(1)}${spec.variables ? `(${spec.variables})` : ''} {
      result: ${spec.field}${args ? `(${args})` : ''} {
        __typename
        ... on ${successType(spec.field)} { data ${spec.data ? `{ ${spec.data} }` : ''} }
        ... on Error { code message }
        ${members.has('ValidationFailedError') ? '... on ValidationFailedError { problems { path message } }' : ''}
      }
    }
  `);
  documents.set(spec.field, document);
  return document;
}

export interface MutationResult<Data> {
  __typename: string;
  data?: Data;
  code?: string;
  message?: string;
  problems?: FieldProblem[];
}

export async function callMutation<Data>(spec: MutationSpec, variables: Record<string, unknown>): Promise<Data> {
  let result: MutationResult<Data> | undefined;
  try {
    const response = await client.mutate<{ result: MutationResult<Data> }>({ mutation: mutationDocument(spec), variables });
    result = response.data?.result;
  } catch (error) {
    throw toApiError(error);
  }
  return unwrapResult(spec, result);
}

/** The success's data, or the typed error thrown as an ApiError (also for multipart uploads, uploads.ts). */
export function unwrapResult<Data>(spec: MutationSpec, result: MutationResult<Data> | null | undefined): Data {
  if (!result) throw new ApiError('服务器未返回结果，请稍后重试', 'EMPTY_RESULT');
  if (result.__typename === successType(spec.field)) return result.data as Data;
  // A ValidationFailedError's message names the input fields (English paths); its problems say
  // what is wrong in the reviewer's words.
  const problems = [...new Set(result.problems?.map((problem) => problem.message))];
  throw new ApiError(problems.length ? problems.join('；') : (result.message ?? '操作未成功'), result.code ?? result.__typename, 200, result.problems ?? []);
}
