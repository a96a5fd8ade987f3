// react-admin's query cache (react-query), with a retry policy for this API: a request that did
// not reach the API or that a gateway failed (NETWORK_ERROR, HTTP_ERROR) is tried once more after
// half a second; the API's own refusals are final. react-query's default (three retries, 1 + 2 +
// 4 s apart) left a failed page blank for 7 s and more before the error showed. A failed query
// is not fetched again just because another component starts watching it (retryOnMount): a
// page that waits for one query before showing parts that watch it too would otherwise fetch,
// fail and remount without end while the API is down. The error panel's retry fetches it
// (layout/LoadError.tsx).
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors.ts';

const transient = (error: unknown) => error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.code === 'HTTP_ERROR');

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (failures, error) => failures < 1 && transient(error), retryDelay: 500, retryOnMount: false },
  },
});
