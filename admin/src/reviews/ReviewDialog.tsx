// The confirmation of one review step: what it does, the item-by-item findings, the reviewer's
// comment, and — when the step passes the application on — the confirmation of conditions 一、二.
// What the API requires is marked (*) and checked before anything is sent; the API's refusal
// (deadline passed, not eligible, quota full, changed meanwhile…) is shown in its own Chinese
// words beside the buttons. A selection shows the places still remaining for the application's
// mode and area.
import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, FormControlLabel, FormHelperText, TextField } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { quotaUsage } from '../dataProvider/aggregates.ts';
import type { ConsoleDataProvider } from '../dataProvider/index.ts';
import type { ReviewStage } from '../dataProvider/reviews.ts';
import { needsComment, needsConductConfirmation } from './decisions.ts';
import { FindingsTable, findingsInput, findingsWithoutReason, type Findings } from './FindingsTable.tsx';

export interface ReviewedApplication {
  id: string;
  version: number;
  name: string;
  mode: string;
  round: { id: string; year: number };
  area: { id: string; name: string };
}

export interface ReviewDialogProps {
  open: boolean;
  onClose: () => void;
  stage: ReviewStage;
  decision: string;
  application: ReviewedApplication;
  /** Called once the API took the decision (the dialog is then closed by the caller). */
  onDecided: () => void;
}

/** Places still open for the application's mode, in the region and in its area when it has a share. */
const RemainingPlaces = ({ application }: { application: ReviewedApplication }) => {
  const translate = useTranslate();
  const usage = useQuery({ queryKey: ['quotas', 'usage', application.round.id], queryFn: () => quotaUsage(application.round.id) });
  if (!usage.data) return null;
  const mode = translate(`tepei.enums.TrainingMode.${application.mode}`);
  const region = usage.data.find((line) => line.mode === application.mode && !line.area);
  const area = usage.data.find((line) => line.mode === application.mode && line.area?.id === application.area.id);
  return (
    <Alert severity={region?.remaining === 0 || area?.remaining === 0 ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="review-remaining">
      {region ? translate('tepei.review.remainingRegion', { mode, remaining: region.remaining, places: region.places }) : null}
      {area ? `；${translate('tepei.review.remainingArea', { area: application.area.name, mode, remaining: area.remaining, places: area.places })}` : null}
    </Alert>
  );
};

export const ReviewDialog = ({ open, onClose, stage, decision, application, onDecided }: ReviewDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [comment, setComment] = useState('');
  const [conductConfirmed, setConductConfirmed] = useState(false);
  const [unitTrainingNeeds, setUnitTrainingNeeds] = useState('');
  const [findings, setFindings] = useState<Findings>({});
  const [checked, setChecked] = useState(false);
  const key = `tepei.review.stages.${stage}.${decision}`;

  // The API takes a reason in the comment or in a finding's note.
  const commentMissing = needsComment(decision) && !comment.trim() && !Object.values(findings).some((finding) => finding?.comment.trim());
  const conductMissing = needsConductConfirmation(decision) && !conductConfirmed;
  const findingsMissing = findingsWithoutReason(findings).length > 0;
  const missing = [
    ...(findingsMissing ? [translate('tepei.review.findingReasonRequired')] : []),
    ...(commentMissing ? [translate('tepei.review.commentRequired')] : []),
    ...(conductMissing ? [translate('tepei.review.conductRequired')] : []),
  ];
  const incomplete = missing.length > 0;

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
      onDecided();
      refresh();
    },
  });

  const confirm = () => {
    setChecked(true);
    if (!incomplete) mutation.mutate();
  };

  return (
    <Dialog open={open} onClose={mutation.isPending ? undefined : onClose} fullWidth maxWidth="md" data-testid="review-dialog">
      <DialogTitle>
        {translate(`${key}.title`)}：{application.name}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(`${key}.content`)}</DialogContentText>
        {decision === 'SELECT' ? <RemainingPlaces application={application} /> : null}
        <FindingsTable findings={findings} onChange={setFindings} showMissing={checked} />
        <TextField
          label={translate('tepei.review.comment')}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          required={needsComment(decision)}
          error={checked && commentMissing}
          helperText={checked && commentMissing ? translate('tepei.review.commentRequired') : ' '}
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
            sx={{ mt: 1 }}
          />
        ) : null}
        {needsConductConfirmation(decision) ? (
          <FormControl required error={checked && conductMissing} sx={{ mt: 1, display: 'block' }}>
            <FormControlLabel
              required
              control={<Checkbox checked={conductConfirmed} onChange={(event) => setConductConfirmed(event.target.checked)} />}
              label={translate('tepei.review.conductConfirmed')}
              data-testid="review-conduct"
            />
            {checked && conductMissing ? <FormHelperText>{translate('tepei.review.conductRequired')}</FormHelperText> : null}
          </FormControl>
        ) : null}
      </DialogContent>
      {/* Outside the scrolling content: a refusal is read where the buttons are. */}
      {(checked && incomplete) || mutation.error ? (
        <Box sx={{ px: 3, pt: 1 }}>
          <Alert severity="error" data-testid="review-error">
            {mutation.error ? mutation.error.message : missing.join('；')}
          </Alert>
        </Box>
      ) : null}
      <DialogActions>
        <Button onClick={onClose} disabled={mutation.isPending}>
          {translate('tepei.review.cancel')}
        </Button>
        <Button variant="contained" onClick={confirm} disabled={mutation.isPending} data-testid="review-confirm">
          {translate('tepei.review.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
