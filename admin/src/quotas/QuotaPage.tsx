// 名额管理: a round's places per mode and their split over areas, with what is used, reserved
// and remaining (quotaUsage). The regional admin edits until the round is finished — also while
// the selection runs after recommendations close, as the API allows; the analyst reads.
import { Alert, Box, MenuItem, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useGetList, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { useFinishedRounds } from '../rounds/roundState.ts';
import { quotaUsage } from '../dataProvider/aggregates.ts';
import { AreaAllocationCard } from './AreaAllocationCard.tsx';
import { ModePlacesCard } from './ModePlacesCard.tsx';
import type { QuotaArea, QuotaRound } from './types.ts';

export const QuotaPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const rounds = useGetList<QuotaRound>('rounds', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } });
  const areas = useGetList<QuotaArea>('areas', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } });
  const finished = useFinishedRounds();
  const [chosenId, setChosenId] = useState<string | null>(null);
  // The running round by default (the newest still taking recommendations), else the newest.
  const round = rounds.data?.find((candidate) => candidate.id === chosenId) ?? rounds.data?.find((candidate) => candidate.isOpenForRecommendations) ?? rounds.data?.[0];
  const usage = useQuery({ queryKey: ['quotas', 'usage', round?.id], queryFn: () => quotaUsage(round!.id), enabled: !!round });

  const error = rounds.error ?? areas.error ?? usage.error ?? finished.error;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (rounds.isPending || areas.isPending || !finished.data || (round && usage.isPending)) return <Loading />;
  if (!round) return <Alert severity="info">{translate('tepei.dashboard.noRound')}</Alert>;

  const isFinished = finished.data.has(round.id);
  const canEdit = permissions?.role === 'REGIONAL' && !isFinished;
  const saved = () => Promise.all([usage.refetch(), rounds.refetch(), finished.refetch()]);
  return (
    <Box sx={{ mt: 2 }} data-testid="quota-page">
      <Title title={translate('resources.quotas.name', { smart_count: 2 })} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label={translate('tepei.admin.quotas.round')} value={round.id} onChange={(event) => setChosenId(event.target.value)} sx={{ minWidth: 200 }}>
          {rounds.data!.map((candidate) => (
            <MenuItem key={candidate.id} value={candidate.id}>
              {candidate.name}
            </MenuItem>
          ))}
        </TextField>
        {permissions?.role === 'REGIONAL' && isFinished ? <Alert severity="info">{translate('tepei.admin.quotas.endedReadOnly')}</Alert> : null}
        {canEdit && !round.isOpenForRecommendations ? (
          <Alert severity="info" data-testid="quotas-selecting">
            {translate('tepei.admin.quotas.selectingEditable')}
          </Alert>
        ) : null}
      </Stack>
      <Stack spacing={2}>
        {/* Keyed by what they were filled from, so a saved or switched round starts them afresh. */}
        <ModePlacesCard key={`${round.id}:${round.remotePlaces}:${round.localPlaces}`} round={round} usage={usage.data!} canEdit={canEdit} onSaved={saved} />
        <AreaAllocationCard key={round.id} round={round} areas={areas.data!} usage={usage.data!} canEdit={canEdit} onSaved={saved} />
      </Stack>
    </Box>
  );
};
