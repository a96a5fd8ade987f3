// A page whose data could not be read says so, in place of its content, until a retry succeeds:
// a failed request must never look like an empty result ("没有符合当前筛选条件的…" beside a
// stale total). Every <List>, <Show> and <Edit> gets these from the theme (theme.ts), so no page
// has to remember them.
import { Alert, AlertTitle, Button } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useQueryClient } from '@tanstack/react-query';
import { Pagination, useEditContext, useListContext, useShowContext, useTranslate } from 'react-admin';

const LoadErrorPanel = ({ error, refetch, isRetrying }: { error: unknown; refetch: () => unknown; isRetrying: boolean }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  // The page's own query, and whatever else failed with it (the page may wait for those too):
  // failed queries are not fetched again on their own (dataProvider/queryClient.ts).
  const onRetry = () => {
    void refetch();
    void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
  };
  // The data provider words every failure in Chinese (dataProvider/errors.ts).
  const message = error instanceof Error && error.message ? error.message : translate('ra.notification.http_error');
  return (
    <Alert
      severity="error"
      role="alert"
      data-testid="load-error"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={onRetry} disabled={isRetrying} data-testid="load-error-retry">
          {translate('tepei.loadError.retry')}
        </Button>
      }
    >
      <AlertTitle>{translate('tepei.loadError.title')}</AlertTitle>
      {message}
    </Alert>
  );
};

export const ListLoadError = () => {
  const { error, refetch, isFetching } = useListContext();
  return <LoadErrorPanel error={error} refetch={refetch} isRetrying={!!isFetching} />;
};

export const ShowLoadError = () => {
  const { error, refetch, isFetching } = useShowContext();
  return <LoadErrorPanel error={error} refetch={refetch} isRetrying={!!isFetching} />;
};

export const EditLoadError = () => {
  const { error, refetch, isFetching } = useEditContext();
  return <LoadErrorPanel error={error} refetch={refetch} isRetrying={!!isFetching} />;
};

/** No page count beside a failure: the total of the last good answer is not today's. */
export const ListPagination = () => {
  const { error } = useListContext();
  return error ? null : <Pagination />;
};
