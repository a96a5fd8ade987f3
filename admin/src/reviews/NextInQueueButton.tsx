// 下一份: after a decision, the next application waiting for the reviewer's stage in the same
// round — the first row of the review queue in its default order (oldest submission first).
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { ReviewStage } from '../dataProvider/reviews.ts';
import { queueSort, stages } from './decisions.ts';

export const NextInQueueButton = ({ stage, roundYear }: { stage: ReviewStage; roundYear: number }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider();
  const next = useMutation({
    mutationFn: async () => {
      const { data } = await dataProvider.getList('applications', {
        filter: { statuses: stages[stage].awaiting, roundYear },
        sort: queueSort,
        pagination: { page: 1, perPage: 1 },
      });
      return data[0]?.id ?? null;
    },
    onSuccess: (id) => {
      if (id) redirect('show', 'applications', id);
      else {
        notify('tepei.review.queueEmpty', { type: 'info' });
        redirect('list', 'applications');
      }
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Button size="small" variant="contained" endIcon={<NavigateNextIcon />} onClick={() => next.mutate()} disabled={next.isPending} data-testid="review-next">
      {translate('tepei.review.next')}
    </Button>
  );
};
