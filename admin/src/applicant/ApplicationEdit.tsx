// 修改申报: a draft, or an application returned for correction, with the reviewers' comments on
// top; forms 2 and 3 (updateApplication), the photo and evidence, classified items, and the
// submission of the saved version.
import { Alert, Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { EditBase, Form, Loading, SaveButton, Title, Toolbar, useEditContext, useFormIsDirty, useNotify, useRedirect, useTranslate } from 'react-admin';
import { ApplicationSummary } from '../applications/ApplicationSummary.tsx';
import type { ApplicationRecord } from '../applications/types.ts';
import { updateApplication } from './applicantRequests.ts';
import { FormThreeInputs, FormTwoInputs } from './ApplicationFormInputs.tsx';
import { recordToFormValues, toFormInput, type ApplicationFormValues } from './applicationFormValues.ts';
import { ClassifiedItemsPanel } from './ClassifiedItemsPanel.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { saveValidator } from './formValidation.ts';
import { ReturnNotice } from './ReturnNotice.tsx';
import { PartFindings, ReturnedFindingsProvider, returnedFindings } from './returnedFindings.tsx';
import { refusalOf } from './serverProblems.ts';
import { SubmitPanel } from './SubmitPanel.tsx';

export const editableStatuses = ['DRAFT', 'RETURNED_TO_APPLICANT'];

/** Tells the page whether the form holds unsaved changes. */
const DirtyReporter = ({ onDirty }: { onDirty: (dirty: boolean) => void }) => {
  const isDirty = useFormIsDirty();
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);
  return null;
};

const ApplicationEditView = () => {
  const { record, isPending, refetch } = useEditContext<ApplicationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [dirty, setDirty] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const values = useMemo(() => (record?.workHistory ? { id: record.id, ...recordToFormValues(record) } : undefined), [record]);
  const editable = record ? editableStatuses.includes(record.status) : false;
  // A returned application keeps its choices and dates; a draft needs nothing (saveCompleteness).
  const validate = useMemo(() => saveValidator(record?.status), [record?.status]);

  useEffect(() => {
    if (record && !editable) redirect('show', 'myApplications', record.id);
  }, [record, editable, redirect]);

  // A row of the list may stand in for the record until the whole application has arrived.
  if (isPending || !record?.workHistory || !values) return <Loading />;

  const save = async (submitted: Record<string, unknown>) => {
    setRefusal(null);
    try {
      await updateApplication(record.id, record.version, toFormInput(submitted as unknown as ApplicationFormValues));
      notify('tepei.applicant.form.saved', { type: 'success' });
      await refetch();
      return undefined;
    } catch (failure) {
      const { message, fieldErrors } = refusalOf(failure, 'form');
      setRefusal(message);
      return fieldErrors;
    }
  };

  return (
    <ReturnedFindingsProvider findings={returnedFindings(record)}>
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title={translate('tepei.applicant.form.editTitle')} />
      <ReturnNotice />
      <Card sx={{ mb: 2 }}>
        <ApplicationSummary />
      </Card>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Form record={values} validate={validate} onSubmit={save} warnWhenUnsavedChanges>
            <DirtyReporter onDirty={setDirty} />
            <FormTwoInputs unitName={record.unit?.name} />
            <Divider sx={{ my: 3 }} />
            <FormThreeInputs />
            {refusal ? (
              <Alert severity="error" sx={{ mt: 2 }} data-testid="save-error">
                {refusal}
              </Alert>
            ) : null}
            <Toolbar sx={{ mt: 2, flexWrap: 'wrap', gap: 1 }}>
              <SaveButton label="tepei.applicant.form.save" />
              <Typography variant="caption" color="text.secondary">
                {translate('tepei.applicant.form.draftHint')}
              </Typography>
            </Toolbar>
          </Form>
        </CardContent>
      </Card>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <PartFindings part="documents" />
          <DocumentsPanel onChange={() => void refetch()} />
          <ClassifiedItemsPanel onChange={() => void refetch()} />
          <SubmitPanel dirty={dirty} />
        </CardContent>
      </Card>
    </Box>
    </ReturnedFindingsProvider>
  );
};

export const ApplicationEdit = () => (
  <EditBase resource="myApplications" redirect={false} mutationMode="pessimistic">
    <ApplicationEditView />
  </EditBase>
);
