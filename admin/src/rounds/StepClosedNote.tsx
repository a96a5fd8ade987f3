// Says why a step of the round lifecycle is not offered: the round is in another phase, and the
// step comes in these (prisma/src/reference/round-phases.ts, the table the API enforces).
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { isStepOpen, type RoundPhase, type RoundStep, stepPhases } from '../../../prisma/src/reference/round-phases.ts';

export const StepClosedNote = ({ round, step }: { round: { name: string; phase: RoundPhase }; step: RoundStep }) => {
  const t = useTranslate();
  if (isStepOpen(step, round.phase)) return null;
  return (
    <Typography variant="body2" color="text.secondary" data-testid={`step-closed-${step}`}>
      {t('tepei.lifecycle.training.stepClosed', {
        round: round.name,
        phase: t(`tepei.lifecycle.phase.${round.phase}`),
        step: t(`tepei.lifecycle.training.steps.${step}`),
        phases: stepPhases[step].map((phase) => t(`tepei.lifecycle.phase.${phase}`)).join(t('tepei.lifecycle.training.phaseOr')),
      })}
    </Typography>
  );
};
