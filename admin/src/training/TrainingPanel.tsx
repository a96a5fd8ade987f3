// 培养与结业 on an application's page, once the trainee has a training record (a confirmed
// placement writes it): the orientation attended, host, mentor, dates, the assessment and the
// certificate with its download for those who may have it; the regional admin records the
// orientation, the start of training and the completion here, each offered only in the phases
// of the round the API takes it in (prisma/src/reference/round-phases.ts), with a line saying
// when it comes otherwise.
import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isStepOpen, type RoundStep } from '../../../prisma/src/reference/round-phases.ts';
import type { Permissions } from '../authProvider.ts';
import { DownloadButton } from '../common/DownloadButton.tsx';
import { formatDate } from '../common/format.ts';
import { FieldGrid, Item, Section } from '../common/Section.tsx';
import { StepClosedNote } from '../rounds/StepClosedNote.tsx';
import { enumLabelKey } from '../enums.ts';
import { CompleteTrainingDialog } from './CompleteTrainingDialog.tsx';
import { roundStepOf, type TrainingStep, TrainingStepDialog } from './TrainingStepDialog.tsx';
import { useApplicationLifecycle } from './trainingRequests.ts';

export const TrainingPanel = () => {
  const record = useRecordContext<{ id: string; name: string }>();
  const { permissions } = usePermissions<Permissions>();
  const t = useTranslate();
  const refresh = useRefresh();
  const [completing, setCompleting] = useState(false);
  const [step, setStep] = useState<TrainingStep | null>(null);
  const { data, reread: rereadLifecycle } = useApplicationLifecycle(record?.id);
  const training = data?.training;
  const regional = permissions?.role === 'REGIONAL';
  const nextStep: TrainingStep | null = !regional ? null : data?.status === 'SELECTED' ? 'orientation' : data?.status === 'ORIENTATION_ATTENDED' ? 'start' : null;
  if (!record || !data || (!training && !nextStep)) return null;
  // The step the status calls for, and whether the round's phase takes it now.
  const due: RoundStep | null = nextStep ? roundStepOf[nextStep] : regional && data.status === 'IN_TRAINING' ? 'completeTraining' : null;
  const open = due !== null && isStepOpen(due, data.round.phase);
  const canComplete = due === 'completeTraining' && open;
  const reread = () => {
    void rereadLifecycle();
    refresh();
  };

  return (
    <Section title="tepei.lifecycle.completion.title">
      <Box data-testid="training-panel">
        <FieldGrid>
          <Item label="tepei.lifecycle.training.orientation">
            <span data-testid="training-orientation">{data.orientation ? `${data.orientation.session.title}（${formatDate(data.orientation.session.heldOn)}）` : '—'}</span>
          </Item>
          {training ? (
            <>
              <Item label="tepei.lifecycle.completion.host">{training.hostInstitution}</Item>
              <Item label="tepei.lifecycle.completion.mentor">{training.mentor ?? '—'}</Item>
              <Item label="tepei.lifecycle.completion.startedOn">
                <span data-testid="training-started-on">{formatDate(training.startedOn)}</span>
              </Item>
              <Item label="tepei.lifecycle.completion.plannedEndOn">{formatDate(training.plannedEndOn)}</Item>
              <Item label="tepei.lifecycle.completion.completedOn">{training.completedOn ? formatDate(training.completedOn) : '—'}</Item>
              <Item label="tepei.lifecycle.completion.assessment">{training.assessment ? t(enumLabelKey('AssessmentResult', training.assessment)) : '—'}</Item>
              <Item label="tepei.lifecycle.completion.certificateNumber">
                <span data-testid="certificate-number">
                  {training.certificateNumber ?? (training.assessment ? t('tepei.lifecycle.completion.noCertificate') : '—')}
                </span>
              </Item>
            </>
          ) : (
            <Item label="tepei.lifecycle.completion.host">{t('tepei.lifecycle.training.notPlaced')}</Item>
          )}
        </FieldGrid>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
          {training?.certificatePdf ? <DownloadButton path={training.certificatePdf} label="tepei.lifecycle.completion.download" testId="certificate-download" /> : null}
          {nextStep && open ? (
            <Button size="small" variant="contained" onClick={() => setStep(nextStep)} data-testid={nextStep === 'orientation' ? 'record-orientation' : 'start-training'}>
              {t(nextStep === 'orientation' ? 'tepei.lifecycle.training.recordOrientation' : 'tepei.lifecycle.training.startTraining')}
            </Button>
          ) : null}
          {canComplete ? (
            <Button size="small" variant="contained" onClick={() => setCompleting(true)} data-testid="complete-training">
              {t('tepei.lifecycle.completion.complete')}
            </Button>
          ) : null}
        </Box>
        {due ? <StepClosedNote round={data.round} step={due} /> : null}
      </Box>
      {completing ? (
        <CompleteTrainingDialog
          application={{ id: record.id, name: record.name, version: data.version }}
          onClose={() => setCompleting(false)}
          onCompleted={() => {
            setCompleting(false);
            reread();
          }}
        />
      ) : null}
      {step ? (
        <TrainingStepDialog
          step={step}
          roundId={data.round.id}
          trainees={[{ id: record.id, name: record.name, version: data.version, host: training?.hostInstitution ?? null }]}
          startsOn={training?.startedOn}
          onClose={(changed) => {
            setStep(null);
            if (changed) reread();
          }}
        />
      ) : null}
    </Section>
  );
};
