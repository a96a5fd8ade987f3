// Applications of the current round per area, counted by the API (applicationCounts by AREA):
// one request for the whole list, shared by its rows.
import { useQuery } from '@tanstack/react-query';
import { useRecordContext } from 'react-admin';
import { areaCounts, currentRound } from '../dataProvider/aggregates.ts';

function useCurrentRoundAreaCounts() {
  return useQuery({
    queryKey: ['areas', 'currentRoundCounts'],
    queryFn: async () => {
      const round = await currentRound();
      return round ? new Map((await areaCounts(round.year)).map((line) => [line.areaId, line.count])) : new Map<string, number>();
    },
  });
}

export const AreaApplicationCount = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ id: string }>();
  const { data } = useCurrentRoundAreaCounts();
  if (!record || !data) return null;
  return <span data-testid={`area-applications-${record.id}`}>{data.get(record.id) ?? 0}</span>;
};
