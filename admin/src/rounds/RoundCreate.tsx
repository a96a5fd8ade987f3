// 新建年度: the regional admin opens next year's round, the form filled from the API's
// nextRoundDraft (the latest round's settings a year on, age cut-off 1 January of year − 45).
// The round starts in preparation, invisible to applicants until its phase is advanced.
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useNotify, useRedirect, useTranslate } from 'react-admin';
import { DateTextField, isCalendarDate } from '../common/DateInput.tsx';
import { beijingDate, endOfBeijingDay } from '../common/format.ts';
import { readQuery } from '../common/readQuery.ts';
import { callMutation } from '../dataProvider/callMutation.ts';
import type { RoundRecord } from './types.ts';

/** The API's nextRoundDraft: the settings a new round starts from, as a round holds them. */
type Draft = Pick<
  RoundRecord,
  'year' | 'applicationDeadline' | 'recommendationDeadline' | 'ageCutoffDate' | 'remotePlaces' | 'localPlaces' | 'trainingMonths' | 'shortageSpecialties'
>;

const draftQuery = '{ nextRoundDraft { year applicationDeadline recommendationDeadline ageCutoffDate remotePlaces localPlaces trainingMonths shortageSpecialties } }';

const dateNames = ['noticeDate', 'applicationDeadline', 'recommendationDeadline', 'ageCutoffDate'] as const;
type DateName = (typeof dateNames)[number];

const createRoundMutation = { field: 'createRound', variables: '$input: CreateRoundInput!', data: 'id name' };

function splitList(value: string): string[] {
  return value.split(/[,，、;；\n]/).map((item) => item.trim()).filter(Boolean);
}

const RoundCreateForm = ({ draft }: { draft: Draft }) => {
  const t = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    year: String(draft.year),
    noticeNumber: '',
    noticeDate: '',
    applicationDeadline: beijingDate(draft.applicationDeadline),
    recommendationDeadline: beijingDate(draft.recommendationDeadline),
    ageCutoffDate: draft.ageCutoffDate,
    remotePlaces: String(draft.remotePlaces),
    localPlaces: String(draft.localPlaces),
    trainingMonths: String(draft.trainingMonths),
    shortageSpecialties: draft.shortageSpecialties.join('、'),
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (name: keyof typeof values, type = 'text') => (
    <TextField
      label={t(`tepei.lifecycle.${name}`)}
      type={type}
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      inputProps={{ 'data-testid': `round-${name}` }}
      fullWidth
    />
  );
  /** A date typed as 年-月-日 (common/DateInput.tsx), whatever the browser's language. */
  const dateField = (name: DateName) => (
    <DateTextField
      label={t(`tepei.lifecycle.${name}`)}
      value={values[name]}
      onChange={(value) => setValues({ ...values, [name]: value })}
      required={name === 'applicationDeadline' || name === 'recommendationDeadline'}
      slotProps={{ htmlInput: { 'data-testid': `round-${name}` } }}
      fullWidth
    />
  );
  // The two deadlines are needed; the notice date and the age cut-off may be left empty.
  const datesReady = dateNames.every((name) => (values[name] === '' ? name === 'noticeDate' || name === 'ageCutoffDate' : isCalendarDate(values[name])));
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const created = await callMutation<{ id: string; name: string }>(createRoundMutation, {
        input: {
          year: Number(values.year),
          noticeNumber: values.noticeNumber || null,
          noticeDate: values.noticeDate || null,
          applicationDeadline: endOfBeijingDay(values.applicationDeadline),
          recommendationDeadline: endOfBeijingDay(values.recommendationDeadline),
          ageCutoffDate: values.ageCutoffDate || null,
          remotePlaces: Number(values.remotePlaces),
          localPlaces: Number(values.localPlaces),
          trainingMonths: Number(values.trainingMonths),
          shortageSpecialties: splitList(values.shortageSpecialties),
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['rounds'] });
      notify(t('tepei.lifecycle.created', { name: created.name }), { type: 'success' });
      redirect(`/rounds/${encodeURIComponent(created.id)}`);
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {field('year', 'number')}
        {field('noticeNumber')}
        {dateField('noticeDate')}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {dateField('applicationDeadline')}
        {dateField('recommendationDeadline')}
        {dateField('ageCutoffDate')}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {field('remotePlaces', 'number')}
        {field('localPlaces', 'number')}
        {field('trainingMonths', 'number')}
      </Stack>
      {field('shortageSpecialties')}
      {error ? <Alert severity="error" data-testid="round-create-error">{error}</Alert> : null}
      <Box>
        <Button variant="contained" onClick={save} disabled={saving || !datesReady} data-testid="round-create-save">
          {t('tepei.lifecycle.save')}
        </Button>
      </Box>
    </Stack>
  );
};

export const RoundCreate = () => {
  const t = useTranslate();
  const draft = useQuery({ queryKey: ['rounds', 'nextRoundDraft'], queryFn: () => readQuery<{ nextRoundDraft: Draft }>(draftQuery) });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('tepei.lifecycle.createRound')} />
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {t('tepei.lifecycle.createTitle')}
        </Typography>
        {draft.error ? <Alert severity="error">{(draft.error as Error).message}</Alert> : draft.data ? <RoundCreateForm draft={draft.data.nextRoundDraft} /> : <Loading />}
      </CardContent>
    </Card>
  );
};
