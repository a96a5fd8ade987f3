// 申报进度: where the application stands, the reviewers' comments (and, when it was returned,
// what to correct), every status change with who and when in Beijing time, and the forms as filed.
import EditIcon from '@mui/icons-material/Edit';
import { Box } from '@mui/material';
import { Button, Show, TabbedShowLayout, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ApplicationSummary } from '../applications/ApplicationSummary.tsx';
import { FormTwoSections } from '../applications/FormTwoSections.tsx';
import { HostPreferencesPanel } from '../applications/HostPreferencesPanel.tsx';
import { ReviewHistory } from '../applications/ReviewHistory.tsx';
import { StatusHistory } from '../applications/StatusHistory.tsx';
import type { ApplicationRecord } from '../applications/types.ts';
import { Section } from '../common/Section.tsx';
import { TrainingPanel } from '../training/index.ts';
import { editableStatuses } from './ApplicationEdit.tsx';
import { ClassifiedItemsPanel } from './ClassifiedItemsPanel.tsx';
import { type ApplicationDocument } from './DocumentsPanel.tsx';
import { ReturnNotice } from './ReturnNotice.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import { formatDateTime } from '../common/format.ts';
import { ApplicationPhoto } from './ApplicationPhoto.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

const ShowActions = () => {
  const record = useRecordContext<ApplicationRecord>();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      {record && editableStatuses.includes(record.status) ? (
        <Button component={Link} to={`/myApplications/${encodeURIComponent(record.id)}`} label="tepei.applicant.list.edit" data-testid="edit-application">
          <EditIcon />
        </Button>
      ) : null}
      <WithdrawButton />
    </TopToolbar>
  );
};

/** The summary beside the photo, as on the paper form. */
const Heading = () => {
  const record = useRecordContext<ApplicationRecord & { documents?: ApplicationDocument[] }>();
  if (!record) return null;
  const photo = record.documents?.find((document) => document.kind === 'PHOTO');
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, pr: 2, flexWrap: 'wrap' }}>
      <Box sx={{ flex: '1 1 280px', minWidth: 0 }}>
        <ApplicationSummary />
      </Box>
      <Box sx={{ pt: 2, pl: { xs: 2, sm: 0 } }}>
        <ApplicationPhoto applicationId={record.id} photoId={photo?.id} />
      </Box>
    </Box>
  );
};

const Documents = () => {
  const record = useRecordContext<ApplicationRecord & { documents: ApplicationDocument[] }>();
  const translate = useTranslate();
  return (
    <Section title="tepei.applicant.documents.title">
      <SimpleTable
        testId="documents"
        rows={record?.documents}
        columns={[
          { label: 'tepei.applicant.documents.kind', width: 120, render: (row) => translate(`tepei.applicant.documents.${row.kind === 'PHOTO' ? 'photo' : 'evidence'}`) },
          { label: 'tepei.applicant.documents.fileName', render: (row) => row.fileName },
          { label: 'tepei.applicant.documents.uploadedAt', width: 160, render: (row) => formatDateTime(row.uploadedAt) },
        ]}
      />
    </Section>
  );
};

const Title = () => {
  const translate = useTranslate();
  const record = useRecordContext<ApplicationRecord>();
  return <span>{record ? `${translate('tepei.applicant.status.title')} · ${record.round?.name ?? ''}` : ''}</span>;
};

export const MyApplicationShow = () => (
  <Show resource="myApplications" title={<Title />} actions={<ShowActions />}>
    <Heading />
    <Box sx={{ px: 2 }}>
      <ReturnNotice />
    </Box>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="tepei.applicant.status.title">
        <TrainingPanel />
        <Section title="tepei.application.tabs.history">
          <StatusHistory />
        </Section>
        <Section title="tepei.application.tabs.reviews">
          <ReviewHistory />
        </Section>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tepei.application.tabs.form2" path="form2">
        <FormTwoSections />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tepei.application.tabs.form3" path="form3">
        <HostPreferencesPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tepei.applicant.documents.title" path="documents">
        <Documents />
        <ClassifiedItemsPanel readOnly />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
