// 登记结业 (regional admin, a trainee in training): the completion date and the assessment, in a
// dialog that says what follows (a certificate number for 优秀 and 合格, none for 不合格) and
// shows the API's refusal at its field.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { DateTextField, isCalendarDate } from '../common/DateInput.tsx';
import { beijingDate } from '../common/format.ts';
import { enumChoices } from '../enums.ts';
import { ApiError } from '../dataProvider/errors.ts';
import { completeTraining } from './trainingRequests.ts';

interface Props {
  application: { id: string; name: string; version: number };
  onClose: () => void;
  onCompleted: () => void;
}

export const CompleteTrainingDialog = ({ application, onClose, onCompleted }: Props) => {
  const t = useTranslate();
  const notify = useNotify();
  const [completedOn, setCompletedOn] = useState(beijingDate(new Date().toISOString()));
  const [assessment, setAssessment] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const { training } = await completeTraining(application.id, application.version, completedOn, assessment!);
      notify(training.certificateNumber ? t('tepei.lifecycle.completion.completedWithNumber', { number: training.certificateNumber }) : 'tepei.lifecycle.completion.completed', { type: 'success' });
      onCompleted();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problems[0] : undefined;
      setRefusal({ message: (error as Error).message, field: problem?.path.at(-1) });
    } finally {
      setBusy(false);
    }
  };

  const titleId = 'complete-training-title';
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{t('tepei.lifecycle.completion.completeTitle', { name: application.name })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('tepei.lifecycle.completion.completeHint')}
        </Typography>
        <Stack spacing={2}>
          <DateTextField
            label={t('tepei.lifecycle.completion.completedOn')}
            value={completedOn}
            onChange={setCompletedOn}
            required
            error={refusal?.field === 'completedOn'}
            helperText={refusal?.field === 'completedOn' ? refusal.message : undefined}
            slotProps={{ htmlInput: { 'data-testid': 'completion-date' } }}
          />
          <FormControl>
            <FormLabel id="assessment-label" required>
              {t('tepei.lifecycle.completion.assessment')}
            </FormLabel>
            <RadioGroup row value={assessment ?? ''} onChange={(event) => setAssessment(event.target.value)} aria-labelledby="assessment-label">
              {enumChoices('AssessmentResult').map((choice) => (
                <FormControlLabel key={choice.id} value={choice.id} control={<Radio inputProps={{ 'data-testid': `assessment-${choice.id}` } as object} />} label={t(choice.name)} />
              ))}
            </RadioGroup>
          </FormControl>
          {refusal && refusal.field !== 'completedOn' ? (
            <Alert severity="error" data-testid="completion-error">
              {refusal.message}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('tepei.lifecycle.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={busy || !assessment || !isCalendarDate(completedOn)} data-testid="completion-confirm">
          {t('tepei.lifecycle.completion.complete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
