// 工作台, the first screen: small cards, each asking the API for one aggregate within the
// signed-in user's scope. The review queue for reviewers; the round's progress and funnel and the
// status counts for all staff; quota gauges for those who may read quotas (地州市人社局,
// 自治区人社厅, 数据分析); the per-area chart for those who see more than one area; the blacklist;
// the programme year by year for all staff.
// An applicant sees their own application: status, days left, the next step.
import { Grid } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { ApplicantCard } from './ApplicantCard.tsx';
import { AreaCountsCard } from './AreaCountsCard.tsx';
import { BlacklistCard } from './BlacklistCard.tsx';
import { DeadlineProgressCard } from './DeadlineProgressCard.tsx';
import { FunnelCard } from './FunnelCard.tsx';
import { ProgrammeHistoryCard } from './ProgrammeHistoryCard.tsx';
import { QuotaCard } from './QuotaCard.tsx';
import { ReviewQueueCard } from './ReviewQueueCard.tsx';
import { StatusCountsCard } from './StatusCountsCard.tsx';
import { WelcomeCard } from './WelcomeCard.tsx';

const readsQuotas = new Set(['PREFECTURE', 'REGIONAL', 'ANALYST']);
const reviews = new Set(['EMPLOYER', 'PREFECTURE', 'REGIONAL']);
const seesAllAreas = new Set(['REGIONAL', 'ANALYST']);

export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const role = permissions?.role ?? '';
  const staff = !!role && role !== 'APPLICANT';
  return (
    <Grid container spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Title title={translate('tepei.menu.dashboard')} />
      <Grid size={{ xs: 12, md: reviews.has(role) ? 8 : 12 }}>
        <WelcomeCard />
      </Grid>
      {role === 'APPLICANT' ? (
        <Grid size={12}>
          <ApplicantCard />
        </Grid>
      ) : null}
      {reviews.has(role) ? (
        <Grid size={{ xs: 12, md: 4 }}>
          <ReviewQueueCard />
        </Grid>
      ) : null}
      {staff ? (
        <>
          <Grid size={{ xs: 12, lg: 8 }}>
            <DeadlineProgressCard />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <FunnelCard />
          </Grid>
        </>
      ) : null}
      {readsQuotas.has(role) ? (
        <>
          <Grid size={{ xs: 12, md: 6 }}>
            <QuotaCard mode="REMOTE" />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <QuotaCard mode="LOCAL" />
          </Grid>
        </>
      ) : null}
      {seesAllAreas.has(role) ? (
        <Grid size={{ xs: 12, lg: 8 }}>
          <AreaCountsCard />
        </Grid>
      ) : null}
      {staff && seesAllAreas.has(role) ? (
        <>
          <Grid size={{ xs: 12, lg: 4 }}>
            <BlacklistCard />
          </Grid>
          <Grid size={12}>
            <StatusCountsCard />
          </Grid>
        </>
      ) : staff ? (
        <>
          <Grid size={{ xs: 12, lg: 8 }}>
            <StatusCountsCard />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <BlacklistCard />
          </Grid>
        </>
      ) : null}
      {staff ? (
        <Grid size={12}>
          <ProgrammeHistoryCard />
        </Grid>
      ) : null}
    </Grid>
  );
};
