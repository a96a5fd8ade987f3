// 训前培训与开始培养: for a round after its placement, the regional admin schedules the
// mandatory orientation (训前培训), records who attended it and then who started at their host
// (the host and mentor of the confirmed placement, training/TrainingStepDialog.tsx). The round
// is chosen at the top: by default the one in orientation or training, else the latest.
import { Alert, Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { RoundSelect, useChosenRound } from '../rounds/RoundSelect.tsx';
import { OrientationSessions } from './OrientationSessions.tsx';
import { RoundTrainees } from './RoundTrainees.tsx';

const orientationPhases = ['ORIENTATION', 'TRAINING'] as const;

export const OrientationPage = () => {
  const t = useTranslate();
  const { rounds, chosen, choose } = useChosenRound(orientationPhases);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('tepei.lifecycle.training.page')} />
      <CardContent>
        <Stack spacing={2} data-testid="orientation-page">
          <Typography variant="h6" component="h2">
            {t('tepei.lifecycle.training.page')}
          </Typography>
          {rounds.error ? <Alert severity="error">{(rounds.error as Error).message}</Alert> : null}
          <Box>
            <RoundSelect rounds={rounds.data} chosen={chosen} onChange={choose} testId="orientation-round" />
          </Box>
          {chosen ? (
            <Stack key={chosen.id} spacing={2} divider={<Divider flexItem />}>
              <OrientationSessions round={chosen} />
              <RoundTrainees round={chosen} />
            </Stack>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
};
