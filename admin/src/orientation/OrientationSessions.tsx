// A round's 训前培训 sessions, and scheduling one (title, date, place) in a dialog that is the
// confirmation: nothing is sent before 确认. Offered in the phases that take it (round-phases.ts).
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { DateTextField, isCalendarDate } from '../common/DateInput.tsx';
import { formatDate } from '../common/format.ts';
import { isStepOpen } from '../../../prisma/src/reference/round-phases.ts';
import type { RoundChoice } from '../rounds/RoundSelect.tsx';
import { StepClosedNote } from '../rounds/StepClosedNote.tsx';
import { createOrientationSession, orientationSessions } from '../training/trainingRequests.ts';

const CreateSessionDialog = ({ roundId, onClose }: { roundId: string; onClose: (created: boolean) => void }) => {
  const t = useTranslate();
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await createOrientationSession(roundId, { title: title.trim(), heldOn, place: place.trim() });
      onClose(true);
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const titleId = 'create-session-title';
  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{t('tepei.lifecycle.training.addSession')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('tepei.lifecycle.training.addSessionHint')}</DialogContentText>
        <Stack spacing={2} sx={{ mt: 2 }}>
          <TextField required label={t('tepei.lifecycle.training.sessionTitle')} value={title} onChange={(event) => setTitle(event.target.value)} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'session-title' } }} />
          <DateTextField required label={t('tepei.lifecycle.training.heldOn')} value={heldOn} onChange={setHeldOn} slotProps={{ htmlInput: { 'data-testid': 'session-held-on' } }} />
          <TextField required label={t('tepei.lifecycle.training.place')} value={place} onChange={(event) => setPlace(event.target.value)} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'session-place' } }} />
          {error ? (
            <Alert severity="error" data-testid="session-error">
              {error}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('tepei.lifecycle.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={busy || !title.trim() || !place.trim() || !isCalendarDate(heldOn)} data-testid="session-save">
          {t('tepei.lifecycle.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const OrientationSessions = ({ round }: { round: RoundChoice }) => {
  const roundId = round.id;
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['orientationSessions', roundId], queryFn: () => orientationSessions(roundId) });
  const [creating, setCreating] = useState(false);
  return (
    <Stack spacing={1} component="section">
      <Typography variant="subtitle1" component="h3">
        {t('tepei.lifecycle.training.sessions')}
      </Typography>
      {sessions.error ? <Alert severity="error">{(sessions.error as Error).message}</Alert> : null}
      {sessions.data?.length ? (
        <List dense disablePadding data-testid="orientation-sessions">
          {sessions.data.map((session) => (
            <ListItem key={session.id} disableGutters>
              <ListItemText primary={session.title} secondary={`${formatDate(session.heldOn)} · ${session.place}`} />
            </ListItem>
          ))}
        </List>
      ) : sessions.data ? (
        <Typography color="text.secondary" data-testid="orientation-sessions">
          {t('tepei.lifecycle.training.noSessions')}
        </Typography>
      ) : null}
      {isStepOpen('scheduleOrientation', round.phase) ? (
        <Box>
          <Button variant="outlined" onClick={() => setCreating(true)} data-testid="add-session">
            {t('tepei.lifecycle.training.addSession')}
          </Button>
        </Box>
      ) : (
        <StepClosedNote round={round} step="scheduleOrientation" />
      )}
      {creating ? (
        <CreateSessionDialog
          roundId={roundId}
          onClose={(created) => {
            setCreating(false);
            if (!created) return;
            notify('tepei.lifecycle.training.sessionCreated', { type: 'success' });
            void queryClient.invalidateQueries({ queryKey: ['orientationSessions', roundId] });
          }}
        />
      ) : null}
    </Stack>
  );
};
