// The dashboard's numbers, counted by the API (quotaUsage, applicationCounts, myReviewQueue)
// rather than from lists in the browser.
import { parse } from 'graphql';
import { client } from './client.ts';
import { ApiError, toApiError } from './errors.ts';

export interface Round {
  id: string;
  name: string;
  year: number;
  remotePlaces: number;
  localPlaces: number;
  applicationDeadline: string;
  recommendationDeadline: string;
  isOpenForApplications: boolean;
}

export interface QuotaLine {
  mode: 'REMOTE' | 'LOCAL';
  area: { id: string; name: string } | null;
  places: number;
  used: number;
  reserved: number;
  remaining: number;
}

export interface StatusCount {
  status: string;
  label: string;
  count: number;
}

export interface ReviewQueue {
  size: number;
  oldestWaitingSince: string | null;
  oldestApplication: { id: string; name: string; status: string } | null;
}

/** The dashboard's queries, by name (checked against the schema by test/e2e/console-queries.test.ts). */
export const aggregateQueries = {
  currentRound: `query CurrentRound {
    currentRound { id name year remotePlaces localPlaces applicationDeadline recommendationDeadline isOpenForApplications }
  }`,
  quotaUsage: `query QuotaUsage($roundId: ID!) { quotaUsage(roundId: $roundId) { mode area { id name } places used reserved remaining } }`,
  statusCounts: `query StatusCounts($roundYear: Int) {
    applicationCounts(roundYear: $roundYear, groupBy: [STATUS]) {
      __typename
      ... on QueryApplicationCountsSuccess { data { count keys { value label } } }
      ... on Error { code message }
    }
  }`,
  myReviewQueue: `query MyReviewQueue($roundYear: Int) { myReviewQueue(roundYear: $roundYear) { size oldestWaitingSince oldestApplication { id name status } } }`,
};

async function read<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  try {
    const { data } = await client.query<Data>({ query: parse(query), variables });
    return data;
  } catch (error) {
    throw toApiError(error);
  }
}

export async function currentRound(): Promise<Round | null> {
  const data = await read<{ currentRound: Round | null }>(aggregateQueries.currentRound);
  return data.currentRound;
}

export async function quotaUsage(roundId: string): Promise<QuotaLine[]> {
  const data = await read<{ quotaUsage: QuotaLine[] }>(aggregateQueries.quotaUsage, { roundId });
  return data.quotaUsage;
}

export async function statusCounts(roundYear: number): Promise<StatusCount[]> {
  const data = await read<{
    applicationCounts: { __typename: string; data?: { count: number; keys: { value: string; label: string }[] }[]; message?: string; code?: string };
  }>(aggregateQueries.statusCounts, { roundYear });
  const result = data.applicationCounts;
  if (!result.data) throw new ApiError(result.message ?? '统计失败', result.code ?? result.__typename);
  return result.data.map((group) => ({ status: group.keys[0]?.value ?? '', label: group.keys[0]?.label ?? '', count: group.count }));
}

export async function myReviewQueue(roundYear: number): Promise<ReviewQueue> {
  const data = await read<{ myReviewQueue: ReviewQueue }>(aggregateQueries.myReviewQueue, { roundYear });
  return data.myReviewQueue;
}
