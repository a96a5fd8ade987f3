// 培养单位分配: for a round in its placement phase, the regional admin proposes a placement
// (the API's deferred acceptance over form-3 preferences and each host's places), sees who got
// which preference and who is left unplaced and why, moves a trainee by hand with a reason,
// and confirms, which writes the training records; analysts read the same page.
import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FunctionField, Loading, Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DateTextField, isCalendarDate } from '../common/DateInput.tsx';
import { LocalListGrid } from '../common/ListGrid.tsx';
import { readQuery } from '../common/readQuery.ts';
import { callMutation } from '../dataProvider/callMutation.ts';
import { useRoundPhase } from '../rounds/RoundPhaseActions.tsx';
import { RoundSelect, useChosenRound } from '../rounds/RoundSelect.tsx';

interface Host {
  id: string;
  name: string;
  mode: 'REMOTE' | 'LOCAL';
}

interface PlacementRow {
  status: 'PROPOSED' | 'CONFIRMED';
  application: { id: string; name: string; serialNumber: string | null; mode: 'REMOTE' | 'LOCAL' };
  host: Host | null;
  mentor: string | null;
  preferenceRank: number | null;
  unplacedReason: string | null;
  movedReason: string | null;
}

/** A host's places in the round, and how many of them the placement fills. */
type HostLoad = Overview['hosts'][number];

interface Overview {
  placedCount: number;
  unplacedCount: number;
  confirmed: boolean;
  hosts: { host: Host; mode: string; places: number; placed: number }[];
  placements: PlacementRow[];
}

/** The headers and the short words on one line; names and reasons wrap. */
const placementColumns = { '& .RaDatagrid-headerCell, & td.column-mode, & td.column-rank': { whiteSpace: 'nowrap' } };

/** A row of the grid: the trainee's application names it. */
type PlacementGridRow = PlacementRow & { id: string };

const traineeOf = (row: PlacementRow) => [row.application.serialNumber, row.application.name].filter(Boolean).join(' ');

const MoveButton = ({ row, onClick }: { row: PlacementRow; onClick: (row: PlacementRow) => void }) => {
  const t = useTranslate();
  const action = t('tepei.lifecycle.move');
  return (
    <Button size="small" onClick={() => onClick(row)} aria-label={t('tepei.lifecycle.actionOn', { action, name: traineeOf(row) })} data-testid={`move-${row.application.name}`}>
      {action}
    </Button>
  );
};

const overviewFields = `placedCount unplacedCount confirmed
  hosts { host { id name mode } mode places placed }
  placements { status application { id name serialNumber mode } host { id name mode } mentor preferenceRank unplacedReason movedReason }`;

const proposeMutation = { field: 'proposePlacement', variables: '$roundId: ID!', data: 'placedCount' };
const confirmMutation = { field: 'confirmPlacement', variables: '$roundId: ID!, $startsOn: Date!', data: 'placedCount' };
const moveMutation = { field: 'movePlacement', variables: '$applicationId: ID!, $hostId: ID!, $mentor: String, $reason: String!', data: 'status' };

const MoveDialog = ({ row, hosts, onDone, onClose }: { row: PlacementRow; hosts: Overview['hosts']; onDone: () => Promise<void>; onClose: () => void }) => {
  const t = useTranslate();
  const [hostId, setHostId] = useState(row.host?.id ?? '');
  const [mentor, setMentor] = useState(row.mentor ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = hosts.filter((load) => load.host.mode === row.application.mode);
  const move = async () => {
    setError(null);
    try {
      await callMutation(moveMutation, { applicationId: row.application.id, hostId, mentor: mentor || null, reason });
      await onDone();
    } catch (cause) {
      setError((cause as Error).message);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('tepei.lifecycle.moveTitle', { name: row.application.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label={t('tepei.lifecycle.host')} value={hostId} onChange={(event) => setHostId(event.target.value)} SelectProps={{ SelectDisplayProps: { 'data-testid': 'move-host' } as object }}>
            {choices.map((load) => (
              <MenuItem key={load.host.id} value={load.host.id}>
                {load.host.name}（{load.placed}/{load.places}）
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('tepei.lifecycle.mentor')} value={mentor} onChange={(event) => setMentor(event.target.value)} />
          <TextField label={t('tepei.lifecycle.moveReason')} value={reason} onChange={(event) => setReason(event.target.value)} multiline inputProps={{ 'data-testid': 'move-reason' }} />
          {error ? <Alert severity="error" data-testid="move-error">{error}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('tepei.lifecycle.cancel')}</Button>
        <Button variant="contained" onClick={move} disabled={!hostId} data-testid="move-save">{t('tepei.lifecycle.move')}</Button>
      </DialogActions>
    </Dialog>
  );
};

const RoundPlacement = ({ roundId }: { roundId: string }) => {
  const t = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  const queryClient = useQueryClient();
  const phase = useRoundPhase(roundId);
  const overview = useQuery({
    queryKey: ['placement', roundId],
    queryFn: async () => (await readQuery<{ roundPlacement: Overview }>(`query($id: ID!) { roundPlacement(roundId: $id) { ${overviewFields} } }`, { id: roundId })).roundPlacement,
  });
  const [moving, setMoving] = useState<PlacementRow | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [startsOn, setStartsOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['placement', roundId] });
  const hostOf = (row: PlacementRow) => row.host?.name ?? t('tepei.lifecycle.unplaced');
  const rankOf = (row: PlacementRow) => (row.host ? (row.preferenceRank ? t('tepei.lifecycle.rankN', { rank: row.preferenceRank }) : t('tepei.lifecycle.outside')) : '');
  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      notify(t(done), { type: 'success' });
      await refresh();
    } catch (cause) {
      setError((cause as Error).message);
    }
  };
  if (overview.error) return <Alert severity="error">{(overview.error as Error).message}</Alert>;
  if (!overview.data || !phase.data) return <Loading />;
  const data = overview.data;
  const editable = permissions?.role === 'REGIONAL' && phase.data.phase === 'PLACEMENT' && !data.confirmed;
  return (
    <Stack spacing={2} data-testid="placement-page">
      {phase.data.phase !== 'PLACEMENT' && !data.confirmed ? <Alert severity="info">{t('tepei.lifecycle.notInPhase')}</Alert> : null}
      {/* Counts of a proposal: before there is one, the table says so. */}
      {data.placements.length ? (
        <Typography data-testid="placement-summary">
          {t('tepei.lifecycle.placed', { placed: data.placedCount, unplaced: data.unplacedCount })}
          {data.confirmed ? ` · ${t('tepei.lifecycle.confirmed')}` : ''}
        </Typography>
      ) : null}
      {editable ? (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => act(() => callMutation(proposeMutation, { roundId }), 'tepei.lifecycle.proposed')} data-testid="propose-placement">
            {t('tepei.lifecycle.propose')}
          </Button>
          <Button variant="contained" disabled={!data.placements.length} onClick={() => setConfirming(true)} data-testid="confirm-placement">
            {t('tepei.lifecycle.confirmPlacement')}
          </Button>
        </Stack>
      ) : null}
      {error ? <Alert severity="error" data-testid="placement-error">{error}</Alert> : null}
      <LocalListGrid
        rows={data.placements.map((row): PlacementGridRow => ({ ...row, id: row.application.id }))}
        phone={{
          primaryText: traineeOf,
          secondaryText: (row: PlacementRow) => [t(`tepei.lifecycle.modes.${row.application.mode}`), hostOf(row), rankOf(row), row.mentor, row.movedReason ?? row.unplacedReason].filter(Boolean).join(' · '),
          tertiaryText: (row: PlacementRow) => (editable ? <MoveButton row={row} onClick={setMoving} /> : null),
        }}
        empty={
          <Typography color="text.secondary" data-testid="placement-table">
            {t('tepei.lifecycle.noPlacement')}
          </Typography>
        }
        sx={placementColumns}
        data-testid="placement-table"
      >
        <FunctionField source="trainee" sortable={false} label="tepei.lifecycle.trainee" render={traineeOf} />
        <FunctionField source="mode" sortable={false} label="tepei.lifecycle.mode" render={(row: PlacementRow) => t(`tepei.lifecycle.modes.${row.application.mode}`)} />
        <FunctionField source="host" sortable={false} label="tepei.lifecycle.host" render={hostOf} />
        <FunctionField source="rank" sortable={false} label="tepei.lifecycle.rank" render={rankOf} />
        <FunctionField source="mentor" sortable={false} label="tepei.lifecycle.mentor" render={(row: PlacementRow) => row.mentor ?? ''} />
        <FunctionField source="reason" sortable={false} label="tepei.lifecycle.reason" render={(row: PlacementRow) => row.movedReason ?? row.unplacedReason ?? ''} />
        {editable ? <FunctionField render={(row: PlacementRow) => <MoveButton row={row} onClick={setMoving} />} /> : null}
      </LocalListGrid>
      <Typography variant="subtitle1" component="h3">{t('tepei.lifecycle.hostLoad')}</Typography>
      <LocalListGrid
        rows={data.hosts.filter((load) => load.places > 0 || load.placed > 0).map((load) => ({ ...load, id: `${load.host.id}:${load.mode}` }))}
        phone={{ primaryText: (load: HostLoad) => load.host.name, secondaryText: (load: HostLoad) => `${t(`tepei.lifecycle.modes.${load.mode}`)} · ${load.placed} / ${load.places}` }}
        sx={placementColumns}
      >
        <FunctionField source="host" sortable={false} label="tepei.lifecycle.host" render={(load: HostLoad) => load.host.name} />
        <FunctionField source="mode" sortable={false} label="tepei.lifecycle.mode" render={(load: HostLoad) => t(`tepei.lifecycle.modes.${load.mode}`)} />
        <FunctionField source="load" sortable={false} label="tepei.lifecycle.hostLoad" render={(load: HostLoad) => `${load.placed} / ${load.places}`} />
      </LocalListGrid>
      {moving ? (
        <MoveDialog
          row={moving}
          hosts={data.hosts}
          onClose={() => setMoving(null)}
          onDone={async () => {
            setMoving(null);
            notify(t('tepei.lifecycle.moved'), { type: 'success' });
            await refresh();
          }}
        />
      ) : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>{t('tepei.lifecycle.confirmPlacement')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{t('tepei.lifecycle.confirmTitle')}</Typography>
          <DateTextField label={t('tepei.lifecycle.startsOn')} value={startsOn} onChange={setStartsOn} slotProps={{ htmlInput: { 'data-testid': 'placement-starts-on' } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('tepei.lifecycle.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!isCalendarDate(startsOn)}
            data-testid="confirm-placement-ok"
            onClick={() => {
              setConfirming(false);
              void act(() => callMutation(confirmMutation, { roundId, startsOn }), 'tepei.lifecycle.confirmed');
            }}
          >
            {t('tepei.lifecycle.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

const placementPhases = ['PLACEMENT'] as const;

export const PlacementPage = () => {
  const t = useTranslate();
  const { rounds, chosen, choose } = useChosenRound(placementPhases);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('tepei.lifecycle.placement')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">{t('tepei.lifecycle.placement')}</Typography>
          {rounds.error ? <Alert severity="error">{(rounds.error as Error).message}</Alert> : null}
          <Box>
            <RoundSelect rounds={rounds.data} chosen={chosen} onChange={choose} />
          </Box>
          {chosen ? <RoundPlacement key={chosen.id} roundId={chosen.id} /> : null}
        </Stack>
      </CardContent>
    </Card>
  );
};
