// 培养单位名录: the registry the regional admin keeps (analysts read it), each host with its
// mode (from its province) and the places it offers in the current round; below, the hosts
// applicants proposed that await a decision.
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FunctionField, Loading, Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { LocalListGrid } from '../common/ListGrid.tsx';
import { readQuery } from '../common/readQuery.ts';
import { callMutation } from '../dataProvider/callMutation.ts';
import { HostForm, type HostInput, type HostRecord } from './HostForm.tsx';
import { HostProposals } from './HostProposals.tsx';

type HostRow = HostRecord & { places: { mode: 'REMOTE' | 'LOCAL'; places: number }[] };

const hostsQuery = `query($round: ID!) {
  hostInstitutions { id name province kind mode specialties mentors contactName contactPhone address places(roundId: $round) { mode places } }
}`;

const createMutation = { field: 'createHostInstitution', variables: '$input: HostInstitutionInput!', data: 'id' };
const updateMutation = { field: 'updateHostInstitution', variables: '$id: ID!, $input: HostInstitutionInput!', data: 'id' };
const placesMutation = { field: 'setHostPlaces', variables: '$roundId: ID!, $hostId: ID!, $mode: TrainingMode!, $places: Int!', data: 'places' };

async function loadHosts() {
  const { currentRound } = await readQuery<{ currentRound: { id: string; name: string } | null }>('{ currentRound { id name } }');
  if (!currentRound) return { round: null, hosts: [] as HostRow[] };
  const data = await readQuery<{ hostInstitutions: HostRow[] }>(hostsQuery, { round: currentRound.id });
  return { round: currentRound, hosts: data.hostInstitutions };
}

interface Round {
  id: string;
  name: string;
}

const PlacesCell = ({ host, round, editable }: { host: HostRow; round: Round; editable: boolean }) => {
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const current = host.places.find((row) => row.mode === host.mode)?.places ?? 0;
  const [value, setValue] = useState(String(current));
  if (!editable) return <span>{current}</span>;
  const save = async () => {
    try {
      await callMutation(placesMutation, { roundId: round.id, hostId: host.id, mode: host.mode, places: Number(value) });
      notify(t('tepei.lifecycle.placesSaved'), { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['hostInstitutions'] });
    } catch (cause) {
      notify((cause as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      {/* Named by its aria-label, so no room is kept for a label; react-admin's theme widens every
          input to the whole width on a phone, where it sits beside its words. */}
      <TextField
        size="small"
        type="number"
        hiddenLabel
        value={value}
        onChange={(event) => setValue(event.target.value)}
        sx={{ width: 80, maxWidth: 80 }}
        inputProps={{ 'data-testid': `places-${host.name}`, 'aria-label': t('tepei.lifecycle.placesOf', { name: host.name, round: round.name }) }}
      />
      {value !== String(current) ? <Button size="small" onClick={save}>{t('tepei.lifecycle.save')}</Button> : null}
    </Stack>
  );
};

/** The headers and the short words on one line; the names and mentors wrap. */
const columns = { '& .RaDatagrid-headerCell, & td.column-province, & td.column-kind, & td.column-mode': { whiteSpace: 'nowrap' } };

/** A host on a phone: its name and the button to its entry, then where it is, and its places. */
const phoneRow = (round: Round | null, regional: boolean, edit: (host: HostRow) => void) => ({
  primaryText: (host: HostRow) => host.name,
  tertiaryText: (host: HostRow) => (regional ? <EditHostButton host={host} onClick={edit} /> : null),
  // A Typography itself, which MUI does not wrap in a <p>: the places' input may sit inside.
  secondaryText: (host: HostRow) => (
    <Typography component="div" variant="body2" color="text.secondary">
      <HostSummary host={host} round={round} regional={regional} />
    </Typography>
  ),
});

const HostSummary = ({ host, round, regional }: { host: HostRow; round: Round | null; regional: boolean }) => {
  const t = useTranslate();
  return (
    <>
      {[host.province, t(`tepei.lifecycle.kinds.${host.kind}`), t(`tepei.lifecycle.modes.${host.mode}`)].join(' · ')}
      {round ? (
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5 }}>
          <span>{t('tepei.lifecycle.placesIn', { round: round.name })}</span>
          <PlacesCell host={host} round={round} editable={regional} />
        </Stack>
      ) : null}
    </>
  );
};

const EditHostButton = ({ host, onClick }: { host: HostRow; onClick: (host: HostRow) => void }) => {
  const t = useTranslate();
  const action = t('ra.action.edit');
  return (
    <Button size="small" onClick={() => onClick(host)} aria-label={t('tepei.lifecycle.actionOn', { action, name: host.name })}>
      {action}
    </Button>
  );
};

export const HostsPage = () => {
  const t = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  const regional = permissions?.role === 'REGIONAL';
  const queryClient = useQueryClient();
  const hosts = useQuery({ queryKey: ['hostInstitutions'], queryFn: loadHosts });
  const [editing, setEditing] = useState<Partial<HostRecord> | null>(null);
  const save = async (input: HostInput) => {
    if (editing?.id) await callMutation(updateMutation, { id: editing.id, input });
    else await callMutation(createMutation, { input });
    setEditing(null);
    notify(t('tepei.lifecycle.hostSaved'), { type: 'success' });
    await queryClient.invalidateQueries({ queryKey: ['hostInstitutions'] });
  };
  const round = hosts.data?.round ?? null;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('tepei.lifecycle.hosts')} />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction="row" justifyContent="space-between" alignItems="center" flexWrap="wrap" useFlexGap spacing={1}>
            <Typography variant="h6" component="h2">{t('tepei.lifecycle.hosts')}</Typography>
            {regional ? <Button variant="contained" onClick={() => setEditing({})} data-testid="add-host">{t('tepei.lifecycle.addHost')}</Button> : null}
          </Stack>
          {hosts.error ? <Alert severity="error">{(hosts.error as Error).message}</Alert> : null}
          {hosts.isPending ? <Loading /> : null}
          {hosts.data ? (
            <LocalListGrid rows={hosts.data.hosts} phone={phoneRow(round, regional, setEditing)} sx={columns} data-testid="host-list">
              <FunctionField source="name" sortable={false} label="tepei.lifecycle.hostName" render={(host: HostRow) => host.name} />
              <FunctionField source="province" sortable={false} label="tepei.lifecycle.province" render={(host: HostRow) => host.province} />
              <FunctionField source="kind" sortable={false} label="tepei.lifecycle.kind" render={(host: HostRow) => t(`tepei.lifecycle.kinds.${host.kind}`)} />
              <FunctionField source="mode" sortable={false} label="tepei.lifecycle.mode" render={(host: HostRow) => t(`tepei.lifecycle.modes.${host.mode}`)} />
              <FunctionField source="mentors" sortable={false} label="tepei.lifecycle.mentor" render={(host: HostRow) => host.mentors.join('、')} />
              {round ? <FunctionField source="places" sortable={false} label={t('tepei.lifecycle.placesIn', { round: round.name })} render={(host: HostRow) => <PlacesCell host={host} round={round} editable={regional} />} /> : null}
              {regional ? <FunctionField render={(host: HostRow) => <EditHostButton host={host} onClick={setEditing} />} /> : null}
            </LocalListGrid>
          ) : null}
          <Box>
            <HostProposals />
          </Box>
        </Stack>
        {editing ? <HostForm title={t(editing.id ? 'tepei.lifecycle.editHost' : 'tepei.lifecycle.addHost')} initial={editing} onSave={save} onClose={() => setEditing(null)} /> : null}
      </CardContent>
    </Card>
  );
};
