// The settings of one round the regional admin may change: the two deadlines (Beijing dates,
// closing at 23:59 of the day), the age cut-off date and the 紧缺专业. Deadlines out of order
// are refused here as they are typed, and so is a passed deadline moved earlier (it may only be
// extended, which reopens its phase); what the API refuses is shown in its own words. Saving
// asks for confirmation with the changes listed, naming the phase a deadline closes or reopens
// (by this computer's clock; the API decides by its own), because changing the shortage
// specialties re-decides which applications may relax education or title. Only the changed
// settings are sent, and the rounds read by every page are refreshed after the save.
import { Alert, Autocomplete, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify, useRedirect, useTranslate } from 'react-admin';
import { DateTextField } from '../common/DateInput.tsx';
import { beijingDate, endOfBeijingDay, formatDate } from '../common/format.ts';
import { updateRound, type RoundSettings } from './roundMutations.ts';
import { pastSelection, type RoundRecord } from './types.ts';

function settingsOf(round: RoundRecord): RoundSettings {
  return {
    applicationDeadline: beijingDate(round.applicationDeadline),
    recommendationDeadline: beijingDate(round.recommendationDeadline),
    ageCutoffDate: formatDate(round.ageCutoffDate),
    shortageSpecialties: round.shortageSpecialties,
  };
}

const deadlines = ['applicationDeadline', 'recommendationDeadline'] as const;
type Deadline = (typeof deadlines)[number];
const openFlag = { applicationDeadline: 'isOpenForApplications', recommendationDeadline: 'isOpenForRecommendations' } as const;

/** Only the settings that differ from what the page was filled with. */
function changedSettings(before: RoundSettings, after: RoundSettings): Partial<RoundSettings> {
  const changed: Partial<RoundSettings> = {};
  for (const key of ['applicationDeadline', 'recommendationDeadline', 'ageCutoffDate'] as const) if (before[key] !== after[key]) changed[key] = after[key];
  if (before.shortageSpecialties.join('\n') !== after.shortageSpecialties.join('\n')) changed.shortageSpecialties = after.shortageSpecialties;
  return changed;
}

/** The phases a new deadline closes (open now, over once saved) or reopens (over now, open again). */
interface PhaseEffect {
  deadline: Deadline;
  effect: 'closes' | 'reopens';
}

function phaseEffects(round: RoundRecord, changed: Partial<RoundSettings>, now: number): PhaseEffect[] {
  return deadlines.flatMap((deadline): PhaseEffect[] => {
    const date = changed[deadline];
    if (date === undefined) return [];
    const openAfter = Date.parse(endOfBeijingDay(date)) >= now;
    const openNow = round[openFlag[deadline]];
    if (openNow && !openAfter) return [{ deadline, effect: 'closes' }];
    if (!openNow && openAfter) return [{ deadline, effect: 'reopens' }];
    return [];
  });
}

/** What changed, one line each, for the confirmation. */
function changesBetween(before: RoundSettings, after: RoundSettings, translate: (key: string) => string): string[] {
  const lines: string[] = [];
  for (const key of ['applicationDeadline', 'recommendationDeadline', 'ageCutoffDate'] as const) {
    if (before[key] !== after[key]) lines.push(`${translate(`resources.rounds.fields.${key}`)}：${before[key]} → ${after[key]}`);
  }
  const added = after.shortageSpecialties.filter((specialty) => !before.shortageSpecialties.includes(specialty));
  const removed = before.shortageSpecialties.filter((specialty) => !after.shortageSpecialties.includes(specialty));
  if (added.length) lines.push(`${translate('tepei.admin.rounds.specialtiesAdded')}：${added.join('、')}`);
  if (removed.length) lines.push(`${translate('tepei.admin.rounds.specialtiesRemoved')}：${removed.join('、')}`);
  return lines;
}

export const RoundSettingsForm = ({ round }: { round: RoundRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const initial = settingsOf(round);
  const [settings, setSettings] = useState<RoundSettings>(initial);
  const [confirming, setConfirming] = useState(false);
  const set = (key: keyof RoundSettings) => (value: string | string[]) => setSettings((current) => ({ ...current, [key]: value }));

  const outOfOrder = !!settings.applicationDeadline && !!settings.recommendationDeadline && settings.recommendationDeadline <= settings.applicationDeadline;
  const incomplete = !settings.applicationDeadline || !settings.recommendationDeadline || !settings.ageCutoffDate;
  // A passed deadline may be extended (reopening its phase), never moved earlier.
  const movedBack = (deadline: Deadline) => !round[openFlag[deadline]] && !!settings[deadline] && settings[deadline] < initial[deadline];
  const changes = changesBetween(initial, settings, translate);
  const changed = changedSettings(initial, settings);
  const effects = confirming ? phaseEffects(round, changed, Date.now()) : [];
  const closes = effects.filter((entry) => entry.effect === 'closes');
  const specialtiesChanged = changes.some((line) => line.startsWith(translate('tepei.admin.rounds.specialtiesAdded')) || line.startsWith(translate('tepei.admin.rounds.specialtiesRemoved')));

  const mutation = useMutation({
    mutationFn: () => updateRound(round.id, changed),
    onSuccess: async () => {
      // The list, this page when opened again and the quota page read the saved round, not the cache.
      await queryClient.invalidateQueries({ queryKey: ['rounds'] });
      setConfirming(false);
      notify('tepei.admin.rounds.saved', { type: 'success', messageArgs: { name: round.name } });
      redirect('list', 'rounds');
    },
    onError: () => setConfirming(false),
  });

  // Past the selection the API keeps the deadlines as they were: shown, not offered for change.
  const deadlinesFixed = pastSelection.has(round.phase);
  const deadlineHelper = (deadline: Deadline, problem: string | null) =>
    problem ??
    (deadlinesFixed
      ? translate('tepei.admin.rounds.deadlinesFixed', { phase: translate(`tepei.lifecycle.phase.${round.phase}`) })
      : movedBack(deadline)
        ? translate('tepei.admin.rounds.extendOnly', { date: initial[deadline] })
        : round[openFlag[deadline]]
          ? translate('tepei.admin.rounds.deadlineHint')
          : translate('tepei.admin.rounds.passedHint'));

  const dateField = (key: 'applicationDeadline' | 'recommendationDeadline' | 'ageCutoffDate', helper: string, error = false) => (
    <DateTextField
      label={translate(`resources.rounds.fields.${key}`)}
      value={settings[key]}
      onChange={set(key)}
      error={error}
      helperText={helper}
      required
      // Read-only rather than disabled: the date and why it stays are read in full contrast.
      slotProps={{ htmlInput: { 'data-testid': `round-${key}`, readOnly: key !== 'ageCutoffDate' && deadlinesFixed } }}
    />
  );

  return (
    <Box component="form" data-testid="round-settings" onSubmit={(event) => event.preventDefault()} sx={{ maxWidth: 900 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 3, mb: 3 }}>
        {dateField('applicationDeadline', deadlineHelper('applicationDeadline', null), movedBack('applicationDeadline'))}
        {dateField('recommendationDeadline', deadlineHelper('recommendationDeadline', outOfOrder ? translate('tepei.admin.rounds.outOfOrder') : null), outOfOrder || movedBack('recommendationDeadline'))}
        {dateField('ageCutoffDate', translate('tepei.admin.rounds.ageCutoffHint', { cutoff: `${round.year - 45}-01-01` }))}
      </Box>
      <Autocomplete
        multiple
        freeSolo
        options={[] as string[]}
        value={settings.shortageSpecialties}
        onChange={(_event, value) => set('shortageSpecialties')([...new Set(value.map((specialty) => specialty.trim()).filter(Boolean))])}
        renderValue={(values, getItemProps) =>
          values.map((specialty, index) => {
            const { key, ...itemProps } = getItemProps({ index });
            return <Chip key={key} label={specialty} size="small" {...itemProps} />;
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('resources.rounds.fields.shortageSpecialties')}
            helperText={translate('tepei.admin.rounds.specialtiesHint')}
            inputProps={{ ...params.inputProps, 'data-testid': 'round-shortageSpecialties' }}
          />
        )}
      />
      {mutation.error ? (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="round-error">
          {mutation.error.message}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={2} sx={{ mt: 3, alignItems: 'center' }}>
        <Button
          variant="contained"
          startIcon={<SaveIcon />}
          disabled={outOfOrder || incomplete || deadlines.some(movedBack) || !changes.length || mutation.isPending}
          onClick={() => setConfirming(true)}
          data-testid="round-save"
        >
          {translate('ra.action.save')}
        </Button>
        {!changes.length ? (
          <Typography variant="body2" color="text.secondary">
            {translate('tepei.admin.rounds.unchanged')}
          </Typography>
        ) : null}
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={mutation.isPending}
        title={
          closes.length
            ? translate('tepei.admin.rounds.confirmClosesTitle', { phases: closes.map((entry) => translate(`tepei.admin.rounds.phaseName.${entry.deadline}`)).join('、') })
            : translate('tepei.admin.rounds.confirmTitle', { name: round.name })
        }
        content={
          <Box data-testid="round-confirm">
            {changes.map((line) => (
              <Typography key={line} variant="body2">
                {line}
              </Typography>
            ))}
            {effects.map(({ deadline, effect }) => (
              <Alert key={deadline} severity={effect === 'closes' ? 'warning' : 'info'} sx={{ mt: 2 }} data-testid={`round-${effect}-${deadline}`}>
                {translate(`tepei.admin.rounds.${effect}.${deadline}`, { date: settings[deadline] })}
              </Alert>
            ))}
            {specialtiesChanged ? (
              <Alert severity="info" sx={{ mt: 2 }}>
                {translate('tepei.admin.rounds.specialtiesEffect')}
              </Alert>
            ) : null}
          </Box>
        }
        confirm={closes.length ? 'tepei.admin.rounds.confirmCloses' : 'ra.action.save'}
        confirmColor={closes.length ? 'warning' : 'primary'}
        onConfirm={() => mutation.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
