// 解除: the regional admin lifts a listing, giving the reason; the API's refusal (already
// lifted, reason too short) is shown in the dialog.
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { liftBlacklistEntry } from './blacklistMutations.ts';
import type { ListingRecord } from './ListingStatusField.tsx';

export const LiftListingButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const record = useRecordContext<ListingRecord>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => liftBlacklistEntry(record!.id, reason),
    onSuccess: () => {
      notify('tepei.admin.blacklist.lifted', { type: 'success' });
      setOpen(false);
      refresh();
    },
  });
  if (!record || record.liftedAt) return null;
  const who = [record.applicantName, record.unit?.name].filter(Boolean).join('、');
  const close = () => {
    if (mutation.isPending) return;
    setOpen(false);
    mutation.reset();
  };
  return (
    <>
      <Button size="small" color="warning" startIcon={<LockOpenIcon />} onClick={() => setOpen(true)} data-testid="lift-listing">
        {translate('tepei.admin.blacklist.lift')}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="lift-dialog">
        <DialogTitle>{translate('tepei.admin.blacklist.liftTitle', { who })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('tepei.admin.blacklist.liftContent', { who })}</DialogContentText>
          <TextField
            label={translate('resources.blacklist.fields.liftReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            multiline
            minRows={2}
            fullWidth
            helperText={translate('tepei.admin.blacklist.liftReasonHint')}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'lift-reason' } }}
          />
          {mutation.error ? (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="lift-error">
              {mutation.error.message}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={mutation.isPending}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color="warning" onClick={() => mutation.mutate()} disabled={mutation.isPending} data-testid="lift-confirm">
            {translate('tepei.admin.blacklist.confirmLift')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
