// The dashboard's numbers, counted by the API (quotaUsage, applicationCounts, myReviewQueue,
// deadlineProgress, blacklist's totalCount) rather than from lists in the browser.
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

export interface ProgressSteps {
  submitted: number;
  endorsed: number;
  recommended: number;
  selected: number;
}

export interface DeadlineProgress {
  round: { id: string; name: string; year: number };
  daysLeftToApplicationDeadline: number;
  daysLeftToRecommendationDeadline: number;
  totals: ProgressSteps & { applications: number };
  perDay: (ProgressSteps & { date: string })[];
}

export interface AreaCount {
  areaId: string;
  label: string;
  count: number;
}

export interface BlacklistRecord {
  id: string;
  applicantName: string | null;
  unit: { name: string } | null;
  reasonKind: string;
  listedAt: string;
  expiresAt: string;
  isActive: boolean;
}

export interface RecentBlacklist {
  totalCount: number;
  records: BlacklistRecord[];
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
  deadlineProgress: `query DeadlineProgress($roundYear: Int) {
    deadlineProgress(roundYear: $roundYear) {
      round { id name year }
      daysLeftToApplicationDeadline daysLeftToRecommendationDeadline
      totals { applications submitted endorsed recommended selected }
      perDay { date submitted endorsed recommended selected }
    }
  }`,
  areaCounts: `query AreaCounts($roundYear: Int) {
    applicationCounts(roundYear: $roundYear, groupBy: [AREA]) {
      __typename
      ... on QueryApplicationCountsSuccess { data { count keys { value label } } }
      ... on Error { code message }
    }
  }`,
  recentBlacklist: `query RecentBlacklist($first: Int!) {
    blacklist(first: $first, activeOnly: true) { totalCount edges { node { id applicantName unit { name } reasonKind listedAt expiresAt isActive } } }
  }`,
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

interface CountGroup {
  count: number;
  keys: { value: string; label: string }[];
}

/** The groups of one applicationCounts query; its typed error thrown. */
async function counts(query: string, roundYear: number): Promise<CountGroup[]> {
  const data = await read<{ applicationCounts: { __typename: string; data?: CountGroup[]; message?: string; code?: string } }>(query, { roundYear });
  const result = data.applicationCounts;
  if (!result.data) throw new ApiError(result.message ?? '统计失败', result.code ?? result.__typename);
  return result.data;
}

export async function statusCounts(roundYear: number): Promise<StatusCount[]> {
  const groups = await counts(aggregateQueries.statusCounts, roundYear);
  return groups.map((group) => ({ status: group.keys[0]?.value ?? '', label: group.keys[0]?.label ?? '', count: group.count }));
}

/** Applications per 推荐主管部门 (地州市、兵团、自治区厅局), in the order of their codes. */
export async function areaCounts(roundYear: number): Promise<AreaCount[]> {
  const groups = await counts(aggregateQueries.areaCounts, roundYear);
  return groups.map((group) => ({ areaId: group.keys[0]?.value ?? '', label: group.keys[0]?.label ?? '', count: group.count }));
}

export async function deadlineProgress(roundYear: number): Promise<DeadlineProgress | null> {
  const data = await read<{ deadlineProgress: DeadlineProgress | null }>(aggregateQueries.deadlineProgress, { roundYear });
  return data.deadlineProgress;
}

/** The newest listings in force (the API lists them newest first) and how many are in force. */
export async function recentBlacklist(first = 5): Promise<RecentBlacklist> {
  const data = await read<{ blacklist: { totalCount: number; edges: { node: BlacklistRecord }[] } }>(aggregateQueries.recentBlacklist, { first });
  return { totalCount: data.blacklist.totalCount, records: data.blacklist.edges.map((edge) => edge.node) };
}

export async function myReviewQueue(roundYear: number): Promise<ReviewQueue> {
  const data = await read<{ myReviewQueue: ReviewQueue }>(aggregateQueries.myReviewQueue, { roundYear });
  return data.myReviewQueue;
}
