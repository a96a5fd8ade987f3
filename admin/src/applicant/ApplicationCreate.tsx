// 填报申报: forms 2 and 3 for the open round, started with what the applicant registered with.
// Saving creates the draft (createApplication); the edit page then takes the photo, evidence,
// classified items and the submission.
import { Alert, Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Form, Loading, SaveButton, Title, Toolbar, useNotify, useRedirect, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format.ts';
import { createApplication } from './applicantRequests.ts';
import { FormThreeInputs, FormTwoInputs } from './ApplicationFormInputs.tsx';
import { emptyFormValues, toFormInput, type ApplicationFormValues } from './applicationFormValues.ts';
import { saveValidator } from './formValidation.ts';
import { refusalOf } from './serverProblems.ts';
import { useApplicationStart } from './useApplicationStart.ts';

/** The API's checks of a draft: what is filled in must be right, nothing has to be. */
const validateDraft = saveValidator();

export const ApplicationCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { data: start, isPending, error } = useApplicationStart();
  const [refusal, setRefusal] = useState<string | null>(null);
  const defaults = useMemo(
    () => (start ? emptyFormValues({ name: start.me.displayName, idNumber: start.me.idNumber, phone: start.me.phone }) : undefined),
    [start],
  );

  if (isPending) return <Loading />;
  const round = start?.currentRound;
  const title = <Title title={translate('tepei.applicant.form.createTitle')} />;
  if (error || !round || !round.isOpenForApplications) {
    return (
      <Box sx={{ mt: 2 }}>
        {title}
        <Alert severity="warning">{error ? error.message : translate('tepei.applicant.list.closed', { round: round?.name ?? '' })}</Alert>
      </Box>
    );
  }

  const save = async (values: Record<string, unknown>) => {
    setRefusal(null);
    try {
      const saved = await createApplication(round.id, toFormInput(values as unknown as ApplicationFormValues));
      notify('tepei.applicant.form.created', { type: 'success' });
      redirect('edit', 'myApplications', saved.id);
      return undefined;
    } catch (failure) {
      const { message, fieldErrors } = refusalOf(failure, 'form');
      setRefusal(message);
      return fieldErrors;
    }
  };

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      {title}
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {round.name} · {translate('tepei.applicant.form.deadline', { deadline: formatDateTime(round.applicationDeadline) })}
          </Typography>
          <Form defaultValues={defaults} validate={validateDraft} onSubmit={save} warnWhenUnsavedChanges>
            <FormTwoInputs unitName={start.me.unit?.name} />
            <Divider sx={{ my: 3 }} />
            <FormThreeInputs />
            {refusal ? (
              <Alert severity="error" sx={{ mt: 2 }} data-testid="save-error">
                {refusal}
              </Alert>
            ) : null}
            <Toolbar sx={{ mt: 2, flexWrap: 'wrap', gap: 1 }}>
              <SaveButton label="tepei.applicant.form.save" alwaysEnable />
              <Typography variant="caption" color="text.secondary">
                {translate('tepei.applicant.form.draftHint')}
              </Typography>
            </Toolbar>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
