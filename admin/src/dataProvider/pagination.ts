// react-admin asks for page N; the API's connections page by cursor (`first`/`after`) and offer
// no offset. So page N starts after the cursor of row (N-1)·perPage, found by walking the same
// connection — same filter, same order — asking only for `pageInfo.endCursor`, up to the API's
// largest page (100 rows) at a time. Page 1 costs one request, page 5 of 25 rows two, and the
// pages stay consistent with the filter and sort in force. Cursors are not cached: the review
// queue changes while it is read, and a stale cursor would silently shift a page.
import type { GetListParams } from 'react-admin';
import { connectionQuery } from './buildQuery.ts';
import { client } from './client.ts';
import { resourceSpec } from './resources.ts';

/** queryLimits.maxPageSize of the API (api/src/hardening.ts). */
export const largestPage = 100;

interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The cursor after which page `params.pagination.page` begins; null for the first page. */
export async function cursorBeforePage(resource: string, params: GetListParams, filter: Record<string, unknown>): Promise<string | null> {
  const spec = resourceSpec(resource);
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (!spec.paginated || page <= 1) return null;
  const query = connectionQuery(resource, spec, 'pageInfo { endCursor hasNextPage }');
  const args = spec.toArguments(filter, params.sort);
  let rowsToSkip = (page - 1) * perPage;
  let after: string | null = null;
  while (rowsToSkip > 0) {
    const first = Math.min(rowsToSkip, largestPage);
    const response: { data: { page: { pageInfo: PageInfo } } } = await client.query({
      query,
      variables: { first, after: after ?? undefined, ...args },
      context: { fetchOptions: { signal: params.signal } },
    });
    const info: PageInfo = response.data.page.pageInfo;
    // Past the last row: the requested page is empty, and react-admin says so.
    if (!info.endCursor) break;
    after = info.endCursor;
    rowsToSkip -= first;
    if (!info.hasNextPage) break;
  }
  return after;
}
