// The round a page of the round lifecycle works on (培养单位分配, 训前培训与开始培养): chosen in a
// select and kept in the page's address (?round=), by default the first round in one of the
// page's own phases, else the latest.
import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { RoundPhase } from '../../../prisma/src/reference/round-phases.ts';
import { readQuery } from '../common/readQuery.ts';

export interface RoundChoice {
  id: string;
  name: string;
  year: number;
  phase: RoundPhase;
}

export function useChosenRound(preferredPhases: readonly RoundPhase[]) {
  const [params, setParams] = useSearchParams();
  const rounds = useQuery({ queryKey: ['rounds', 'choices'], queryFn: async () => (await readQuery<{ rounds: RoundChoice[] }>('{ rounds { id name year phase } }')).rounds });
  const chosenId = params.get('round') ?? rounds.data?.find((round) => preferredPhases.includes(round.phase))?.id ?? rounds.data?.[0]?.id ?? '';
  return { rounds, chosen: rounds.data?.find((round) => round.id === chosenId), choose: (id: string) => setParams({ round: id }) };
}

export const RoundSelect = ({ rounds, chosen, onChange, testId }: { rounds: RoundChoice[] | undefined; chosen: RoundChoice | undefined; onChange: (id: string) => void; testId?: string }) => {
  const t = useTranslate();
  return (
    <TextField
      select
      size="small"
      label={t('tepei.lifecycle.round')}
      value={chosen?.id ?? ''}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 200 }}
      SelectProps={{ SelectDisplayProps: (testId ? { 'data-testid': testId } : {}) as object }}
    >
      {(rounds ?? []).map((round) => (
        <MenuItem key={round.id} value={round.id}>
          {round.name}（{t(`tepei.lifecycle.phase.${round.phase}`)}）
        </MenuItem>
      ))}
    </TextField>
  );
};
