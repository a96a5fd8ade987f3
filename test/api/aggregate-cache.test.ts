// The server (main.ts) keeps dashboard aggregates for a few seconds, shared by readers of one
// scope (modules/analytics/aggregate-cache.ts). Shared, it must not leak across scopes; kept,
// it must not hide a decision made through this server.
import { versionReadIntervalMs } from '@tepei/api/modules/analytics/aggregate-cache';
import { createYogaApp } from '@tepei/api/yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplications } from '../fixtures/applications.ts';
import { arrangeProgramme, type Programme } from '../fixtures/programme.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { recordStatements } from '../support/sql-count.ts';

const now = () => new Date('2026-12-01T10:00:00+08:00');

let api: TestApi;
let programme: Programme;
let cachedYoga: ReturnType<typeof createYogaApp>;
const tokens: Record<string, string> = {};

const countsQuery = /* GraphQL */ `
  query Counts { applicationCounts(roundYear: 2027, groupBy: [STATUS]) { ... on QueryApplicationCountsSuccess { data { count keys { value } } } } }
`;
const queueQuery = /* GraphQL */ `query Queue { myReviewQueue(roundYear: 2027) { size } }`;
// The regional dashboard's cards as the console asks for them (admin/src/dataProvider/aggregates.ts).
const dashboardQuery = /* GraphQL */ `
  query Dashboard($roundId: ID!) {
    quotaUsage(roundId: $roundId) { mode area { id name code } places used reserved remaining }
    applicationCounts(roundYear: 2027, groupBy: [STATUS]) { ... on QueryApplicationCountsSuccess { data { count keys { value label } } } }
    deadlineProgress(roundYear: 2027) { round { id name } totals { applications submitted recommended } perDay { date submitted recommended } }
    myReviewQueue(roundYear: 2027) { size oldestWaitingSince oldestApplication { id name status unit { name } } }
  }
`;
const selectMutation = /* GraphQL */ `
  mutation Select($id: ID!, $version: Int!) {
    regionalDecision(id: $id, version: $version, decision: SELECT) { __typename }
  }
`;

async function ask(query: string, token: string, variables: Record<string, unknown> = {}) {
  const response = await cachedYoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: unknown };
}

const countOf = (result: { data: any }, status: string) =>
  (result.data.applicationCounts.data as Array<{ count: number; keys: Array<{ value: string }> }>).find((group) => group.keys[0]!.value === status)?.count ?? 0;

beforeAll(async () => {
  api = await startApi({ clock: now });
  programme = await arrangeProgramme(api.prisma);
  await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId }, 3, 'RECOMMENDED');
  await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId }, 2, 'RECOMMENDED');
  for (const username of ['admin', 'pref-653100', 'pref-650100']) tokens[username] = await api.login(username);
  // A second server on the same database, keeping aggregates for a minute: longer than the test.
  cachedYoga = createYogaApp({ clock: now, aggregateTtlMs: 60_000 });
});
afterAll(() => api?.close());

describe('dashboard aggregates kept by the server', () => {
  it('are shared within a scope: a row written behind the server is not yet counted', async () => {
    expect(countOf(await ask(countsQuery, tokens.admin!), 'RECOMMENDED')).toBe(5);
    await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId }, 1, 'RECOMMENDED');
    expect(countOf(await ask(countsQuery, tokens.admin!), 'RECOMMENDED')).toBe(5);
    // The uncached server counts it at once.
    const { data } = await api.gql(countsQuery, {}, tokens.admin);
    expect(countOf({ data }, 'RECOMMENDED')).toBe(6);
  });

  it("are never another scope's: each prefecture counts its own area", async () => {
    expect(countOf(await ask(countsQuery, tokens['pref-653100']!), 'RECOMMENDED')).toBe(3);
    expect(countOf(await ask(countsQuery, tokens['pref-650100']!), 'RECOMMENDED')).toBe(3);
  });

  it('are cleared by a decision made through the server, which then counts everything', async () => {
    expect((await ask(queueQuery, tokens.admin!)).data.myReviewQueue.size).toBe(6);
    const application = await api.prisma.application.findFirstOrThrow({ where: { areaId: programme.kashgar.areaId, status: 'RECOMMENDED' } });
    const selected = await ask(selectMutation, tokens.admin!, { id: Buffer.from(`Application:${application.id}`).toString('base64'), version: application.version });
    expect(selected.data.regionalDecision.__typename).toBe('MutationRegionalDecisionSuccess');
    expect((await ask(queueQuery, tokens.admin!)).data.myReviewQueue.size).toBe(5);
    const counts = await ask(countsQuery, tokens.admin!);
    expect([countOf(counts, 'RECOMMENDED'), countOf(counts, 'SELECTED')]).toEqual([5, 1]);
  });

  it('serve a whole dashboard from what they keep, the records its lines name included, equal to an uncached answer', async () => {
    await api.prisma.quotaAllocation.createMany({
      data: [programme.kashgar.areaId, programme.urumqi.areaId].map((areaId) => ({ roundId: programme.roundId, mode: 'REMOTE' as const, areaId, places: 20 })),
    });
    const variables = { roundId: Buffer.from(`Round:${programme.roundId}`).toString('base64') };
    // The decision of the test before raised the data version; once the cache has read the new
    // version (at most every versionReadIntervalMs) it has cleared what it kept for it, and keeps
    // what it counts from then on.
    await ask(dashboardQuery, tokens.admin!, variables);
    await new Promise((resolve) => setTimeout(resolve, versionReadIntervalMs + 50));
    const first = await ask(dashboardQuery, tokens.admin!, variables);
    expect(first.errors).toBeUndefined();
    expect(first.data.quotaUsage.filter((line: { area: unknown }) => line.area).map((line: { area: { name: string } }) => line.area.name).sort()).toHaveLength(2);
    expect(first.data.myReviewQueue.oldestApplication?.unit.name).toBeTruthy();

    const statements = await recordStatements(async () => {
      const again = await ask(dashboardQuery, tokens.admin!, variables);
      expect(again).toEqual(first);
    });
    // Only the session and the data version may be read: no statement per quota line's area or
    // for the oldest waiting application, which are kept with the figures that name them.
    expect(statements.filter((text) => !/"Session"|"DataVersion"/.test(text))).toEqual([]);

    const uncached = await api.gql(dashboardQuery, variables, tokens.admin);
    expect(uncached.errors).toBeUndefined();
    expect(uncached.data).toEqual(first.data);
  });
});
