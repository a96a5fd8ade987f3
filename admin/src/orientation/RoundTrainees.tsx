// The round's selected trainees (已成功入选, 已参加训前培训, 培养中) with the host of their
// confirmed placement and the orientation they attended; the regional admin checks rows and
// records their orientation (selected ones) or the start of their training (those who attended),
// through the same dialog as the application page (training/TrainingStepDialog.tsx).
import { Alert, Box, Button, Checkbox, Link, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FunctionField, ListContextProvider, Loading, useList, useListContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { StatusChip } from '../applications/StatusChip.tsx';
import { formatDate } from '../common/format.ts';
import { ListGrid, useListWidth } from '../common/ListGrid.tsx';
import { roundStepOf, type TrainingStep, type StepTrainee, TrainingStepDialog } from '../training/TrainingStepDialog.tsx';
import { roundTrainees, type Trainee } from '../training/trainingRequests.ts';
import { isStepOpen, type RoundPhase } from '../../../prisma/src/reference/round-phases.ts';
import type { RoundChoice } from '../rounds/RoundSelect.tsx';
import { StepClosedNote } from '../rounds/StepClosedNote.tsx';

/** The status each step starts from. */
const stepFrom: Record<TrainingStep, string> = { orientation: 'SELECTED', start: 'ORIENTATION_ATTENDED' };

/** A row may be checked when a step starts from its status and the round's phase takes that step. */
const isSelectable = (trainee: Trainee, phase: RoundPhase) =>
  (Object.keys(stepFrom) as TrainingStep[]).some((step) => stepFrom[step] === trainee.status && isStepOpen(roundStepOf[step], phase));

/** Where the trainee trains: the training's host once started, before that the confirmed placement's. */
const hostOf = (trainee: Trainee) =>
  trainee.status === 'IN_TRAINING' ? (trainee.training?.hostInstitution ?? null) : trainee.placement?.status === 'CONFIRMED' ? (trainee.placement.host?.name ?? null) : null;
const mentorOf = (trainee: Trainee) => (trainee.status === 'IN_TRAINING' ? trainee.training?.mentor : trainee.placement?.status === 'CONFIRMED' ? trainee.placement.mentor : null) ?? '';
const traineeName = (trainee: Trainee) => [trainee.serialNumber, trainee.name].filter(Boolean).join(' ');
const applicationPath = (trainee: Trainee) => `/applications/${encodeURIComponent(trainee.id)}/show`;

const TraineeLink = ({ trainee }: { trainee: Trainee }) => (
  <Link component={RouterLink} to={applicationPath(trainee)} data-testid={`trainee-${trainee.name}`}>
    {traineeName(trainee)}
  </Link>
);

/** A row's checkbox on a phone, where the rows are a list rather than react-admin's table. */
const RowCheckbox = ({ trainee, phase }: { trainee: Trainee; phase: RoundPhase }) => {
  const t = useTranslate();
  const { selectedIds, onToggleItem } = useListContext<Trainee>();
  return (
    <Checkbox
      edge="start"
      checked={selectedIds.includes(trainee.id)}
      disabled={!isSelectable(trainee, phase)}
      onChange={() => onToggleItem(trainee.id)}
      slotProps={{ input: { 'aria-label': t('tepei.lifecycle.training.selectRow', { name: trainee.name }) } }}
    />
  );
};

/** The two steps for the checked rows, each counting the rows it applies to. */
const StepButtons = ({ phase, onStep }: { phase: RoundPhase; onStep: (step: TrainingStep, chosen: Trainee[]) => void }) => {
  const t = useTranslate();
  const { data, selectedIds } = useListContext<Trainee>();
  const chosen = (data ?? []).filter((trainee) => selectedIds.includes(trainee.id));
  const button = (step: TrainingStep, label: string, variant: 'outlined' | 'contained') => {
    if (!isStepOpen(roundStepOf[step], phase)) return null;
    const count = chosen.filter((trainee) => trainee.status === stepFrom[step]).length;
    return (
      <Button size="small" variant={variant} disabled={!count} onClick={() => onStep(step, chosen)} data-testid={`bulk-${step}`}>
        {t(label, { count })}
      </Button>
    );
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {button('orientation', 'tepei.lifecycle.training.recordOrientationCount', 'outlined')}
      {button('start', 'tepei.lifecycle.training.startTrainingCount', 'contained')}
    </Box>
  );
};

const TraineeGrid = ({ phase, onStep }: { phase: RoundPhase; onStep: (step: TrainingStep, chosen: Trainee[]) => void }) => {
  const t = useTranslate();
  const width = useListWidth();
  const orientationOf = (trainee: Trainee) => (trainee.orientation ? `${trainee.orientation.session.title}（${formatDate(trainee.orientation.session.heldOn)}）` : '');
  const startedOf = (trainee: Trainee) => (trainee.status === 'IN_TRAINING' && trainee.training ? formatDate(trainee.training.startedOn) : '');
  return (
    <>
      {/* On a phone react-admin's toolbar of the checked rows is not there: the steps stand above the list. */}
      {width === 'phone' ? <StepButtons phase={phase} onStep={onStep} /> : null}
      <ListGrid
        rowClick={false}
        bulkActionButtons={<StepButtons phase={phase} onStep={onStep} />}
        isRowSelectable={(trainee: Trainee) => isSelectable(trainee, phase)}
        phone={{
          leftIcon: (trainee: Trainee) => <RowCheckbox trainee={trainee} phase={phase} />,
          primaryText: (trainee: Trainee) => <TraineeLink trainee={trainee} />,
          secondaryText: (trainee: Trainee) =>
            [t(`tepei.enums.ApplicationStatus.${trainee.status}`), hostOf(trainee) ?? t('tepei.lifecycle.training.notPlaced'), mentorOf(trainee), orientationOf(trainee), startedOf(trainee)].filter(Boolean).join(' · '),
        }}
        empty={
          <Typography color="text.secondary" data-testid="trainee-table">
            {t('tepei.lifecycle.training.noTrainees')}
          </Typography>
        }
        sx={{ '& .RaDatagrid-headerCell, & td.column-status, & td.column-startedOn': { whiteSpace: 'nowrap' } }}
        data-testid="trainee-table"
      >
        <FunctionField source="trainee" sortable={false} label="tepei.lifecycle.training.trainee" render={(trainee: Trainee) => <TraineeLink trainee={trainee} />} />
        <FunctionField source="status" sortable={false} label="tepei.lifecycle.training.status" render={(trainee: Trainee) => <StatusChip status={trainee.status} />} />
        <FunctionField source="host" sortable={false} label="tepei.lifecycle.training.host" render={(trainee: Trainee) => hostOf(trainee) ?? t('tepei.lifecycle.training.notPlaced')} />
        <FunctionField source="mentor" sortable={false} label="tepei.lifecycle.training.mentor" render={mentorOf} />
        <FunctionField source="orientation" sortable={false} label="tepei.lifecycle.training.orientation" render={orientationOf} />
        <FunctionField source="startedOn" sortable={false} label="tepei.lifecycle.training.startedOn" render={startedOf} />
      </ListGrid>
    </>
  );
};

interface Chosen {
  step: TrainingStep;
  trainees: StepTrainee[];
  skipped: number;
  startsOn: string | null;
}

export const RoundTrainees = ({ round }: { round: RoundChoice }) => {
  const t = useTranslate();
  const queryClient = useQueryClient();
  const key = ['roundTrainees', round.year];
  const trainees = useQuery({ queryKey: key, queryFn: () => roundTrainees(round.year) });
  const list = useList<Trainee>({ data: trainees.data ?? [], isPending: trainees.isPending, perPage: 1000 });
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const onStep = (step: TrainingStep, rows: Trainee[]) => {
    const ready = rows.filter((trainee) => trainee.status === stepFrom[step]);
    setChosen({
      step,
      trainees: ready.map((trainee) => ({ id: trainee.id, name: trainee.name, version: trainee.version, host: hostOf(trainee) })),
      skipped: rows.length - ready.length,
      // The placement was confirmed with one planned start for all (placement.service.ts).
      startsOn: ready.find((trainee) => trainee.training)?.training?.startedOn ?? null,
    });
  };
  if (trainees.error) return <Alert severity="error">{(trainees.error as Error).message}</Alert>;
  if (!trainees.data) return <Loading />;
  return (
    <Stack spacing={1} component="section">
      <Typography variant="subtitle1" component="h3">
        {t('tepei.lifecycle.training.trainees')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('tepei.lifecycle.training.selectHint')}
      </Typography>
      {(Object.keys(stepFrom) as TrainingStep[])
        .filter((step) => trainees.data.some((trainee) => trainee.status === stepFrom[step]))
        .map((step) => (
          <StepClosedNote key={step} round={round} step={roundStepOf[step]} />
        ))}
      <ListContextProvider value={list}>
        <TraineeGrid phase={round.phase} onStep={onStep} />
        {chosen ? (
          <TrainingStepDialog
            step={chosen.step}
            roundId={round.id}
            trainees={chosen.trainees}
            skipped={chosen.skipped}
            startsOn={chosen.startsOn}
            onClose={(changed) => {
              setChosen(null);
              if (!changed) return;
              list.onUnselectItems();
              void queryClient.invalidateQueries({ queryKey: key });
            }}
          />
        ) : null}
      </ListContextProvider>
    </Stack>
  );
};
