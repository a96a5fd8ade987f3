// One round's settings page (/rounds/:id), for the regional admin until the round is finished.
// The form is filled from a fresh read of the round, never from a cached one: a value saved a
// moment ago (here or by another admin) is what the page shows.
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useParams } from 'react-router-dom';
import { Loading, Title, useGetOne, useTranslate } from 'react-admin';
import { RoundPhaseActions } from './RoundPhaseActions.tsx';
import { RoundSettingsForm } from './RoundSettingsForm.tsx';
import { useFinishedRounds } from './roundState.ts';
import type { RoundRecord } from './types.ts';

export const RoundEdit = () => {
  const translate = useTranslate();
  const { id = '' } = useParams<{ id: string }>();
  const { data: round, isPending, isFetchedAfterMount, error } = useGetOne<RoundRecord>('rounds', { id: decodeURIComponent(id) }, { refetchOnMount: 'always' });
  const finished = useFinishedRounds();
  if (error || finished.error) return <Alert severity="error">{((error ?? finished.error) as Error).message}</Alert>;
  if (isPending || !isFetchedAfterMount || finished.isPending) return <Loading />;
  if (!round) return <Alert severity="error">{translate('ra.notification.item_doesnt_exist')}</Alert>;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('tepei.admin.rounds.editTitle', { name: round.name })} />
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {translate('tepei.admin.rounds.editTitle', { name: round.name })}
        </Typography>
        <RoundPhaseActions roundId={round.id} />
        {finished.data.has(round.id) ? (
          <Alert severity="warning">{translate('tepei.admin.rounds.finished')}</Alert>
        ) : (
          <RoundSettingsForm key={[round.applicationDeadline, round.recommendationDeadline, round.ageCutoffDate, ...round.shortageSpecialties].join('|')} round={round} />
        )}
      </CardContent>
    </Card>
  );
};
