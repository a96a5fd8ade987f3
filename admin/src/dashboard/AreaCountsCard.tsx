// 各地州市申报数 of the current round: the API's applicationCounts grouped by AREA, within the
// reader's scope, as a bar chart (loaded lazily).
import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { areaCounts } from '../dataProvider/aggregates.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { useCurrentRound } from './useCurrentRound.ts';

const AreaChart = lazy(() => import('./AreaChart.tsx'));

export const AreaCountsCard = () => {
  const translate = useTranslate();
  const round = useCurrentRound();
  const counts = useQuery({
    queryKey: ['dashboard', 'areaCounts', round.data?.year],
    queryFn: () => areaCounts(round.data!.year),
    enabled: !!round.data,
  });
  const rows = counts.data ?? [];
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <DashboardCard title={translate('tepei.dashboard.areaCounts')} loading={round.isPending || counts.isPending} error={round.error ?? counts.error} testId="area-counts">
      <Typography variant="body2" color="text.secondary" data-testid="area-counts-total" data-value={total}>
        {translate('tepei.dashboard.total', { count: total })}
      </Typography>
      {rows.length ? (
        <Suspense fallback={null}>
          <AreaChart rows={rows} />
        </Suspense>
      ) : null}
    </DashboardCard>
  );
};
