// The round's phase (the API's Round.phase, rounds/round-phase.ts) and the step to the next one,
// taken after a confirmation that says what the step needs; 审核推荐 and 遴选 follow the deadlines.
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Permissions } from '../authProvider.ts';
import { readQuery } from '../common/readQuery.ts';
import { callMutation } from '../dataProvider/callMutation.ts';
import { roundPhases, type LifecyclePhase } from './types.ts';


/** The phases the admin enters by hand (the API refuses the others). */
const byHand = new Set<LifecyclePhase>(['APPLICATIONS', 'PLACEMENT', 'ORIENTATION', 'TRAINING', 'CLOSED']);

const advanceMutation = { field: 'advanceRoundPhase', variables: '$roundId: ID!, $to: RoundPhase!', data: 'id phase' };

export function useRoundPhase(roundId: string) {
  return useQuery({
    queryKey: ['rounds', 'phase', roundId],
    queryFn: async () => (await readQuery<{ node: { id: string; name: string; phase: LifecyclePhase } | null }>('query($id: ID!) { node(id: $id) { ... on Round { id name phase } } }', { id: roundId })).node,
  });
}

export const RoundPhaseActions = ({ roundId }: { roundId: string }) => {
  const t = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const queryClient = useQueryClient();
  const round = useRoundPhase(roundId);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!round.data) return null;
  const { phase, name } = round.data;
  const next = roundPhases[roundPhases.indexOf(phase) + 1];
  const advance = async () => {
    setError(null);
    try {
      await callMutation(advanceMutation, { roundId, to: next });
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['rounds'] });
    } catch (cause) {
      setError((cause as Error).message);
    }
  };
  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="round-phase-actions">
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap">
        <Typography component="span">{t('tepei.lifecycle.currentPhase', { phase: '' })}</Typography>
        {roundPhases.map((step) => (
          <Chip key={step} size="small" label={t(`tepei.lifecycle.phase.${step}`)} color={step === phase ? 'primary' : 'default'} variant={step === phase ? 'filled' : 'outlined'} data-current={step === phase || undefined} />
        ))}
      </Stack>
      <Box>
        {permissions?.role === 'REGIONAL' && next && byHand.has(next) ? (
          <Button variant="outlined" onClick={() => setOpen(true)} data-testid="advance-phase">
            {t('tepei.lifecycle.advance', { phase: t(`tepei.lifecycle.phase.${next}`) })}
          </Button>
        ) : next ? (
          <Typography variant="body2" color="text.secondary">{t('tepei.lifecycle.byDeadline')}</Typography>
        ) : null}
        {phase === 'PLACEMENT' || phase === 'ORIENTATION' || phase === 'TRAINING' ? (
          <Button component={Link} to={`/placement?round=${encodeURIComponent(roundId)}`} sx={{ ml: 1 }} data-testid="placement-link">
            {t('tepei.lifecycle.placementLink')}
          </Button>
        ) : null}
      </Box>
      {error && !open ? <Alert severity="error">{error}</Alert> : null}
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{next ? t('tepei.lifecycle.advanceTitle', { name, phase: t(`tepei.lifecycle.phase.${next}`) }) : ''}</DialogTitle>
        <DialogContent>
          {next ? <Typography>{t(`tepei.lifecycle.advanceHint.${next}`)}</Typography> : null}
          {error ? <Alert severity="error" sx={{ mt: 2 }} data-testid="advance-error">{error}</Alert> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('tepei.lifecycle.cancel')}</Button>
          <Button variant="contained" onClick={advance} data-testid="advance-confirm">{t('tepei.lifecycle.confirm')}</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
