// 待我审核: how many applications wait for the signed-in reviewer, and the one waiting longest.
import { Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { formatDateTime } from '../common/format.ts';
import { myReviewQueue } from '../dataProvider/aggregates.ts';
import { stageOf, stages } from '../reviews/decisions.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { useCurrentRound } from './useCurrentRound.ts';

export const ReviewQueueCard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { permissions } = usePermissions<Permissions>();
  const round = useCurrentRound();
  const queue = useQuery({
    queryKey: ['dashboard', 'myReviewQueue', round.data?.year],
    queryFn: () => myReviewQueue(round.data!.year),
    enabled: !!round.data,
  });
  const stage = stageOf(permissions?.role);
  // The same applications myReviewQueue counts: the statuses waiting for this stage, this round.
  const filter = encodeURIComponent(JSON.stringify({ ...(stage ? { statuses: stages[stage].awaiting } : {}), ...(round.data ? { roundYear: round.data.year } : {}) }));
  return (
    <DashboardCard title={translate('tepei.dashboard.queue')} loading={round.isPending || queue.isPending} error={round.error ?? queue.error} testId="review-queue">
      <Typography variant="h4" component="div" data-testid="review-queue-size" data-value={queue.data?.size ?? 0}>
        {translate('tepei.dashboard.queueSize', { count: queue.data?.size ?? 0 })}
      </Typography>
      {queue.data?.oldestApplication ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="review-queue-oldest" data-id={queue.data.oldestApplication.id}>
          {translate('tepei.dashboard.oldest', { name: queue.data.oldestApplication.name, since: formatDateTime(queue.data.oldestWaitingSince) })}{' '}
          <Link to={createPath({ resource: 'applications', type: 'show', id: queue.data.oldestApplication.id })}>{translate('tepei.dashboard.openOldest')}</Link>
        </Typography>
      ) : null}
      <Button component={Link} to={`${createPath({ resource: 'applications', type: 'list' })}?filter=${filter}`} size="small" sx={{ mt: 1 }}>
        {translate('tepei.dashboard.openQueue')}
      </Button>
    </DashboardCard>
  );
};
