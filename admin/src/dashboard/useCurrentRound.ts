import { useQuery } from '@tanstack/react-query';
import { currentRound } from '../dataProvider/aggregates.ts';

/** The round the dashboard is about (`currentRound` of the API). */
export function useCurrentRound() {
  return useQuery({ queryKey: ['dashboard', 'currentRound'], queryFn: currentRound });
}
