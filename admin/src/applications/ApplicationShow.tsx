// One application as reviewers read it: a summary with the review buttons, the eligibility
// check, earlier participation on record, the year of training and its certificate once placed, then the two forms, its form files and uploads, the reviews and the status history in tabs.
import { Box } from '@mui/material';
import { Show, TabbedShowLayout, TopToolbar, useRecordContext } from 'react-admin';
import { Section } from '../common/Section.tsx';
import { ReviewActions } from '../reviews/ReviewActions.tsx';
import { EarlierParticipationsPanel, TrainingPanel } from '../training/index.ts';
import { ApplicationFiles } from './ApplicationFiles.tsx';
import { ApplicationSummary } from './ApplicationSummary.tsx';
import { EligibilityPanel } from './EligibilityPanel.tsx';
import { FormTwoSections } from './FormTwoSections.tsx';
import { HostPreferencesPanel } from './HostPreferencesPanel.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { StatusHistory } from './StatusHistory.tsx';

const ApplicationTitle = () => {
  const record = useRecordContext<{ name: string }>();
  return <span>{record?.name ?? ''}</span>;
};

const ApplicationShowActions = () => (
  <TopToolbar>
    <ReviewActions />
  </TopToolbar>
);

export const ApplicationShow = () => (
  <Show title={<ApplicationTitle />} actions={<ApplicationShowActions />}>
    <ApplicationSummary />
    <Box sx={{ px: 2, pt: 1 }}>
      <Section title="tepei.application.tabs.eligibility">
        <EligibilityPanel />
      </Section>
      <EarlierParticipationsPanel />
      <TrainingPanel />
    </Box>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="tepei.application.tabs.form2">
        <FormTwoSections />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tepei.application.tabs.form3" path="preferences">
        <HostPreferencesPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tepei.files.tab" path="files">
        <ApplicationFiles />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tepei.application.tabs.reviews" path="reviews">
        <ReviewHistory />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tepei.application.tabs.history" path="history">
        <StatusHistory />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
