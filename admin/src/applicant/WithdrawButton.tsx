// 撤回 / 放弃: where the status flow (prisma/src/reference/status-flow.ts, the API's table) lets
// the applicant leave. Before selection the application is withdrawn (已撤回); after 已成功入选
// giving up is abandonment, which blacklists the applicant and the sending unit for five years
// (DOMAIN.md, notice 七(一)) — the dialog says so, with the date the listing would run to,
// before anything is sent (withdrawApplication, audited by the API).
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { blacklistExpiresAt, blacklistYears } from '../../../prisma/src/reference/blacklist-term.ts';
import { allowedTransitions } from '../../../prisma/src/reference/status-flow.ts';
import type { ApplicationRecord } from '../applications/types.ts';
import { beijingDate } from '../common/format.ts';
import { withdrawApplication } from './applicantRequests.ts';

type Leaving = 'WITHDRAWN' | 'ABANDONED';

/** How the applicant may leave from `status`, if at all. */
export function leavingFrom(status: string): Leaving | null {
  const next = allowedTransitions[status as keyof typeof allowedTransitions] ?? [];
  if (next.includes('WITHDRAWN')) return 'WITHDRAWN';
  if (next.includes('ABANDONED')) return 'ABANDONED';
  return null;
}

export const WithdrawButton = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const leaving = record ? leavingFrom(record.status) : null;
  if (!record || !leaving) return null;
  const abandoning = leaving === 'ABANDONED';
  const t = (key: string, options?: Record<string, unknown>) => translate(`tepei.applicant.withdraw.${key}`, options);
  const missingReason = tried && !reason.trim();

  const close = () => {
    setOpen(false);
    setTried(false);
    setRefusal(null);
  };
  const confirm = async () => {
    setTried(true);
    if (!reason.trim()) return;
    setBusy(true);
    setRefusal(null);
    try {
      await withdrawApplication(record.id, record.version, reason.trim());
      close();
      setReason('');
      notify(`tepei.applicant.withdraw.${abandoning ? 'abandoned' : 'withdrawn'}`, { type: 'success' });
      refresh();
    } catch (error) {
      setRefusal((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color="error" variant="outlined" size="small" startIcon={<UndoIcon />} onClick={() => setOpen(true)} data-testid={abandoning ? 'abandon-application' : 'withdraw-application'}>
        {t(abandoning ? 'abandon' : 'withdraw')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="withdraw-title" data-testid="withdraw-dialog" fullWidth maxWidth="sm">
        <DialogTitle id="withdraw-title">{t(abandoning ? 'abandonTitle' : 'withdrawTitle')}</DialogTitle>
        <DialogContent>
          {abandoning ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="abandon-consequence">
              {t('abandonContent', { unit: record.unit?.name ?? '', years: blacklistYears, until: beijingDate(blacklistExpiresAt(new Date()).toISOString()) })}
            </Alert>
          ) : (
            <DialogContentText sx={{ mb: 2 }}>{t('withdrawContent')}</DialogContentText>
          )}
          <TextField
            label={t('reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            fullWidth
            multiline
            minRows={2}
            error={missingReason}
            helperText={missingReason ? t('reasonRequired') : ' '}
            slotProps={{ htmlInput: { 'data-testid': 'withdraw-reason', maxLength: 500 } }}
          />
          {refusal ? (
            <Alert severity="error" data-testid="withdraw-error">
              {refusal}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
          <Button onClick={close} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={confirm} disabled={busy} data-testid="confirm-withdraw">
            {t(abandoning ? 'confirmAbandon' : 'confirmWithdraw')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
