// The confirmation of one review step: what it does, the item-by-item findings, the reviewer's
// comment, and — when the step passes the application on — the confirmation of conditions 一、二. The API's refusal (deadline
// passed, not eligible, quota full, changed meanwhile…) is shown here in its own Chinese words.
import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider/index.ts';
import type { ReviewStage } from '../dataProvider/reviews.ts';
import { needsComment, needsConductConfirmation } from './decisions.ts';
import { FindingsTable, findingsInput, type Findings } from './FindingsTable.tsx';

export interface ReviewDialogProps {
  open: boolean;
  onClose: () => void;
  stage: ReviewStage;
  decision: string;
  application: { id: string; version: number; name: string };
}

export const ReviewDialog = ({ open, onClose, stage, decision, application }: ReviewDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [comment, setComment] = useState('');
  const [conductConfirmed, setConductConfirmed] = useState(false);
  const [unitTrainingNeeds, setUnitTrainingNeeds] = useState('');
  const [findings, setFindings] = useState<Findings>({});
  const key = `tepei.review.stages.${stage}.${decision}`;

  const mutation = useMutation({
    mutationFn: () =>
      dataProvider.review(stage, {
        id: application.id,
        version: application.version,
        decision,
        comment: comment.trim() || undefined,
        findings: findingsInput(findings),
        conductConfirmed: needsConductConfirmation(decision) ? conductConfirmed : undefined,
        unitTrainingNeeds: stage === 'EMPLOYER' && decision === 'ENDORSE' ? unitTrainingNeeds.trim() || undefined : undefined,
      }),
    onSuccess: () => {
      notify(`${key}.done`, { type: 'success' });
      onClose();
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error', autoHideDuration: 8000 }),
  });

  return (
    <Dialog open={open} onClose={mutation.isPending ? undefined : onClose} fullWidth maxWidth="md" data-testid="review-dialog">
      <DialogTitle>
        {translate(`${key}.title`)}：{application.name}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(`${key}.content`)}</DialogContentText>
        <FindingsTable findings={findings} onChange={setFindings} />
        <TextField
          label={translate('tepei.review.comment')}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          required={needsComment(decision)}
          multiline
          minRows={2}
          fullWidth
          sx={{ mt: 2 }}
          slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'review-comment' } }}
        />
        {stage === 'EMPLOYER' && decision === 'ENDORSE' ? (
          <TextField
            label={translate('tepei.review.unitTrainingNeeds')}
            value={unitTrainingNeeds}
            onChange={(event) => setUnitTrainingNeeds(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            sx={{ mt: 2 }}
          />
        ) : null}
        {needsConductConfirmation(decision) ? (
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={conductConfirmed} onChange={(event) => setConductConfirmed(event.target.checked)} />}
            label={translate('tepei.review.conductConfirmed')}
            data-testid="review-conduct"
          />
        ) : null}
        {mutation.error ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="review-error">
            {mutation.error.message}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={mutation.isPending}>
          {translate('tepei.review.cancel')}
        </Button>
        <Button variant="contained" onClick={() => mutation.mutate()} disabled={mutation.isPending} data-testid="review-confirm">
          {translate('tepei.review.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
