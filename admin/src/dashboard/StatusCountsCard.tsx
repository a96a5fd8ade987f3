// 各状态申报数 of the current round, counted by the API (applicationCounts by STATUS). The chart
// library is loaded only when this card shows.
import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { statusCounts } from '../dataProvider/aggregates.ts';
import { enumChoices } from '../enums.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { useCurrentRound } from './useCurrentRound.ts';

const StatusChart = lazy(() => import('./StatusChart.tsx'));

export const StatusCountsCard = () => {
  const translate = useTranslate();
  const round = useCurrentRound();
  const counts = useQuery({
    queryKey: ['dashboard', 'statusCounts', round.data?.year],
    queryFn: () => statusCounts(round.data!.year),
    enabled: !!round.data,
  });
  // The flow's order, with the labels of the console's language.
  const rows = enumChoices('ApplicationStatus')
    .map((choice) => ({ status: choice.id, label: translate(choice.name), count: counts.data?.find((row) => row.status === choice.id)?.count ?? 0 }))
    .filter((row) => row.count > 0);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <DashboardCard title={translate('tepei.dashboard.statusCounts')} loading={round.isPending || counts.isPending} error={round.error ?? counts.error} testId="status-counts">
      <Typography variant="body2" color="text.secondary" data-testid="status-counts-total">
        {translate('tepei.dashboard.total', { count: total })}
      </Typography>
      <Suspense fallback={null}>
        <StatusChart rows={rows} />
      </Suspense>
    </DashboardCard>
  );
};
