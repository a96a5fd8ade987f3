// The dashboard's funnel ends in 已成功入选: deadlineProgress counts the applications that were
// ever selected (those still holding a place and those who gave it up after), per round and
// per Beijing day, within the reader's rows. Against the demo data and one selection made now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus, Prisma } from '@tepei/db/client';
import { startApi, type TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';

const now = new Date('2026-12-01T10:00:00+08:00');

let api: TestApi;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  for (const username of ['admin', 'analyst', 'pref-653100', 'unit-001']) tokens[username] = await api.login(username);
}, 600_000);
afterAll(() => api?.close());

interface Progress {
  round: { year: number };
  totals: { applications: number; recommended: number; selected: number };
  perDay: { date: string; selected: number }[];
}

async function progress(username: string, roundYear?: number): Promise<Progress> {
  const response = await api.gql<{ deadlineProgress: Progress }>(
    'query($year: Int) { deadlineProgress(roundYear: $year) { round { year } totals { applications recommended selected } perDay { date selected } } }',
    { year: roundYear },
    tokens[username],
  );
  expect(response.errors).toBeUndefined();
  return response.data!.deadlineProgress;
}

/** Statuses only a selected application can be in (the flow: 入选 and after, or 入选后放弃). */
const everSelected: ApplicationStatus[] = ['SELECTED', 'ORIENTATION_ATTENDED', 'IN_TRAINING', 'COMPLETED', 'ABANDONED'];

async function scopeOf(username: string): Promise<Prisma.ApplicationWhereInput> {
  const user = await api.prisma.user.findUniqueOrThrow({ where: { username } });
  return user.role === 'PREFECTURE' ? { areaId: user.areaId! } : user.role === 'EMPLOYER' ? { unitId: user.unitId! } : {};
}

describe('deadlineProgress counts selections', () => {
  it.each(['admin', 'analyst', 'pref-653100', 'unit-001'])(
    "of a finished round as the applications selected and after, abandoned included, within %s's rows",
    async (username) => {
      const finished = await api.prisma.round.findFirstOrThrow({ where: { year: 2025 } });
      const expected = await api.prisma.application.count({
        where: { roundId: finished.id, status: { in: everSelected }, ...(await scopeOf(username)) },
      });
      const reported = await progress(username, 2025);
      expect(reported.totals.selected).toBe(expected);
      expect(reported.perDay.reduce((sum, day) => sum + day.selected, 0)).toBe(expected);
      if (username === 'admin') expect(expected, 'the demo data has selections in 2025').toBeGreaterThan(0);
    },
  );

  it("adds a selection made today to the total and to today's Beijing date, for the region and the application's area only", async () => {
    const current = await progress('admin');
    const round = await api.prisma.round.findFirstOrThrow({ where: { year: current.round.year } });
    const candidates = await api.prisma.application.findMany({
      where: { roundId: round.id, status: 'RECOMMENDED', area: { code: '653100' } },
      orderBy: { submittedAt: 'asc' },
      select: { id: true, version: true },
    });
    const before = { admin: current, kashgar: await progress('pref-653100'), analyst: await progress('analyst') };

    let selectedId: string | null = null;
    for (const candidate of candidates) {
      const response = await api.gql(
        `mutation($id: ID!, $version: Int!) { regionalDecision(id: $id, version: $version, decision: SELECT, findings: [{ item: "hosts", result: PASS }]) {
          __typename ... on Error { message } } }`,
        { id: globalId('Application', candidate.id), version: candidate.version },
        tokens.admin,
      );
      if (response.data?.regionalDecision.__typename === 'MutationRegionalDecisionSuccess') {
        selectedId = candidate.id;
        break;
      }
    }
    expect(selectedId, 'one recommended Kashgar application could be selected').not.toBeNull();

    const today = (reported: Progress) => reported.perDay.find((day) => day.date === '2026-12-01')?.selected ?? 0;
    const after = { admin: await progress('admin'), kashgar: await progress('pref-653100'), analyst: await progress('analyst'), urumqiUnit: await progress('unit-001') };
    expect(after.admin.totals.selected).toBe(before.admin.totals.selected + 1);
    expect(today(after.admin)).toBe(today(before.admin) + 1);
    expect(after.analyst.totals.selected).toBe(before.analyst.totals.selected + 1);
    expect(after.kashgar.totals.selected).toBe(before.kashgar.totals.selected + 1);
    expect(today(after.kashgar)).toBe(today(before.kashgar) + 1);
    // unit-001 is an Ürümqi unit: a Kashgar selection is none of its business.
    const unit = await api.prisma.user.findUniqueOrThrow({ where: { username: 'unit-001' }, include: { unit: { include: { area: true } } } });
    expect(unit.unit!.area.code).not.toBe('653100');
    expect(after.urumqiUnit.totals.selected).toBe(
      await api.prisma.application.count({ where: { roundId: round.id, unitId: unit.unitId!, status: { in: everSelected } } }),
    );
  });
});
