// 异地培养 and 当地培养 places of a round (200 each in the notice): the regional admin may change
// them, never below what is already allocated to areas or already selected.
import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { QuotaLine } from '../dataProvider/aggregates.ts';
import { setModePlaces, type TrainingMode } from './quotaMutations.ts';
import { lineOf, modes, parsePlaces, placesOf, type QuotaRound } from './types.ts';

interface Props {
  round: QuotaRound;
  usage: QuotaLine[];
  canEdit: boolean;
  onSaved: () => Promise<unknown>;
}

export const ModePlacesCard = ({ round, usage, canEdit, onSaved }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [drafts, setDrafts] = useState<Record<TrainingMode, string>>({ REMOTE: String(round.remotePlaces), LOCAL: String(round.localPlaces) });

  const allocated = (mode: TrainingMode) => usage.filter((line) => line.mode === mode && line.area).reduce((sum, line) => sum + line.places, 0);
  const problemOf = (mode: TrainingMode): string | null => {
    const places = parsePlaces(drafts[mode]);
    if (places === null) return translate('tepei.admin.quotas.wholeNumber');
    if (places < allocated(mode)) return translate('tepei.admin.quotas.belowAllocated', { allocated: allocated(mode) });
    const used = lineOf(usage, mode, null)?.used ?? 0;
    if (places < used) return translate('tepei.admin.quotas.belowUsed', { used });
    return null;
  };
  const changed = modes.some((mode) => parsePlaces(drafts[mode]) !== placesOf(round, mode));
  const invalid = modes.some((mode) => problemOf(mode));

  const mutation = useMutation({
    mutationFn: () => setModePlaces(round.id, { REMOTE: parsePlaces(drafts.REMOTE)!, LOCAL: parsePlaces(drafts.LOCAL)! }),
    onSuccess: () => {
      notify('tepei.admin.quotas.saved', { type: 'success' });
      onSaved();
    },
  });

  return (
    <Card data-testid="mode-places">
      <CardHeader title={translate('tepei.admin.quotas.modePlaces')} subheader={translate('tepei.admin.quotas.modePlacesHint')} />
      <CardContent>
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          {modes.map((mode) => {
            const line = lineOf(usage, mode, null);
            const problem = problemOf(mode);
            return (
              <Box key={mode} sx={{ minWidth: 320 }} data-testid={`mode-${mode}`}>
                <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                  {translate(`tepei.enums.TrainingMode.${mode}`)}
                </Typography>
                <TextField
                  label={translate('tepei.admin.quotas.places')}
                  value={drafts[mode]}
                  onChange={(event) => setDrafts((current) => ({ ...current, [mode]: event.target.value }))}
                  disabled={!canEdit}
                  error={!!problem}
                  helperText={problem ?? ' '}
                  size="small"
                  slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `mode-places-${mode}` } }}
                />
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {translate('tepei.admin.quotas.modeSummary', {
                    allocated: allocated(mode),
                    used: line?.used ?? 0,
                    reserved: line?.reserved ?? 0,
                    remaining: line?.remaining ?? 0,
                  })}
                </Typography>
              </Box>
            );
          })}
        </Stack>
        {mutation.error ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="mode-places-error">
            {mutation.error.message}
          </Alert>
        ) : null}
        {canEdit ? (
          <Button
            sx={{ mt: 2 }}
            variant="contained"
            startIcon={<SaveIcon />}
            disabled={!changed || invalid || mutation.isPending}
            onClick={() => mutation.mutate()}
            data-testid="mode-places-save"
          >
            {translate('ra.action.save')}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
};
