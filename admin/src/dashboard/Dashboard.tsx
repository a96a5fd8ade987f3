// 工作台, the first screen: small cards, each asking the API for one aggregate. Quota gauges for
// those who may read quotas (地州市人社局, 自治区人社厅, 数据分析), the review queue for reviewers.
import { Grid } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { QuotaCard } from './QuotaCard.tsx';
import { ReviewQueueCard } from './ReviewQueueCard.tsx';
import { StatusCountsCard } from './StatusCountsCard.tsx';
import { WelcomeCard } from './WelcomeCard.tsx';

const readsQuotas = new Set(['PREFECTURE', 'REGIONAL', 'ANALYST']);
const reviews = new Set(['EMPLOYER', 'PREFECTURE', 'REGIONAL']);

export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const role = permissions?.role ?? '';
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Title title={translate('tepei.menu.dashboard')} />
      <Grid size={{ xs: 12, md: reviews.has(role) ? 8 : 12 }}>
        <WelcomeCard />
      </Grid>
      {reviews.has(role) ? (
        <Grid size={{ xs: 12, md: 4 }}>
          <ReviewQueueCard />
        </Grid>
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
      {role && role !== 'APPLICANT' ? (
        <Grid size={12}>
          <StatusCountsCard />
        </Grid>
      ) : null}
    </Grid>
  );
};
