// 提交申报 / 重新提交: the saved version goes to the employer unit (submitApplication), after a
// confirmation. Unsaved changes must be saved first, or the unit would review an older version.
import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import type { ApplicationRecord } from '../applications/types.ts';
import { submitApplication } from './applicantRequests.ts';

export const SubmitPanel = ({ dirty }: { dirty: boolean }) => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!record) return null;
  const resubmitting = record.status === 'RETURNED_TO_APPLICANT';

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await submitApplication(record.id, record.version);
      setOpen(false);
      notify('tepei.applicant.submit.done', { type: 'success' });
      redirect('show', 'myApplications', record.id);
    } catch (error) {
      setOpen(false);
      setRefusal((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }} data-testid="submit-panel">
      <Button variant="contained" color="primary" disabled={dirty || busy} onClick={() => setOpen(true)} data-testid="submit-application">
        {translate(resubmitting ? 'tepei.applicant.submit.resubmit' : 'tepei.applicant.submit.button')}
      </Button>
      {dirty ? (
        <Typography variant="body2" color="text.secondary">
          {translate('tepei.applicant.submit.saveFirst')}
        </Typography>
      ) : null}
      {refusal ? (
        <Alert severity="error" sx={{ flexBasis: '100%' }} data-testid="submit-error">
          {refusal}
        </Alert>
      ) : null}
      <Confirm
        isOpen={open}
        loading={busy}
        title="tepei.applicant.submit.confirmTitle"
        content="tepei.applicant.submit.confirmContent"
        confirm="tepei.applicant.submit.button"
        onConfirm={submit}
        onClose={() => setOpen(false)}
      />
    </Box>
  );
};
