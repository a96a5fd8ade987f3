// A list longer than the API's largest page (100 rows), read page after page along the
// connection's cursors: what react-admin's export asks for (getList with a large perPage). The
// rows are the list's own rows, so values the API masks for the reader stay masked.
import type { GetListParams } from 'react-admin';
import { connectionQuery } from './buildQuery.ts';
import { client } from './client.ts';
import { largestPage } from './pagination.ts';
import { resourceSpec } from './resources.ts';

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { node: Record<string, unknown> }[];
}

/** Up to `perPage` rows of the list from its first row, in the list's filter and order. */
export async function allRows(resource: string, params: GetListParams, filter: Record<string, unknown>) {
  const spec = resourceSpec(resource);
  const wanted = params.pagination?.perPage ?? largestPage;
  const query = connectionQuery(resource, spec, `totalCount pageInfo { endCursor hasNextPage } edges { node { ${spec.listFields} } }`);
  const args = spec.toArguments(filter, params.sort);
  const rows: Record<string, unknown>[] = [];
  let after: string | null = null;
  let total = 0;
  while (rows.length < wanted) {
    const response: { data: { page: Page } } = await client.query({
      query,
      variables: { first: Math.min(largestPage, wanted - rows.length), after: after ?? undefined, ...args },
      context: { fetchOptions: { signal: params.signal } },
    });
    const page: Page = response.data.page;
    total = page.totalCount;
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { data: rows as never[], total };
}
