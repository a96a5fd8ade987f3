// "The current round" is one round wherever the system means it without a year: the console's
// currentRound, the dashboard's deadline progress when no year is asked, and the 本年度申报数 of
// the recommending authorities' list and its Excel file. Checked where a second definition would
// part from the first: after the open round's recommendation deadline, with next year's round
// already in preparation (its deadlines ahead, nothing published, no application in it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaListExport } from '@tepei/api/modules/exports/area-list-export';
import { startApi, type TestApi } from '../support/api.ts';
import { firstSheet } from '../support/downloaded-files.ts';

let now = new Date('2026-12-01T10:00:00+08:00');
let api: TestApi;
let admin: string;
let prefecture: string;
let openYear: number;

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  admin = await api.login('admin');
  openYear = (await api.gql('{ currentRound { year } }', {}, admin)).data.currentRound.year;
  const draft = (await api.gql('{ nextRoundDraft { year applicationDeadline recommendationDeadline remotePlaces localPlaces shortageSpecialties } }', {}, admin)).data.nextRoundDraft;
  const created = await api.gql(
    'mutation($input: CreateRoundInput!) { createRound(input: $input) { __typename ... on Error { message } ... on MutationCreateRoundSuccess { data { year phase } } } }',
    { input: { ...draft, noticeNumber: `新人社函〔${draft.year}〕1号`, noticeDate: `${draft.year}-02-10` } },
    admin,
  );
  expect(created.data.createRound).toMatchObject({ __typename: 'MutationCreateRoundSuccess', data: { year: openYear + 1, phase: 'PREPARING' } });
  // A day after the open round's recommendation deadline: no published round has one ahead.
  const open = await api.prisma.round.findUniqueOrThrow({ where: { year: openYear } });
  now = new Date(open.recommendationDeadline.getTime() + 86_400_000);
  // Signed in on that day: a session of months before has run out.
  admin = await api.login('admin');
  prefecture = await api.login('pref-653100');
}, 600_000);
afterAll(() => api?.close());

/** The 本年度申报数 column of the areas file, summed, as `token`'s reader downloads it. */
async function exportedApplicationCount(token: string): Promise<number> {
  const response = await api.yoga.fetch(`http://test${areaListExport.pathname}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const sheet = await firstSheet(new Uint8Array(await response.arrayBuffer()));
  const header = (sheet.getRow(1).values as unknown[]).indexOf('本年度申报数');
  expect(header).toBeGreaterThan(0);
  let sum = 0;
  sheet.eachRow((row, index) => void (index > 1 && (sum += Number(row.getCell(header).value))));
  return sum;
}

describe('the current round', () => {
  it.each([
    ['admin', () => admin, {}],
    ['pref-653100', () => prefecture, { area: { code: '653100' } }],
  ] as const)('is the published round for %s everywhere: currentRound, deadline progress without a year, and the areas file', async (_username, token, scope) => {
    const answer = await api.gql('{ currentRound { year } deadlineProgress { round { year } totals { applications } } }', {}, token());
    expect(answer.errors).toBeUndefined();
    expect(answer.data.currentRound.year).toBe(openYear);
    expect(answer.data.deadlineProgress.round.year).toBe(openYear);
    const inRound = await api.prisma.application.count({ where: { round: { year: openYear }, ...scope } });
    expect(inRound, 'the open round has applications').toBeGreaterThan(0);
    expect(answer.data.deadlineProgress.totals.applications).toBe(inRound);
    expect(await exportedApplicationCount(token())).toBe(inRound);
  });
});
