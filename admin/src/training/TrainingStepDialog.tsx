// 登记参加训前培训 / 登记开始培养 (regional admin) for one trainee or the rows checked on the
// orientation page: the dialog names the trainees and asks for the session or the start date
// before anything is sent. Each trainee goes through its own mutation, one after the other
// (common/OneByOne.tsx), so the API checks each (status, version) and a refusal stops only that
// one; refusals are listed with the API's words, as in the bulk review.
import type { RoundStep } from '../../../prisma/src/reference/round-phases.ts';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DateTextField, isCalendarDate } from '../common/DateInput.tsx';
import { beijingDate, formatDate } from '../common/format.ts';
import { OneByOneReport, useOneByOne } from '../common/OneByOne.tsx';
import { orientationSessions, recordOrientation, startTraining } from './trainingRequests.ts';

export type TrainingStep = 'orientation' | 'start';
/** Each step as the round lifecycle's table names it (round-phases.ts: the phases that take it). */
export const roundStepOf: Record<TrainingStep, RoundStep> = { orientation: 'recordOrientation', start: 'startTraining' };

/** A trainee as the dialog names them: the host their training would start at, when known. */
export interface StepTrainee {
  id: string;
  name: string;
  version: number;
  host: string | null;
}

interface Props {
  step: TrainingStep;
  roundId: string;
  trainees: StepTrainee[];
  /** Chosen trainees whose status does not allow the step: left out, and said so. */
  skipped?: number;
  /** The start date offered first (the placement's planned start), else today. */
  startsOn?: string | null;
  /** Closed; `changed` when something was recorded or tried, so the caller reads again. */
  onClose: (changed: boolean) => void;
}

export const TrainingStepDialog = ({ step, roundId, trainees, skipped = 0, startsOn, onClose }: Props) => {
  const t = useTranslate();
  const sessions = useQuery({ queryKey: ['orientationSessions', roundId], queryFn: () => orientationSessions(roundId), enabled: step === 'orientation' });
  const [sessionId, setSessionId] = useState('');
  const [startedOn, setStartedOn] = useState(startsOn?.slice(0, 10) ?? beijingDate(new Date().toISOString()));
  const { outcome, running, run: runEach } = useOneByOne<StepTrainee>();
  const chosenSession = sessionId || (sessions.data?.length === 1 ? sessions.data[0]!.id : '');
  const ready = step === 'orientation' ? !!chosenSession : isCalendarDate(startedOn);

  const run = () => runEach(trainees, (trainee) => (step === 'orientation' ? recordOrientation(trainee, chosenSession) : startTraining(trainee, startedOn)));

  const close = () => {
    if (!running) onClose(outcome !== null);
  };
  const titleId = 'training-step-title';
  const count = trainees.length;
  return (
    <Dialog open onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm" data-testid="training-step-dialog">
      <DialogTitle id={titleId}>{t(step === 'orientation' ? 'tepei.lifecycle.training.orientationTitle' : 'tepei.lifecycle.training.startTitle', { count })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t(step === 'orientation' ? 'tepei.lifecycle.training.orientationHint' : 'tepei.lifecycle.training.startHint')}</DialogContentText>
        {skipped ? (
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('tepei.lifecycle.training.skipped', { count: skipped })}
          </Alert>
        ) : null}
        <List dense data-testid="training-step-trainees">
          {trainees.map((trainee) => (
            <ListItem key={trainee.id} disableGutters>
              <ListItemText primary={trainee.name} secondary={step === 'start' ? (trainee.host ?? t('tepei.lifecycle.training.notPlaced')) : undefined} />
            </ListItem>
          ))}
        </List>
        {outcome ? null : (
          <Stack spacing={2} sx={{ mt: 1 }}>
            {step === 'orientation' ? (
              sessions.data && !sessions.data.length ? (
                <Alert severity="warning" data-testid="training-step-no-sessions">
                  {t('tepei.lifecycle.training.noSessions')}
                </Alert>
              ) : (
                <TextField
                  select
                  required
                  label={t('tepei.lifecycle.training.session')}
                  value={chosenSession}
                  onChange={(event) => setSessionId(event.target.value)}
                  SelectProps={{ SelectDisplayProps: { 'data-testid': 'training-step-session' } as object }}
                >
                  {(sessions.data ?? []).map((session) => (
                    <MenuItem key={session.id} value={session.id}>
                      {session.title}（{formatDate(session.heldOn)}，{session.place}）
                    </MenuItem>
                  ))}
                </TextField>
              )
            ) : (
              <DateTextField
                label={t('tepei.lifecycle.training.startedOn')}
                value={startedOn}
                onChange={setStartedOn}
                required
                slotProps={{ htmlInput: { 'data-testid': 'training-step-date' } }}
              />
            )}
          </Stack>
        )}
        {sessions.error ? <Alert severity="error">{(sessions.error as Error).message}</Alert> : null}
        {outcome ? <OneByOneReport outcome={outcome} running={running} count={count} testId="training-step" /> : null}
      </DialogContent>
      <DialogActions>
        {outcome ? (
          <Button onClick={close} disabled={running} data-testid="training-step-close">
            {t('tepei.bulk.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('tepei.lifecycle.cancel')}</Button>
            <Button variant="contained" onClick={run} disabled={!count || !ready} data-testid="training-step-confirm">
              {t('tepei.lifecycle.confirm')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
