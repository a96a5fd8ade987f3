// The console's data provider: ra-data-graphql over the API's schema (buildQuery.ts), page
// numbers asked for as offsets (pagination.ts), every failure worded in Chinese (errors.ts), and
// the review steps as custom methods (`useDataProvider().review(stage, input)`). An export's
// request for more rows than one page of the API reads the list page after page (allRows.ts).
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider, GetListParams, GetManyReferenceParams } from 'react-admin';
import { allRows } from './allRows.ts';
import { buildQueryFactory } from './buildQuery.ts';
import { client } from './client.ts';
import { toApiError } from './errors.ts';
import { largestPage } from './pagination.ts';
import { resourceSpec } from './resources.ts';
import { review } from './reviews.ts';
import { introspection } from './schema.ts';

const graphqlProvider = buildGraphQLProvider({
  client,
  introspection: { schema: introspection },
  buildQuery: buildQueryFactory,
  // ra-data-graphql asks for `network-only`; react-query already caches, Apollo need not.
  query: () => ({ fetchPolicy: 'no-cache' }),
  mutation: () => ({ fetchPolicy: 'no-cache' }),
});

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toApiError(error);
  }
}

/** Whether react-admin asks for more rows than one page of the API holds (an export does). */
function beyondOnePage(resource: string, params: GetListParams): boolean {
  return resourceSpec(resource).paginated && (params.pagination?.perPage ?? 0) > largestPage && (params.pagination?.page ?? 1) === 1;
}

export const dataProvider = {
  getList: (resource, params) =>
    translated(async () =>
      beyondOnePage(resource, params)
        ? allRows(resource, params, params.filter ?? {})
        : graphqlProvider.getList(resource, params),
    ),
  getManyReference: (resource, params: GetManyReferenceParams) => translated(() => graphqlProvider.getManyReference(resource, params)),
  getOne: (resource, params) => translated(() => graphqlProvider.getOne(resource, params)),
  getMany: (resource, params) => translated(() => graphqlProvider.getMany(resource, params)),
  create: (resource, params) => translated(() => graphqlProvider.create(resource, params)),
  update: (resource, params) => translated(() => graphqlProvider.update(resource, params)),
  updateMany: (resource, params) => translated(() => graphqlProvider.updateMany(resource, params)),
  delete: (resource, params) => translated(() => graphqlProvider.delete(resource, params)),
  deleteMany: (resource, params) => translated(() => graphqlProvider.deleteMany(resource, params)),
  review,
} satisfies DataProvider & { review: typeof review };

export type ConsoleDataProvider = typeof dataProvider;
