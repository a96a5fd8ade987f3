// 待我审核: how many applications wait for the signed-in reviewer, and the one waiting longest.
import { Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { formatDateTime } from '../common/format.ts';
import { myReviewQueue } from '../dataProvider/aggregates.ts';
import { queueStatus } from '../reviews/decisions.ts';
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
  const status = queueStatus(permissions?.role);
  const filter = encodeURIComponent(JSON.stringify({ ...(status ? { status } : {}), ...(round.data ? { roundYear: round.data.year } : {}) }));
  return (
    <DashboardCard title={translate('tepei.dashboard.queue')} loading={round.isPending || queue.isPending} error={round.error ?? queue.error} testId="review-queue">
      <Typography variant="h4" component="div" data-testid="review-queue-size">
        {translate('tepei.dashboard.queueSize', { count: queue.data?.size ?? 0 })}
      </Typography>
      {queue.data?.oldestApplication ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('tepei.dashboard.oldest', { name: queue.data.oldestApplication.name, since: formatDateTime(queue.data.oldestWaitingSince) })}
        </Typography>
      ) : null}
      <Button component={Link} to={`${createPath({ resource: 'applications', type: 'list' })}?filter=${filter}`} size="small" sx={{ mt: 1 }}>
        {translate('tepei.dashboard.openQueue')}
      </Button>
    </DashboardCard>
  );
};
