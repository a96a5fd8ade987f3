// 审核进度漏斗: of the round's applications in the reader's scope, how many were submitted,
// endorsed by their unit, recommended and selected (deadlineProgress totals, counted by the API).
import { useTranslate } from 'react-admin';
import { lazy, Suspense } from 'react';
import { Typography } from '@mui/material';
import { DashboardCard } from './DashboardCard.tsx';
import { percent, useDeadlineProgress } from './useDashboardData.ts';

const FunnelChart = lazy(() => import('./FunnelChart.tsx'));

const steps = ['applications', 'submitted', 'endorsed', 'recommended', 'selected'] as const;

export const FunnelCard = () => {
  const translate = useTranslate();
  const { progress, isPending, error } = useDeadlineProgress();
  const totals = progress.data?.totals;
  const rows = totals
    ? steps.map((step) => ({
        step,
        label: translate(`tepei.dashboard.steps.${step}`),
        count: totals[step],
        share: percent(totals[step], totals.applications),
      }))
    : [];
  return (
    <DashboardCard title={translate('tepei.dashboard.funnel')} loading={isPending} error={error} testId="funnel">
      {totals ? (
        <>
          <Suspense fallback={null}>
            <FunnelChart rows={rows} />
          </Suspense>
          {/* The numbers in words too: for screen readers and for the tests. */}
          <Typography component="ul" variant="caption" color="text.secondary" sx={{ m: 0, pl: 2 }}>
            {rows.map((row) => (
              <li key={row.step} data-testid={`funnel-${row.step}`} data-count={row.count}>
                {translate('tepei.dashboard.funnelLine', { label: row.label, count: row.count, share: row.share })}
              </li>
            ))}
          </Typography>
        </>
      ) : (
        <Typography variant="body2">{translate('tepei.dashboard.noRound')}</Typography>
      )}
    </DashboardCard>
  );
};
