// The dashboard's numbers, counted by the API (quotaUsage, applicationCounts, myReviewQueue,
// deadlineProgress, programmeHistory, blacklist's totalCount) rather than from lists in the browser.
import { parse } from 'graphql';
import type { ProgrammeYear } from '../../../api/src/modules/analytics/analytics.service.ts';
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

/** One year of one area of programmeHistory, as the API's service defines it (areaId as a global ID here). */
export type { ProgrammeYear };

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
  programmeHistory: `query ProgrammeHistory {
    programmeHistory(byArea: true) {
      __typename
      ... on QueryProgrammeHistorySuccess { data { year roundName areaId areaName submitted recommended selected placed completed } }
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

/** A statistics field's answer (its Success or a typed error). */
type Answer<Data> = { __typename: string; data?: Data; message?: string; code?: string };

/** The data of a statistics answer; its typed error thrown. */
function dataOf<Data>(answer: Answer<Data>): Data {
  if (!answer.data) throw new ApiError(answer.message ?? '统计失败', answer.code ?? answer.__typename);
  return answer.data;
}

/** The groups of one applicationCounts query. */
async function counts(query: string, roundYear: number): Promise<CountGroup[]> {
  return dataOf((await read<{ applicationCounts: Answer<CountGroup[]> }>(query, { roundYear })).applicationCounts);
}

/** Every year of the programme, per area, within the reader's scope. */
export async function programmeHistory(): Promise<ProgrammeYear[]> {
  return dataOf((await read<{ programmeHistory: Answer<ProgrammeYear[]> }>(aggregateQueries.programmeHistory)).programmeHistory);
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
