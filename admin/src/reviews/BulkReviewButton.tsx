// 批量审核通过 / 批量推荐 / 批量入选 of the rows a reviewer selected: the one step of each stage that
// needs no reason of its own. Each application goes through its own mutation, one after the
// other (common/OneByOne.tsx), so the API checks each (eligibility, deadline, quota, version)
// and a refusal stops only that one; the refusals are listed with the API's words. Returns and
// rejections need a reason per application and stay one at a time.
import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, TextField } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useState } from 'react';
import { useDataProvider, useListContext, usePermissions, useRefresh, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { OneByOneReport, useOneByOne } from '../common/OneByOne.tsx';
import type { ConsoleDataProvider } from '../dataProvider/index.ts';
import { needsConductConfirmation, stageOf, stages } from './decisions.ts';

/** The step of each stage that may be taken for several applications at once. */
export const bulkDecision = { EMPLOYER: 'ENDORSE', PREFECTURE: 'RECOMMEND', REGIONAL: 'SELECT' } as const;

interface Row {
  id: string;
  name: string;
  status: string;
  version: number;
}

export const BulkReviewButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<Permissions>();
  const { selectedIds, data, onUnselectItems } = useListContext<Row>();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [conductConfirmed, setConductConfirmed] = useState(false);
  const { outcome, running, run: runEach, reset } = useOneByOne<Row>();
  const stage = stageOf(permissions?.role);
  if (!stage) return null;
  const decision = bulkDecision[stage];
  const decisionLabel = translate(`tepei.review.stages.${stage}.${decision}.label`);
  const selected = (data ?? []).filter((row) => selectedIds.includes(row.id));
  const waiting = selected.filter((row) => stages[stage].awaiting.includes(row.status));

  const run = () =>
    runEach(waiting, (row) =>
      dataProvider.review(stage, {
        id: row.id,
        version: row.version,
        decision,
        comment: comment.trim() || undefined,
        conductConfirmed: needsConductConfirmation(decision) ? conductConfirmed : undefined,
      }),
    );

  const close = () => {
    if (running) return;
    if (outcome) {
      onUnselectItems();
      refresh();
    }
    setOpen(false);
    reset();
    setComment('');
    setConductConfirmed(false);
  };

  return (
    <>
      <Button size="small" startIcon={<DoneAllIcon />} onClick={() => setOpen(true)} data-testid="bulk-review">
        {translate('tepei.bulk.button', { decision: decisionLabel })}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="bulk-review-dialog">
        <DialogTitle>{translate('tepei.bulk.title', { decision: decisionLabel, count: waiting.length })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('tepei.bulk.content')}</DialogContentText>
          {selected.length > waiting.length ? (
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate('tepei.bulk.skipped', { count: selected.length - waiting.length })}
            </Alert>
          ) : null}
          {outcome ? (
            <OneByOneReport outcome={outcome} running={running} count={waiting.length} testId="bulk-review" />
          ) : (
            <>
              <TextField
                label={translate('tepei.review.comment')}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                multiline
                minRows={2}
                fullWidth
                sx={{ mt: 2 }}
                slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'bulk-review-comment' } }}
              />
              {needsConductConfirmation(decision) ? (
                <FormControlLabel
                  sx={{ mt: 1 }}
                  control={<Checkbox checked={conductConfirmed} onChange={(event) => setConductConfirmed(event.target.checked)} />}
                  label={translate('tepei.review.conductConfirmed')}
                  data-testid="bulk-review-conduct"
                />
              ) : null}
            </>
          )}
        </DialogContent>
        <DialogActions>
          {outcome ? (
            <Button onClick={close} disabled={running} data-testid="bulk-review-close">
              {translate('tepei.bulk.close')}
            </Button>
          ) : (
            <>
              <Button onClick={close}>{translate('tepei.review.cancel')}</Button>
              <Button variant="contained" onClick={run} disabled={!waiting.length} data-testid="bulk-review-confirm">
                {translate('tepei.review.confirm')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
