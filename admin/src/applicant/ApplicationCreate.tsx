// 填报申报: forms 2 and 3 for the open round, started from the applicant's application of an
// earlier round when there is one (issue 14 item 4), else with what they registered with.
// Saving creates the draft (createApplication); the edit page then takes the photo, evidence,
// classified items and the submission.
import { Alert, Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Form, Loading, SaveButton, Title, Toolbar, useNotify, useRedirect, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format.ts';
import { applicantQueries, createApplication, query } from './applicantRequests.ts';
import { FormThreeInputs, FormTwoInputs } from './ApplicationFormInputs.tsx';
import {
  carriedFormValues,
  emptyFormValues,
  lastEarlierApplication,
  toFormInput,
  type ApplicationFormValues,
  type EarlierApplicationRecord,
} from './applicationFormValues.ts';
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
  const last = start?.currentRound ? lastEarlierApplication(start.myApplications, start.currentRound.year) : undefined;
  const earlier = useQuery({
    queryKey: ['applicant', 'earlierApplication', last?.id],
    queryFn: () => query<{ node: EarlierApplicationRecord | null }>(applicantQueries.earlierApplication, { id: last!.id }).then((data) => data.node),
    enabled: !!last,
  });
  const carried = earlier.data ?? undefined;
  const defaults = useMemo(
    () =>
      carried
        ? carriedFormValues(carried)
        : start
          ? emptyFormValues({ name: start.me.displayName, idNumber: start.me.idNumber, phone: start.me.phone })
          : undefined,
    [start, carried],
  );

  // The form reads its defaults once: wait for the earlier application (a failed read starts empty).
  if (isPending || (last && earlier.isPending)) return <Loading />;
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
          {carried ? (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="carried-from">
              {translate('tepei.applicant.form.carriedFrom', { round: carried.round.name })}
            </Alert>
          ) : null}
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
