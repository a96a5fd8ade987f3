// Which rounds are finished (Round.isFinished: recommendations closed and every application
// settled). Until then the regional admin may still change a round's settings — extend or
// reopen a deadline — and its quotas, as the API allows; a finished round is read-only.
import { useQuery } from '@tanstack/react-query';
import { parse } from 'graphql';
import { client } from '../dataProvider/client.ts';
import { toApiError } from '../dataProvider/errors.ts';

export const finishedRoundsQuery = 'query FinishedRounds { rounds { id isFinished } }';

async function finishedRounds(): Promise<Set<string>> {
  try {
    const { data } = await client.query<{ rounds: { id: string; isFinished: boolean }[] }>({ query: parse(finishedRoundsQuery) });
    return new Set(data.rounds.filter((round) => round.isFinished).map((round) => round.id));
  } catch (error) {
    throw toApiError(error);
  }
}

/** The ids of the finished rounds; under the rounds' query key, so saving a round refreshes it too. */
export function useFinishedRounds() {
  return useQuery({ queryKey: ['rounds', 'finished'], queryFn: finishedRounds });
}
