// Across years (issue 14 item 6): each round's funnel from filing to completion, per year and
// per area, under the reader's row rules, counted by the database and checked here against
// counts taken row by row from the seeded programme (the closed rounds 2023 and 2024, every
// trainee placed, trained and assessed, the closed 2025 round placed, trained and partly
// certified, and the open 2027 round).
import type { ProgrammeYear } from '@tepei/api/modules/analytics/analytics.service';
import { certifiedAssessments } from '@tepei/db/reference/certificate-number';
import type { Prisma } from '@tepei/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { rawIdOf } from '../support/workflow.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
let api: TestApi;

/** A line as the API answers it (areaId as a global ID). */
type Line = ProgrammeYear;

const query = `query($byArea: Boolean) {
  programmeHistory(byArea: $byArea) {
    __typename
    ... on QueryProgrammeHistorySuccess { data { year roundName areaId areaName submitted recommended selected placed completed } }
    ... on Error { message }
  }
}`;

async function history(token: string, byArea = false): Promise<Line[]> {
  const response = await api.gql<{ programmeHistory: { __typename: string; data?: Line[]; message?: string } }>(query, { byArea }, token);
  const answer = response.data?.programmeHistory;
  if (!answer?.data) throw new Error(`programmeHistory refused: ${JSON.stringify(response)}`);
  return answer.data;
}

/** The same funnel counted application by application with Prisma, for the rows `where` selects. */
async function countedOneByOne(where: Prisma.ApplicationWhereInput, areaId?: string): Promise<Omit<Line, 'roundName' | 'areaId' | 'areaName'>[]> {
  const rows = await api.prisma.application.findMany({
    where: areaId ? { AND: [where, { areaId }] } : where,
    select: {
      submittedAt: true,
      recommendedAt: true,
      round: { select: { year: true } },
      statusChanges: { where: { toStatus: 'SELECTED' }, select: { id: true } },
      placement: { select: { status: true } },
      training: { select: { assessment: true } },
    },
  });
  const byYear = new Map<number, Omit<Line, 'roundName' | 'areaId' | 'areaName'>>();
  for (const row of rows) {
    const line = byYear.get(row.round.year) ?? { year: row.round.year, submitted: 0, recommended: 0, selected: 0, placed: 0, completed: 0 };
    if (row.submittedAt) line.submitted++;
    if (row.recommendedAt) line.recommended++;
    if (row.statusChanges.length) line.selected++;
    if (row.placement?.status === 'CONFIRMED') line.placed++;
    if (row.training?.assessment && (certifiedAssessments as readonly string[]).includes(row.training.assessment)) line.completed++;
    byYear.set(row.round.year, line);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

const numbers = ({ year, submitted, recommended, selected, placed, completed }: Line) => ({ year, submitted, recommended, selected, placed, completed });

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
}, 300_000);

afterAll(async () => {
  await api?.close();
});

describe('the programme across years', () => {
  it('gives the regional bureau each year from filing to completion, equal to the applications counted one by one', async () => {
    const lines = await history(await api.login('admin'));
    expect(lines.map(numbers)).toEqual(await countedOneByOne({}));
    expect(lines.map((line) => line.year)).toEqual([2023, 2024, 2025, 2027]);
    for (const year of [2023, 2024, 2025]) {
      const closed = lines.find((line) => line.year === year)!;
      expect(closed).toMatchObject({ roundName: `${year}年度`, areaId: null, areaName: null });
      // A closed round went the whole way: every step has people in it, each no more than the one before.
      expect(closed.completed, String(year)).toBeGreaterThan(0);
      expect(closed.submitted).toBeGreaterThanOrEqual(closed.recommended);
      expect(closed.recommended).toBeGreaterThanOrEqual(closed.selected);
      expect(closed.selected).toBeGreaterThanOrEqual(closed.placed);
      expect(closed.placed).toBeGreaterThanOrEqual(closed.completed);
    }
    // 2023 and 2024 are complete: nobody gave up, every trainee was placed, nearly all certified.
    for (const year of [2023, 2024]) {
      const complete = lines.find((line) => line.year === year)!;
      expect(complete.placed, String(year)).toBe(complete.selected);
      expect(complete.completed).toBeGreaterThan(complete.placed * 0.9);
    }
    // The analyst reads the same figures.
    expect(await history(await api.login('analyst'))).toEqual(lines);
  });

  it('splits each year by area, the areas adding up to the year', async () => {
    const token = await api.login('admin');
    const [whole, byArea] = [await history(token), await history(token, true)];
    const areas = await api.prisma.area.findMany();
    for (const year of whole) {
      const parts = byArea.filter((line) => line.year === year.year);
      expect(parts.every((line) => line.areaId && line.areaName)).toBe(true);
      for (const key of ['submitted', 'recommended', 'selected', 'placed', 'completed'] as const) {
        expect(parts.reduce((sum, line) => sum + line[key], 0), `${year.year} ${key}`).toBe(year[key]);
      }
    }
    const kashgar = areas.find((area) => area.name === '喀什地区')!;
    const kashgarLines = byArea.filter((line) => rawIdOf(line.areaId!) === kashgar.id);
    expect(kashgarLines.map(numbers)).toEqual(await countedOneByOne({}, kashgar.id));
  });

  it('keeps a prefecture bureau to its area and a unit to its own applicants, and refuses applicants', async () => {
    const adminByArea = await history(await api.login('admin'), true);
    const area = await api.prisma.area.findFirstOrThrow({ where: { code: '653100' } });
    const prefecture = await history(await api.login('pref-653100'), true);
    expect(prefecture.map((line) => line.areaName)).toEqual(prefecture.map(() => area.name));
    expect(prefecture).toEqual(adminByArea.filter((line) => line.areaName === area.name));

    const employer = await api.prisma.user.findFirstOrThrow({ where: { role: 'EMPLOYER', disabled: false, unit: { applications: { some: { round: { year: 2025 }, training: { isNot: null } } } } } });
    const unitLines = await history(await api.login(employer.username));
    expect(unitLines.map(numbers)).toEqual(await countedOneByOne({ unitId: employer.unitId! }));

    const applicant = await api.prisma.user.findFirstOrThrow({ where: { role: 'APPLICANT', disabled: false } });
    const refused = await api.gql(query, { byArea: false }, await api.login(applicant.username));
    expect(JSON.stringify(refused)).not.toContain('"submitted"');
    expect(refused.data?.programmeHistory ?? null).toBeNull();
  });
});
