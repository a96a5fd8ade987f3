// The demo seed (`pnpm db:seed`): what it promises about the data it writes, checked on the
// data itself. One seeded database serves every assertion; determinism needs a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus, PrismaClient } from '@tepei/db/client';
import { areaFacts, residentRegionCode } from '@tepei/db/reference/areas';
import { certificateNumber } from '@tepei/db/reference/certificate-number';
import { allowedTransitions } from '@tepei/db/reference/status-flow';
import { currentRoundYear, demoAccounts, edgeCaseIdNumbers, isSeeded, seed, type SeedSummary } from '@tepei/db/seed';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const today = new Date('2026-11-29T08:00:00+08:00');
const openYear = 2027;
const demoPasswordHash = '$argon2id$v=19$m=19456,t=2,p=1$W97RpMPfkMFe9Yr8a2J5cw$Nrzr+hKY7dHqbYlcegxWobH42ll6+RoajweQ2x3MO0k';

/** GB 11643-1999 check character, written out here rather than borrowed from the code under test. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return '10X98765432'[sum % 11]!;
}

/** YYYY-MM-DD of a @db.Date; null for a draft's empty date (the seed fills in every one). */
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/** Every row of every table, as text, in a fixed order: two databases with equal dumps hold the same data. */
async function dump(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations'
     order by table_name`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ rows: string }[]>(
      `select coalesce(json_agg(t order by t::text)::text, '[]') as rows from "${name}" t`,
    );
    result[name] = row!.rows;
  }
  return result;
}

const rowCounts = (tables: Record<string, string>) =>
  Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, (JSON.parse(rows) as unknown[]).length]));

let database: TestDatabase;
let prisma: PrismaClient;
let summary: SeedSummary;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  summary = await seed(prisma, { today });
});

afterAll(async () => {
  await database?.close();
});

describe('demo seed', () => {
  it('reports what it wrote and marks the database as seeded', async () => {
    expect(summary.result).toBe('written');
    expect(summary.areas).toBe(areaFacts.length);
    expect(summary.units).toBe(80);
    expect(summary.rounds.map((round) => round.year)).toEqual([2023, 2024, 2025, openYear]);
    expect(await isSeeded(prisma)).toBe(true);
    expect(await prisma.area.count()).toBe(summary.areas);
    expect(await prisma.user.count()).toBe(summary.users);
  });

  it('holds the 2025 round as the notice set it, and an open round for the next 5 March', async () => {
    expect(currentRoundYear(today)).toBe(openYear);
    const [past, open] = await prisma.round.findMany({ where: { year: { gte: 2025 } }, orderBy: { year: 'asc' } });
    expect(past).toMatchObject({
      year: 2025,
      name: '2025年度',
      noticeNumber: '新人社函〔2025〕38号',
      // Its late starters are still at their hosts: the bureau has not closed it.
      stage: 'TRAINING',
      remotePlaces: 200,
      localPlaces: 200,
      trainingMonths: 12,
    });
    expect(day(past!.noticeDate!)).toBe('2025-02-13');
    expect(past!.applicationDeadline.toISOString()).toBe(new Date('2025-03-05T23:59:59.999+08:00').toISOString());
    expect(past!.recommendationDeadline.toISOString()).toBe(new Date('2025-03-20T23:59:59.999+08:00').toISOString());
    expect(day(past!.ageCutoffDate)).toBe('1980-01-01');
    expect(past!.shortageSpecialties).toContain('临床医学');
    expect(open).toMatchObject({ year: openYear, name: `${openYear}年度`, remotePlaces: 200, localPlaces: 200 });
    expect(open!.applicationDeadline.toISOString()).toBe(new Date(`${openYear}-03-05T23:59:59.999+08:00`).toISOString());
    expect(open!.recommendationDeadline.toISOString()).toBe(new Date(`${openYear}-03-20T23:59:59.999+08:00`).toISOString());
    expect(day(open!.ageCutoffDate)).toBe(`${openYear - 45}-01-01`);
  });

  it('holds 2023 and 2024 closed on 2025’s calendar, without a notice number or date the demo would have to invent', async () => {
    const earlier = await prisma.round.findMany({ where: { year: { lt: 2025 } }, orderBy: { year: 'asc' } });
    expect(earlier.map((round) => round.year)).toEqual([2023, 2024]);
    for (const round of earlier) {
      expect(round).toMatchObject({ name: `${round.year}年度`, stage: 'CLOSED', noticeNumber: null, noticeDate: null, remotePlaces: 200, localPlaces: 200, trainingMonths: 12 });
      expect(round.applicationDeadline.toISOString()).toBe(new Date(`${round.year}-03-05T23:59:59.999+08:00`).toISOString());
      expect(round.recommendationDeadline.toISOString()).toBe(new Date(`${round.year}-03-20T23:59:59.999+08:00`).toISOString());
      expect(day(round.ageCutoffDate)).toBe(`${round.year - 45}-01-01`);
    }
  });

  it('spreads about 2,900 applications over every area, in both modes, in every round', async () => {
    const rounds = await prisma.round.findMany({ orderBy: { year: 'asc' } });
    const groups = await prisma.application.groupBy({ by: ['roundId', 'areaId', 'mode'], _count: { _all: true } });
    const areas = await prisma.area.findMany();
    expect(areas).toHaveLength(areaFacts.length);
    for (const round of rounds) {
      for (const area of areas) {
        for (const mode of ['REMOTE', 'LOCAL'] as const) {
          const group = groups.find((candidate) => candidate.roundId === round.id && candidate.areaId === area.id && candidate.mode === mode);
          expect(group?._count._all ?? 0, `${round.year} ${area.code} ${mode}`).toBeGreaterThan(0);
        }
      }
    }
    const perRound = (roundId: string) => groups.filter((group) => group.roundId === roundId).reduce((sum, group) => sum + group._count._all, 0);
    for (const round of rounds) {
      const [least, most] = round.stage !== 'OPEN' ? [600, 800] : [700, 900];
      expect(perRound(round.id), String(round.year)).toBeGreaterThanOrEqual(least);
      expect(perRound(round.id), String(round.year)).toBeLessThanOrEqual(most);
    }
    const total = rounds.reduce((sum, round) => sum + perRound(round.id), 0);
    expect(total).toBeGreaterThanOrEqual(2700);
    expect(total).toBeLessThanOrEqual(3100);
    const modes = await prisma.application.groupBy({ by: ['mode'], _count: { _all: true } });
    for (const mode of modes) expect(mode._count._all / total).toBeGreaterThan(0.4);
  });

  it('gives every applicant a valid ID number that agrees with birth date, gender and the unit’s area', async () => {
    const applications = await prisma.application.findMany({
      select: { idNumber: true, birthDate: true, gender: true, areaId: true, area: { select: { code: true } }, unit: { select: { areaId: true } } },
    });
    for (const application of applications) {
      const id = application.idNumber;
      expect(id, id).toMatch(/^\d{17}[\dX]$/);
      expect(id[17], id).toBe(checkCharacter(id.slice(0, 17)));
      expect(id.slice(6, 14), id).toBe(day(application.birthDate)?.replaceAll('-', ''));
      expect(Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE', id).toBe(application.gender);
      expect(id.slice(0, 6), id).toBe(residentRegionCode(application.area.code));
      expect(application.areaId).toBe(application.unit.areaId);
    }
  });

  it('keeps each status the end of a legal, dated history that starts as a DRAFT', async () => {
    const rounds = new Map((await prisma.round.findMany()).map((round) => [round.id, round]));
    const applications = await prisma.application.findMany({
      select: { id: true, roundId: true, status: true, version: true, submittedAt: true, serialNumber: true },
    });
    const changes = await prisma.statusChange.findMany({ orderBy: [{ applicationId: 'asc' }, { at: 'asc' }] });
    const byApplication = new Map<string, typeof changes>();
    for (const change of changes) byApplication.set(change.applicationId, [...(byApplication.get(change.applicationId) ?? []), change]);
    for (const application of applications) {
      const round = rounds.get(application.roundId)!;
      const history = byApplication.get(application.id) ?? [];
      expect(history[0], application.id).toMatchObject({ fromStatus: null, toStatus: 'DRAFT' });
      for (let i = 1; i < history.length; i++) {
        const [before, step] = [history[i - 1]!, history[i]!];
        expect(step.fromStatus).toBe(before.toStatus);
        expect(allowedTransitions[before.toStatus as ApplicationStatus]).toContain(step.toStatus);
        expect(step.at.getTime()).toBeGreaterThan(before.at.getTime());
      }
      for (const step of history) {
        expect(step.at.getTime()).toBeGreaterThanOrEqual(round.createdAt.getTime());
        expect(step.at.getTime()).toBeLessThan(today.getTime());
        if (step.toStatus === 'SUBMITTED') expect(step.at.getTime()).toBeLessThanOrEqual(round.applicationDeadline.getTime());
        if (['ENDORSED', 'RECOMMENDED', 'RETURNED_TO_EMPLOYER', 'PREFECTURE_REJECTED', 'EMPLOYER_REJECTED'].includes(step.toStatus)) {
          expect(step.at.getTime()).toBeLessThanOrEqual(round.recommendationDeadline.getTime());
        }
        if (step.toStatus === 'SELECTED' || step.toStatus === 'NOT_SELECTED') {
          expect(step.at.getTime()).toBeGreaterThan(round.recommendationDeadline.getTime());
        }
      }
      expect(history.at(-1)!.toStatus).toBe(application.status);
      expect(application.version).toBe(history.length - 1);
      const submitted = history.some((step) => step.toStatus === 'SUBMITTED');
      expect(application.serialNumber !== null, application.id).toBe(submitted);
      expect(application.submittedAt !== null).toBe(submitted);
    }
  });

  it('records who acted and why: applicant, unit, prefecture, region', async () => {
    const changes = await prisma.statusChange.findMany({
      include: { actor: { select: { role: true, unitId: true, areaId: true } }, application: { select: { unitId: true, areaId: true, applicantId: true } } },
    });
    for (const change of changes) {
      if (change.actorRole === 'APPLICANT') expect(change.actorId).toBe(change.application.applicantId);
      else expect(change.actor?.role).toBe(change.actorRole);
      if (change.actorRole === 'EMPLOYER') expect(change.actor?.unitId).toBe(change.application.unitId);
      if (change.actorRole === 'PREFECTURE') expect(change.actor?.areaId).toBe(change.application.areaId);
      if (['RETURNED_TO_APPLICANT', 'RETURNED_TO_EMPLOYER', 'EMPLOYER_REJECTED', 'PREFECTURE_REJECTED', 'ABANDONED'].includes(change.toStatus)) {
        expect(change.reason, change.toStatus).toMatch(/\p{Script=Han}/u);
      }
    }
    const decisions = changes.filter((change) =>
      ['RETURNED_TO_APPLICANT', 'EMPLOYER_REJECTED', 'ENDORSED', 'RETURNED_TO_EMPLOYER', 'PREFECTURE_REJECTED', 'RECOMMENDED', 'SELECTED', 'NOT_SELECTED'].includes(change.toStatus),
    );
    expect(await prisma.review.count()).toBe(decisions.length);
    const returns = await prisma.review.findMany({ where: { decision: 'RETURN' }, include: { findings: true } });
    expect(returns.length).toBeGreaterThan(0);
    for (const review of returns) expect(review.findings.length).toBeGreaterThan(0);
    expect(await prisma.review.count({ where: { decision: { in: ['ENDORSE', 'RECOMMEND'] }, conductConfirmed: false } })).toBe(0);
  });

  it('never selects more than the quota of a mode or an area, and nobody yet in the open round', async () => {
    const rounds = await prisma.round.findMany({ include: { quotaAllocations: true } });
    const everSelected = await prisma.application.findMany({
      where: { statusChanges: { some: { toStatus: 'SELECTED' } } },
      select: { roundId: true, mode: true, areaId: true },
    });
    for (const round of rounds) {
      for (const mode of ['REMOTE', 'LOCAL'] as const) {
        const selected = everSelected.filter((application) => application.roundId === round.id && application.mode === mode);
        const places = mode === 'REMOTE' ? round.remotePlaces : round.localPlaces;
        expect(selected.length).toBeLessThanOrEqual(places);
        for (const allocation of round.quotaAllocations.filter((candidate) => candidate.mode === mode)) {
          expect(selected.filter((application) => application.areaId === allocation.areaId).length).toBeLessThanOrEqual(allocation.places);
        }
        if (round.stage !== 'OPEN') expect(selected.length).toBeGreaterThanOrEqual(180);
        else expect(selected).toHaveLength(0);
      }
    }
  });

  it('splits each mode’s places over all areas, summing to the round’s places', async () => {
    const rounds = await prisma.round.findMany({ include: { quotaAllocations: true } });
    for (const round of rounds) {
      for (const mode of ['REMOTE', 'LOCAL'] as const) {
        const allocations = round.quotaAllocations.filter((allocation) => allocation.mode === mode);
        expect(allocations).toHaveLength(areaFacts.length);
        expect(allocations.every((allocation) => allocation.places > 0)).toBe(true);
        expect(allocations.reduce((sum, allocation) => sum + allocation.places, 0)).toBe(mode === 'REMOTE' ? round.remotePlaces : round.localPlaces);
      }
    }
  });

  it('closes 2025 with final outcomes, trained and certified trainees, and two abandonments', async () => {
    const past = await prisma.round.findUniqueOrThrow({ where: { year: 2025 } });
    const statuses = await prisma.application.groupBy({ by: ['status'], where: { roundId: past.id }, _count: { _all: true } });
    const count = (status: ApplicationStatus) => statuses.find((group) => group.status === status)?._count._all ?? 0;
    for (const group of statuses) {
      expect(['NOT_SELECTED', 'EMPLOYER_REJECTED', 'PREFECTURE_REJECTED', 'WITHDRAWN', 'COMPLETED', 'IN_TRAINING', 'ABANDONED']).toContain(group.status);
    }
    expect(count('ABANDONED')).toBe(2);
    expect(count('IN_TRAINING')).toBeGreaterThan(0);
    expect(count('COMPLETED')).toBeGreaterThan(count('IN_TRAINING'));
    const trainees = await prisma.application.findMany({
      where: { roundId: past.id, status: { in: ['COMPLETED', 'IN_TRAINING'] } },
      include: { training: true, attendance: { include: { session: true } } },
    });
    for (const trainee of trainees) {
      expect(trainee.attendance?.session.title).toBe('2025年度特培学员训前培训');
      expect(trainee.training).not.toBeNull();
      if (trainee.status === 'COMPLETED') {
        expect(trainee.training!.completedOn).not.toBeNull();
        expect(trainee.training!.assessment).not.toBeNull();
        expect(trainee.training!.certificateNumber).not.toBeNull();
      } else {
        expect(trainee.training!.completedOn).toBeNull();
      }
    }
    expect(await prisma.application.count({ where: { roundId: past.id, applicantId: { not: null } } })).toBe(0);
  });

  it('closes 2023 and 2024 complete: every trainee placed at a registry host, trained, assessed, certified if passed, in the round’s own sequence', async () => {
    for (const year of [2023, 2024]) {
      const round = await prisma.round.findUniqueOrThrow({ where: { year } });
      const statuses = await prisma.application.groupBy({ by: ['status'], where: { roundId: round.id }, _count: { _all: true } });
      expect(statuses.map((group) => group.status).sort(), String(year)).toEqual(['COMPLETED', 'EMPLOYER_REJECTED', 'NOT_SELECTED', 'PREFECTURE_REJECTED', 'WITHDRAWN']);
      const everSelected = await prisma.application.count({ where: { roundId: round.id, statusChanges: { some: { toStatus: 'SELECTED' } } } });
      const trainees = await prisma.application.findMany({
        where: { roundId: round.id, status: 'COMPLETED' },
        include: { training: true, placement: true, attendance: { include: { session: true } } },
      });
      expect(trainees).toHaveLength(everSelected);
      for (const trainee of trainees) {
        expect(trainee.attendance?.session.title).toBe(`${year}年度特培学员训前培训`);
        expect(trainee.placement).toMatchObject({ roundId: round.id, status: 'CONFIRMED', hostInstitutionId: expect.any(String) });
        expect(trainee.training).toMatchObject({ hostInstitutionId: trainee.placement!.hostInstitutionId, completedOn: expect.any(Date), assessment: expect.any(String) });
        expect(trainee.training!.certificateNumber !== null, trainee.id).toBe(trainee.training!.assessment !== 'UNQUALIFIED');
      }
      const certified = trainees.filter((trainee) => trainee.training!.certificateNumber !== null);
      expect(certified.length).toBeGreaterThan(trainees.length * 0.9);
      expect(certified.length).toBeLessThan(trainees.length);
      const numbers = certified.map((trainee) => trainee.training!.certificateNumber!).sort();
      expect(numbers).toEqual(numbers.map((_, index) => certificateNumber(year, index + 1)));
      expect(await prisma.application.count({ where: { roundId: round.id, applicantId: { not: null } } })).toBe(0);
    }
    // Some of 2023's unsuccessful applicants tried again in 2024; no earlier applicant is in 2025 or the open round.
    const byPerson = await prisma.application.findMany({ select: { idNumber: true, status: true, round: { select: { year: true } } } });
    const years = new Map<string, { year: number; status: string }[]>();
    for (const application of byPerson) years.set(application.idNumber, [...(years.get(application.idNumber) ?? []), { year: application.round.year, status: application.status }]);
    const again = [...years.values()].filter((rounds) => rounds.some((round) => round.year === 2023) && rounds.some((round) => round.year === 2024));
    expect(again.length).toBeGreaterThan(0);
    for (const rounds of again) expect(['NOT_SELECTED', 'PREFECTURE_REJECTED']).toContain(rounds.find((round) => round.year === 2023)!.status);
    const laterToo = [...years.values()].filter((rounds) => rounds.some((round) => round.year < 2025) && rounds.some((round) => round.year >= 2025));
    expect(laterToo).toEqual([]);
  });

  it('bars each blacklisted applicant and unit for exactly five years, and lists both for an abandonment', async () => {
    const entries = await prisma.blacklistEntry.findMany({ include: { application: true } });
    for (const entry of entries) {
      // Beijing calendar date five years on (29 February → 28 February), same time of day.
      const wall = new Date(entry.listedAt.getTime() + 8 * 3600_000);
      const year = wall.getUTCFullYear() + 5;
      const lastDay = new Date(Date.UTC(year, wall.getUTCMonth() + 1, 0)).getUTCDate();
      const expected = new Date(wall.getTime());
      expected.setUTCFullYear(year, wall.getUTCMonth(), Math.min(wall.getUTCDate(), lastDay));
      expect(entry.expiresAt.toISOString()).toBe(new Date(expected.getTime() - 8 * 3600_000).toISOString());
      expect(entry.listedById).not.toBeNull();
      expect(entry.reason).toMatch(/\p{Script=Han}/u);
    }
    const abandonments = entries.filter((entry) => entry.reasonKind === 'ABANDONMENT' && entry.application !== null);
    expect(abandonments).toHaveLength(2);
    for (const entry of abandonments) {
      expect(entry.application!.status).toBe('ABANDONED');
      expect(entry.applicantIdNumber).toBe(entry.application!.idNumber);
      expect(entry.unitId).toBe(entry.application!.unitId);
    }
    const open = await prisma.round.findUniqueOrThrow({ where: { year: openYear } });
    const barredUnits = abandonments.map((entry) => entry.unitId!);
    const fromBarredUnits = await prisma.application.count({ where: { roundId: open.id, unitId: { in: barredUnits } } });
    expect(fromBarredUnits).toBe(0);
  });

  it('gives an account to every role and scope, and to every applicant of the open round', async () => {
    const users = await prisma.user.findMany();
    const byName = new Map(users.map((user) => [user.username, user]));
    expect(users.every((user) => user.passwordHash === demoPasswordHash)).toBe(true);
    expect(byName.get('admin')?.role).toBe('REGIONAL');
    expect(byName.get('analyst')?.role).toBe('ANALYST');
    const areas = new Map((await prisma.area.findMany()).map((area) => [area.id, area.code]));
    for (const username of demoAccounts.PREFECTURE) {
      const user = byName.get(username)!;
      expect(user.role).toBe('PREFECTURE');
      expect(`pref-${areas.get(user.areaId!)!.toLowerCase()}`).toBe(username);
    }
    expect(demoAccounts.PREFECTURE).toContain('pref-653100');
    expect(demoAccounts.PREFECTURE).toContain('pref-xpcc');
    expect(demoAccounts.PREFECTURE).toContain('pref-dept-edu');
    const units = await prisma.employerUnit.findMany();
    expect(demoAccounts.EMPLOYER).toHaveLength(units.length);
    for (const username of demoAccounts.EMPLOYER) expect(byName.get(username)).toMatchObject({ role: 'EMPLOYER', unitId: expect.any(String) });
    expect(new Set(demoAccounts.EMPLOYER.map((username) => byName.get(username)!.unitId)).size).toBe(units.length);

    const open = await prisma.round.findUniqueOrThrow({ where: { year: openYear } });
    const applications = await prisma.application.findMany({ where: { roundId: open.id }, include: { applicant: true, area: true } });
    for (const application of applications) {
      expect(application.applicant, application.idNumber).not.toBeNull();
      expect(application.applicant).toMatchObject({ role: 'APPLICANT', idNumber: application.idNumber, unitId: application.unitId });
      if (!(demoAccounts.APPLICANT as readonly string[]).includes(application.applicant!.username)) {
        expect(application.applicant!.username).toBe(application.idNumber);
      }
    }
    const demo = applications.find((application) => application.applicant!.username === 'applicant')!;
    expect(demo.status).toBe('DRAFT');
    expect(demo.area.name).toBe('喀什地区');
    expect(applications.find((application) => application.applicant!.username === 'applicant2')!.status).toBe('RETURNED_TO_APPLICANT');
  });

  it('holds each named edge case of the open round', async () => {
    const open = await prisma.round.findUniqueOrThrow({ where: { year: openYear } });
    const ids = edgeCaseIdNumbers(openYear);
    const find = (idNumber: string) =>
      prisma.application.findUniqueOrThrow({
        where: { roundId_idNumber: { roundId: open.id, idNumber } },
        include: { area: true, statusChanges: true },
      });
    const cutoff = day(open.ageCutoffDate);

    expect(day((await find(ids.bornOnCutoff)).birthDate)).toBe(cutoff);
    const tooOld = await find(ids.bornDayBeforeCutoff);
    expect(day(tooOld.birthDate && new Date(tooOld.birthDate.getTime() + 86_400_000))).toBe(cutoff);

    const relaxedEducation = await find(ids.relaxedEducation);
    expect(relaxedEducation).toMatchObject({ education: 'ASSOCIATE', titleLevel: 'INTERMEDIATE' });
    expect(relaxedEducation.area.isSouthernXinjiang).toBe(true);
    expect(relaxedEducation.statusChanges.some((change) => change.toStatus === 'ENDORSED')).toBe(true);

    const relaxedTitle = await find(ids.relaxedTitle);
    expect(relaxedTitle).toMatchObject({ education: 'BACHELOR', titleLevel: 'JUNIOR' });
    expect(open.shortageSpecialties).toContain(relaxedTitle.trainingSpecialty);
    expect(relaxedTitle.area.isSouthernXinjiang).toBe(false);

    const bothRelaxed = await find(ids.bothRelaxed);
    expect(bothRelaxed).toMatchObject({ education: 'ASSOCIATE', titleLevel: 'JUNIOR', status: 'EMPLOYER_REJECTED' });
    expect(bothRelaxed.statusChanges.find((change) => change.toStatus === 'EMPLOYER_REJECTED')!.reason).toContain('不可同时放宽');
    expect(bothRelaxed.statusChanges.some((change) => change.toStatus === 'ENDORSED')).toBe(false);

    const listedApplicant = await find(ids.blacklistedApplicant);
    expect(listedApplicant.status).toBe('DRAFT');
    const applicantListing = await prisma.blacklistEntry.findFirstOrThrow({ where: { applicantIdNumber: ids.blacklistedApplicant } });
    expect(applicantListing.reasonKind).toBe('FRAUD');
    expect(applicantListing.listedAt.getUTCFullYear()).toBe(2023);
    expect(applicantListing.expiresAt.getTime()).toBeGreaterThan(today.getTime());

    const fromListedUnit = await find(ids.blacklistedUnit);
    const unitListing = await prisma.blacklistEntry.findFirstOrThrow({ where: { unitId: fromListedUnit.unitId } });
    expect(unitListing.listedAt.getUTCFullYear()).toBe(2024);
    expect(unitListing.expiresAt.getTime()).toBeGreaterThan(today.getTime());
    expect(fromListedUnit.status).toBe('DRAFT');

    const relisted = await find(ids.expiredBlacklisting);
    const expired = await prisma.blacklistEntry.findFirstOrThrow({ where: { applicantIdNumber: ids.expiredBlacklisting } });
    expect(expired.listedAt.toISOString()).toBe(new Date('2019-03-01T10:00:00+08:00').toISOString());
    expect(expired.expiresAt.toISOString()).toBe(new Date('2024-03-01T10:00:00+08:00').toISOString());
    expect(relisted.status).toBe('SUBMITTED');

    expect(await find(ids.earlierTrainee)).toMatchObject({ earlierTrainee: true, earlierTrainingYear: 2018, earlierTrainingPlace: '浙江大学' });

    const han = await find(ids.hanInSouthernUnit);
    expect(han.ethnicity).toBe('HAN');
    expect(han.area.isSouthernXinjiang).toBe(true);
    const hanAnywhere = await prisma.application.findMany({ where: { ethnicity: 'HAN' }, include: { area: true } });
    expect(hanAnywhere.every((application) => application.area.isSouthernXinjiang)).toBe(true);
  });

  it('gives every selection the signed scans it needed when decided (form 4 after the endorsement, the area\'s form 5 after the recommendation), and every recommended application both', async () => {
    const applications = await prisma.application.findMany({
      where: { status: { in: ['RECOMMENDED', 'SELECTED', 'ORIENTATION_ATTENDED', 'IN_TRAINING', 'COMPLETED', 'ABANDONED'] } },
      select: { id: true, status: true, roundId: true, areaId: true, endorsedAt: true, recommendedAt: true, decidedAt: true, round: { select: { recommendationDeadline: true } } },
    });
    const decided = applications.filter((application) => application.status !== 'RECOMMENDED');
    expect(decided.length).toBeGreaterThan(300);
    expect(applications.some((application) => application.status === 'RECOMMENDED')).toBe(true);
    const form4 = await prisma.document.findMany({ where: { kind: 'FORM4_SCAN' }, select: { applicationId: true, uploadedAt: true, supersededAt: true } });
    const form5 = await prisma.document.findMany({ where: { kind: 'FORM5_SCAN' }, select: { roundId: true, areaId: true, uploadedAt: true } });
    const at = (date: Date | null) => date!.getTime();
    const lacking = applications.filter((application) => {
      // Decided: what was on record at the decision; still waiting: what is on record today.
      const by = application.status === 'RECOMMENDED' ? today.getTime() : at(application.decidedAt);
      const unitScan = form4.some(
        (scan) => scan.applicationId === application.id && at(scan.uploadedAt) >= at(application.endorsedAt) && at(scan.uploadedAt) <= by && at(scan.uploadedAt) <= at(application.round.recommendationDeadline),
      );
      const areaList = form5.some(
        (scan) => scan.roundId === application.roundId && scan.areaId === application.areaId && at(scan.uploadedAt) >= at(application.recommendedAt) && at(scan.uploadedAt) <= by,
      );
      return !unitScan || !areaList;
    });
    expect(lacking.map((application) => application.id)).toEqual([]);
    // Every document has its bytes, and one current form 5 per round and area.
    expect(await prisma.documentContent.count()).toBe(await prisma.document.count());
    const current = await prisma.document.groupBy({ by: ['roundId', 'areaId'], where: { kind: 'FORM5_SCAN', supersededAt: null }, _count: { _all: true } });
    expect(current.every((group) => group._count._all === 1)).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const before = await dump(prisma);
    const again = await seed(prisma, { today });
    expect(again.result).toBe('present');
    expect(again.rounds).toEqual(summary.rounds);
    const after = await dump(prisma);
    expect(rowCounts(after)).toEqual(rowCounts(before));
    expect(after).toEqual(before);
  });

  it('writes the same rows into another database given the same day', async () => {
    const other = await createTestDatabase();
    try {
      await seed(other.prisma, { today });
      const [mine, theirs] = [await dump(prisma), await dump(other.prisma)];
      expect(Object.keys(theirs)).toEqual(Object.keys(mine));
      for (const table of Object.keys(mine)) expect(theirs[table], table).toBe(mine[table]);
    } finally {
      await other.close();
    }
  });
});
