// The aggregates more than one card reads, fetched once (react-query shares them by key).
import { useQuery } from '@tanstack/react-query';
import { deadlineProgress } from '../dataProvider/aggregates.ts';
import { useCurrentRound } from './useCurrentRound.ts';

/** deadlineProgress of the current round, within the signed-in user's scope. */
export function useDeadlineProgress() {
  const round = useCurrentRound();
  const progress = useQuery({
    queryKey: ['dashboard', 'deadlineProgress', round.data?.year],
    queryFn: () => deadlineProgress(round.data!.year),
    enabled: !!round.data,
  });
  return { round, progress, isPending: round.isPending || (!!round.data && progress.isPending), error: round.error ?? progress.error };
}

/** A share as reviewers read it: 42.5%. */
export function percent(count: number, total: number): string {
  return total > 0 ? `${((count / total) * 100).toFixed(1).replace(/\.0$/, '')}%` : '0%';
}
