// 提交申报 / 重新提交: the saved version goes to the employer unit (submitApplication), after a
// confirmation. Unsaved changes must be saved first, or the unit would review an older version.
// A draft may be saved half filled in: the API then names every missing field, listed here.
import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import type { ApplicationRecord } from '../applications/types.ts';
import type { FieldProblem } from '../dataProvider/errors.ts';
import { submitApplication } from './applicantRequests.ts';
import { useFindingLabel } from './returnedFindings.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

/** What the form still lacks, each at its field in words: 毕业院校：请填写毕业院校. */
const MissingFields = ({ problems }: { problems: FieldProblem[] }) => {
  const translate = useTranslate();
  const label = useFindingLabel();
  return (
    <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} data-testid="submit-missing">
      {problems.map(({ path, message }) => {
        const [, field, row] = path;
        const item = field ? (row !== undefined && /^\d+$/.test(row) ? `${field}[${row}]` : field) : '';
        return (
          <li key={path.join('.')} data-path={path.slice(1).join('.')}>
            {item ? `${label(item)}：` : ''}
            {message || translate('ra.message.invalid_form')}
          </li>
        );
      })}
    </Box>
  );
};

export const SubmitPanel = ({ dirty }: { dirty: boolean }) => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [missing, setMissing] = useState<FieldProblem[]>([]);
  if (!record) return null;
  const resubmitting = record.status === 'RETURNED_TO_APPLICANT';

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    setMissing([]);
    try {
      await submitApplication(record.id, record.version);
      setOpen(false);
      notify('tepei.applicant.submit.done', { type: 'success' });
      redirect('show', 'myApplications', record.id);
    } catch (error) {
      setOpen(false);
      const problems = (error as { problems?: FieldProblem[] }).problems;
      if (Array.isArray(problems) && problems.length) {
        setMissing(problems);
        setRefusal(translate('tepei.applicant.submit.missing'));
      } else {
        setRefusal((error as Error).message);
      }
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
      <Box sx={{ flexGrow: 1 }} />
      <WithdrawButton />
      {refusal ? (
        <Alert severity="error" sx={{ flexBasis: '100%' }} data-testid="submit-error">
          {refusal}
          {missing.length ? <MissingFields problems={missing} /> : null}
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
