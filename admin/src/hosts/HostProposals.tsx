// 待审核的培养单位: hosts applicants named on form 3 that the registry does not list. The admin
// lists one (completing its entry; every preference of that name is then linked) or refuses it.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FunctionField, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { LocalListGrid } from '../common/ListGrid.tsx';
import { readQuery } from '../common/readQuery.ts';
import { callMutation } from '../dataProvider/callMutation.ts';
import { HostForm, type HostInput } from './HostForm.tsx';

interface Proposal {
  id: string;
  name: string;
  proposedAt: string;
  preferenceCount: number;
}

/** A proposal's two buttons, each naming the proposed host to a screen reader. */
const ProposalActions = ({ proposal, onAccept, onRefuse }: { proposal: Proposal; onAccept: (proposal: Proposal) => void; onRefuse: (proposal: Proposal) => void }) => {
  const t = useTranslate();
  const [accept, refuse] = [t('tepei.lifecycle.accept'), t('tepei.lifecycle.refuse')];
  return (
    <Stack direction="row" spacing={1} component="span" sx={{ display: 'inline-flex' }}>
      <Button size="small" onClick={() => onAccept(proposal)} aria-label={t('tepei.lifecycle.actionOn', { action: accept, name: proposal.name })} data-testid={`accept-${proposal.name}`}>
        {accept}
      </Button>
      <Button size="small" color="error" onClick={() => onRefuse(proposal)} aria-label={t('tepei.lifecycle.actionOn', { action: refuse, name: proposal.name })}>
        {refuse}
      </Button>
    </Stack>
  );
};

const acceptMutation = { field: 'acceptHostProposal', variables: '$id: ID!, $input: HostInstitutionInput!', data: 'id' };
const refuseMutation = { field: 'refuseHostProposal', variables: '$id: ID!, $reason: String!', data: 'id status' };

export const HostProposals = () => {
  const t = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  const regional = permissions?.role === 'REGIONAL';
  const queryClient = useQueryClient();
  const proposals = useQuery({ queryKey: ['hostProposals'], queryFn: async () => (await readQuery<{ hostProposals: Proposal[] }>('{ hostProposals { id name proposedAt preferenceCount } }')).hostProposals });
  const [accepting, setAccepting] = useState<Proposal | null>(null);
  const [refusing, setRefusing] = useState<Proposal | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['hostProposals'] }), queryClient.invalidateQueries({ queryKey: ['hostInstitutions'] })]);
  const accept = async (input: HostInput) => {
    await callMutation(acceptMutation, { id: accepting!.id, input });
    setAccepting(null);
    notify(t('tepei.lifecycle.hostSaved'), { type: 'success' });
    await refresh();
  };
  const refuse = async () => {
    setError(null);
    try {
      await callMutation(refuseMutation, { id: refusing!.id, reason });
      setRefusing(null);
      setReason('');
      await refresh();
    } catch (cause) {
      setError((cause as Error).message);
    }
  };
  if (proposals.error) return <Alert severity="error">{(proposals.error as Error).message}</Alert>;
  return (
    <Stack spacing={1} data-testid="host-proposals">
      <Typography variant="h6" component="h2">{t('tepei.lifecycle.proposals')}</Typography>
      {proposals.data?.length === 0 ? <Typography color="text.secondary">{t('tepei.lifecycle.noProposals')}</Typography> : null}
      {proposals.data?.length ? (
        <LocalListGrid
          rows={proposals.data}
          phone={{
            primaryText: (proposal: Proposal) => proposal.name,
            secondaryText: (proposal: Proposal) => t('tepei.lifecycle.proposalCount', { count: proposal.preferenceCount }),
            tertiaryText: (proposal: Proposal) => (regional ? <ProposalActions proposal={proposal} onAccept={setAccepting} onRefuse={setRefusing} /> : null),
          }}
        >
          <FunctionField label="tepei.lifecycle.hostName" render={(proposal: Proposal) => proposal.name} />
          <FunctionField label="tepei.lifecycle.preferences" render={(proposal: Proposal) => proposal.preferenceCount} />
          {regional ? <FunctionField render={(proposal: Proposal) => <ProposalActions proposal={proposal} onAccept={setAccepting} onRefuse={setRefusing} />} /> : null}
        </LocalListGrid>
      ) : null}
      {accepting ? <HostForm title={t('tepei.lifecycle.actionOn', { action: t('tepei.lifecycle.accept'), name: accepting.name })} initial={{ name: accepting.name }} onSave={accept} onClose={() => setAccepting(null)} /> : null}
      <Dialog open={!!refusing} onClose={() => setRefusing(null)} fullWidth maxWidth="xs">
        <DialogTitle>{t('tepei.lifecycle.actionOn', { action: t('tepei.lifecycle.refuse'), name: refusing?.name ?? '' })}</DialogTitle>
        <DialogContent>
          <TextField label={t('tepei.lifecycle.refuseReason')} value={reason} onChange={(event) => setReason(event.target.value)} fullWidth multiline sx={{ mt: 1 }} />
          {error ? <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRefusing(null)}>{t('tepei.lifecycle.cancel')}</Button>
          <Button variant="contained" color="error" onClick={refuse}>{t('tepei.lifecycle.refuse')}</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
