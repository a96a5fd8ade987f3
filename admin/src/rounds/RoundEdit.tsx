// One round's settings page (/rounds/:id), for the regional admin while the round runs.
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useParams } from 'react-router-dom';
import { Loading, Title, useGetOne, useTranslate } from 'react-admin';
import { RoundSettingsForm } from './RoundSettingsForm.tsx';
import type { RoundRecord } from './types.ts';

export const RoundEdit = () => {
  const translate = useTranslate();
  const { id = '' } = useParams<{ id: string }>();
  const { data: round, isPending, error } = useGetOne<RoundRecord>('rounds', { id: decodeURIComponent(id) });
  if (isPending) return <Loading />;
  if (error || !round) return <Alert severity="error">{(error as Error | null)?.message ?? translate('ra.notification.item_doesnt_exist')}</Alert>;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('tepei.admin.rounds.editTitle', { name: round.name })} />
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {translate('tepei.admin.rounds.editTitle', { name: round.name })}
        </Typography>
        {round.isOpenForRecommendations ? (
          <RoundSettingsForm round={round} />
        ) : (
          <Alert severity="warning">{translate('tepei.admin.rounds.ended')}</Alert>
        )}
      </CardContent>
    </Card>
  );
};
