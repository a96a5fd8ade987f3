// 以往参加特培记录 on an application's page (rule 6, issue 14 item 4): the rounds in which the
// same ID number was selected, as the system recorded them — host, assessment, completion —
// beside what the applicant declared on form 2. Shown only when there is such a record, with a
// warning when the declaration says the applicant never trained.
import { Alert, Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../common/format.ts';
import { Section } from '../common/Section.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import { enumLabelKey } from '../enums.ts';
import { type EarlierParticipation, useApplicationLifecycle } from './trainingRequests.ts';

const key = (label: string) => `tepei.lifecycle.earlier.${label}`;

export const EarlierParticipationsPanel = () => {
  const record = useRecordContext<{ id: string }>();
  const t = useTranslate();
  const { data } = useApplicationLifecycle(record?.id);
  if (!data?.earlierParticipations.length) return null;

  return (
    <Section title={key('title')}>
      <Box data-testid="earlier-participations">
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t(key('hint'))}
          {data.earlierTrainee ? null : (
            <Box component="span" sx={{ display: 'block', fontWeight: 600 }} data-testid="earlier-declared-no">
              {t(key(data.earlierTrainee === null ? 'notAnswered' : 'declaredNo'))}
            </Box>
          )}
        </Alert>
        <SimpleTable<EarlierParticipation>
          rows={data.earlierParticipations}
          label={t(key('title'))}
          columns={[
            { label: key('round'), render: (row) => row.roundName },
            { label: key('status'), render: (row) => row.statusLabel },
            { label: key('host'), render: (row) => row.hostInstitution ?? '—' },
            { label: key('assessment'), render: (row) => (row.assessment ? t(enumLabelKey('AssessmentResult', row.assessment)) : '—') },
            { label: key('completedOn'), render: (row) => (row.completedOn ? formatDate(row.completedOn) : '—') },
          ]}
        />
      </Box>
    </Section>
  );
};
