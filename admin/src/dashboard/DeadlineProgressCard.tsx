// 申报进度 of the open round: days left to the two deadlines, the share of its applications
// that were submitted, endorsed and recommended, and what arrived each Beijing day — the API's
// deadlineProgress, within the reader's scope. The chart is loaded lazily.
import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { DashboardCard } from './DashboardCard.tsx';
import { percent, useDeadlineProgress } from './useDashboardData.ts';

const ProgressChart = lazy(() => import('./ProgressChart.tsx'));

const steps = ['submitted', 'endorsed', 'recommended'] as const;

const DaysLeft = ({ label, days, testId }: { label: string; days: number; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="h5" component="div" data-testid={testId} data-value={days} color={days > 0 ? 'text.primary' : 'text.secondary'}>
        {days > 0 ? translate('tepei.dashboard.days', { days }) : translate('tepei.dashboard.closed')}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
    </Box>
  );
};

export const DeadlineProgressCard = () => {
  const translate = useTranslate();
  const { progress, isPending, error } = useDeadlineProgress();
  const data = progress.data;
  return (
    <DashboardCard
      title={data ? `${translate('tepei.dashboard.progress')} · ${data.round.name}` : translate('tepei.dashboard.progress')}
      loading={isPending}
      error={error}
      testId="deadline-progress"
    >
      {data ? (
        <>
          <Stack direction="row" spacing={3} sx={{ mb: 2 }}>
            <DaysLeft label="tepei.dashboard.daysLeftApplication" days={data.daysLeftToApplicationDeadline} testId="progress-days-application" />
            <DaysLeft label="tepei.dashboard.daysLeftRecommendation" days={data.daysLeftToRecommendationDeadline} testId="progress-days-recommendation" />
            <Box>
              <Typography variant="h5" component="div" data-testid="progress-applications">
                {data.totals.applications}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('tepei.dashboard.steps.applications')}
              </Typography>
            </Box>
          </Stack>
          {steps.map((step) => (
            <Box key={step} sx={{ mb: 1 }}>
              <Stack direction="row" justifyContent="space-between">
                <Typography variant="body2">{translate(`tepei.dashboard.steps.${step}`)}</Typography>
                <Typography variant="body2" color="text.secondary" data-testid={`progress-${step}`} data-count={data.totals[step]}>
                  {translate('tepei.dashboard.share', { count: data.totals[step], total: data.totals.applications, percent: percent(data.totals[step], data.totals.applications) })}
                </Typography>
              </Stack>
              <LinearProgress
                variant="determinate"
                value={data.totals.applications ? (data.totals[step] / data.totals.applications) * 100 : 0}
                sx={{ height: 6, borderRadius: 3 }}
                aria-label={translate(`tepei.dashboard.steps.${step}`)}
              />
            </Box>
          ))}
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate('tepei.dashboard.perDay')}
          </Typography>
          {data.perDay.length ? (
            <Suspense fallback={null}>
              <ProgressChart
                days={data.perDay}
                labels={{
                  submitted: translate('tepei.dashboard.steps.submitted'),
                  endorsed: translate('tepei.dashboard.steps.endorsed'),
                  recommended: translate('tepei.dashboard.steps.recommended'),
                  selected: translate('tepei.dashboard.steps.selected'),
                }}
              />
            </Suspense>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('tepei.dashboard.empty')}
            </Typography>
          )}
        </>
      ) : (
        <Typography variant="body2">{translate('tepei.dashboard.noRound')}</Typography>
      )}
    </DashboardCard>
  );
};
