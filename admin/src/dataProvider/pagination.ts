// react-admin asks for page N; the API's connections take it as it is asked: `first` = perPage
// and `offset` = the rows of the pages before it, in the same filter and order (issue 12 item 6).
// One request per page, whichever page, and no cursor kept between requests: the review queue
// changes while it is read, and a stale cursor would silently shift a page.
import type { GetListParams } from 'react-admin';

/** queryLimits.maxPageSize of the API (api/src/hardening.ts). */
export const largestPage = 100;

/** `first` and `offset` of page `params.pagination.page`. */
export function pageArguments(params: Pick<GetListParams, 'pagination'>): { first: number; offset?: number } {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const offset = (Math.max(page, 1) - 1) * perPage;
  return offset > 0 ? { first: perPage, offset } : { first: perPage };
}
