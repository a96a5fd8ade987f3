// 我的申报, an applicant's first screen: the application of the current round with its status
// (the status flow's label), the photo, the days left to the deadline that binds the next step
// (counted by the API in Beijing calendar days), the next step in words, and the way there.
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ApplicationPhoto } from '../applicant/ApplicationPhoto.tsx';
import { applicantQueries, query, type ApplicantHome } from '../applicant/applicantRequests.ts';
import { StatusChip } from '../applications/StatusChip.tsx';
import { formatDateTime } from '../common/format.ts';
import { DashboardCard } from './DashboardCard.tsx';

type Round = NonNullable<ApplicantHome['currentRound']>;
type Application = ApplicantHome['myApplications'][number];

/** The key of the next step (tepei.applicant.home.steps.*); a passed deadline changes a few. */
export function nextStepKey(application: Application | undefined, round: Round): string {
  if (!application) return round.isOpenForApplications ? 'NONE' : 'NONE_CLOSED';
  if (application.status === 'DRAFT' && !round.isOpenForApplications) return 'DRAFT_CLOSED';
  return application.status;
}

/** The deadline the next step must meet: applications close for a first submission, recommendations for a correction. */
const Countdown = ({ application, round }: { application: Application | undefined; round: Round }) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`tepei.applicant.home.${key}`, options);
  const correcting = application?.status === 'RETURNED_TO_APPLICANT';
  if (application && !correcting && application.status !== 'DRAFT') return null;
  const [open, days, deadline] = correcting
    ? [round.isOpenForRecommendations, round.daysLeftToRecommendationDeadline, round.recommendationDeadline]
    : [round.isOpenForApplications, round.daysLeftToApplicationDeadline, round.applicationDeadline];
  const words = !open ? t('closed') : days === 0 ? t(correcting ? 'recommendationLastDay' : 'lastDay') : t(correcting ? 'recommendationDaysLeft' : 'daysLeft', { days });
  return (
    <Box data-testid="applicant-countdown" data-days={open ? days : -1}>
      <Typography variant="h6" component="p" color={open && days <= 3 ? 'warning.dark' : 'text.primary'}>
        {words}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('deadline', { deadline: formatDateTime(deadline) })}
      </Typography>
    </Box>
  );
};

const Actions = ({ application, round }: { application: Application | undefined; round: Round }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`tepei.applicant.home.${key}`);
  if (!application) {
    return round.isOpenForApplications ? (
      <Button component={Link} to="/myApplications/create" variant="contained" startIcon={<AddIcon />} data-testid="home-create">
        {t('create')}
      </Button>
    ) : null;
  }
  const path = `/myApplications/${encodeURIComponent(application.id)}`;
  const editable = (application.status === 'DRAFT' && round.isOpenForApplications) || (application.status === 'RETURNED_TO_APPLICANT' && round.isOpenForRecommendations);
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
      {editable ? (
        <Button component={Link} to={path} variant="contained" startIcon={<EditIcon />} data-testid="home-edit">
          {t(application.status === 'DRAFT' ? 'edit' : 'correct')}
        </Button>
      ) : null}
      <Button component={Link} to={`${path}/show`} variant={editable ? 'outlined' : 'contained'} startIcon={<VisibilityIcon />} data-testid="home-open">
        {t('open')}
      </Button>
    </Stack>
  );
};

export const ApplicantCard = () => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`tepei.applicant.home.${key}`, options);
  const home = useQuery({ queryKey: ['applicant', 'home'], queryFn: () => query<ApplicantHome>(applicantQueries.applicantHome) });
  const round = home.data?.currentRound ?? null;
  const application = round ? home.data?.myApplications.find((candidate) => candidate.round.id === round.id) : undefined;
  return (
    <DashboardCard title={round ? t('title', { round: round.name }) : t('noRound')} loading={home.isPending} error={home.error} testId="applicant-card">
      {round ? (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          {application ? <ApplicationPhoto applicationId={application.id} photoId={application.documents[0]?.id} width={84} /> : null}
          <Stack spacing={1.5} sx={{ flex: '1 1 240px', minWidth: 0 }}>
            <Box>
              <Typography variant="caption" color="text.secondary" component="p">
                {t('status')}
              </Typography>
              {application ? (
                <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" data-testid="home-status" data-status={application.status}>
                  <StatusChip status={application.status} />
                  {application.serialNumber ? (
                    <Typography variant="body2" color="text.secondary">
                      {t('serialNumber', { number: application.serialNumber })}
                    </Typography>
                  ) : null}
                </Stack>
              ) : (
                <Typography variant="body2" data-testid="home-status" data-status="NONE">
                  {translate('tepei.applicant.list.empty')}
                </Typography>
              )}
            </Box>
            <Countdown application={application} round={round} />
            <Box>
              <Typography variant="caption" color="text.secondary" component="p">
                {t('next')}
              </Typography>
              <Typography variant="body1" sx={{ fontWeight: 600 }} data-testid="home-next-step">
                {t(`steps.${nextStepKey(application, round)}`)}
              </Typography>
            </Box>
            <Actions application={application} round={round} />
          </Stack>
        </Box>
      ) : null}
    </DashboardCard>
  );
};
