// Who is signed in, in which role and scope, and which round is under way.
import { Typography } from '@mui/material';
import { useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { beijingDate } from '../common/format.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { useCurrentRound } from './useCurrentRound.ts';

export const WelcomeCard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions>();
  const round = useCurrentRound();
  const scope = permissions?.unit?.name ?? permissions?.area?.name;
  const role = permissions ? translate(`tepei.enums.Role.${permissions.role}`) : '';
  return (
    <DashboardCard title={translate('tepei.dashboard.welcome', { name: identity?.fullName ?? '' })} loading={round.isPending} error={round.error} testId="welcome-card">
      <Typography variant="body2">{translate('tepei.dashboard.scope', { role: scope ? `${role}（${scope}）` : role })}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} data-testid="current-round">
        {round.data
          ? translate('tepei.dashboard.round', {
              name: round.data.name,
              applicationDeadline: beijingDate(round.data.applicationDeadline),
              recommendationDeadline: beijingDate(round.data.recommendationDeadline),
            })
          : translate('tepei.dashboard.noRound')}
      </Typography>
    </DashboardCard>
  );
};
