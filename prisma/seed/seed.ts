// The demo data of DOMAIN.md (written by `pnpm db:seed`, api/src/seed-cli.ts) — 19 areas, 80 units, 71 host institutions
// with their places (host-institutions.ts), the closed rounds 2023, 2024 and 2025 (placed,
// trained, certified) and the open round (mid-review), about 2,900 applications with their
// full histories, the blacklist and the scenarios of edge-cases.ts.
//
// Deterministic: every choice comes from named PRNG streams and every id is a UUIDv5 of a
// stable key, so the same `today` gives the same rows. Idempotent: a seeded database is left
// as it is. All-or-nothing: one transaction, so a failed run leaves no half-seeded database.
import type { Prisma, PrismaClient } from '../src/client.ts';
import { areaFacts } from '../src/reference/areas.ts';
import { traineeNumber, traineeNumberPrefix } from '../src/reference/trainee-number.ts';
import { applicantAccounts, staffAccounts, userId } from './accounts.ts';
import type { ApplicationForm } from './application-form.ts';
import { type PlannedApplication, planEarlierRounds, planHistoricRound, planOpenRound, reserveEdgeCaseIdNumbers, story2025 } from './applications.ts';
import { blacklistRows } from './blacklist.ts';
import { beijingDateOf, calendarDate, minuteMs } from './calendar.ts';
import { blacklistedUnitName, edgeCases, scenarioListings } from './edge-cases.ts';
import { type WrittenHistory, writeHistory } from './history.ts';
import { Random, seedId } from './random.ts';
import { currentRound, earlierRounds, historicRound, historicRoundYear, quotaRows, quotaTable, roundRow, seedRoundId } from './rounds.ts';
import { hostPlacesRows, hostRows, seedHosts } from './host-institutions.ts';
import { signedScanRows } from './signed-scans.ts';
import { trainingRows } from './training.ts';
import { type AreaRef, buildUnits, unitByName, unitRows } from './units.ts';

export { currentRoundYear } from './rounds.ts';
export { demoAccounts, demoPassword } from './accounts.ts';
export { edgeCaseIdNumbers, edgeCases, blacklistedUnitName } from './edge-cases.ts';

export interface SeedSummary {
  /**
   * `written`: the demo data was written by this run. `present`: it was there already and
   * nothing changed. `declined`: the database holds rounds or users of its own, so the demo
   * data was not mixed into it and nothing changed.
   */
  result: 'written' | 'present' | 'declined';
  areas: number;
  units: number;
  users: number;
  rounds: { year: number; name: string; applications: number }[];
  blacklistEntries: number;
}

/** Cheap: the 2025 round with the seed's own id marks a database holding the demo data. */
export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.round.count({ where: { id: seedRoundId(historicRoundYear) } })) > 0;
}

/** A `today` the demo cannot tell a consistent story for. */
export class SeedDateTooEarly extends Error {
  constructor(today: Date) {
    super(`演示数据需要 today 不早于 2026-07-01（2025年度学员已结业）；收到 ${today.toISOString()}`);
    // runCli prints errors of this name as one line, without a stack.
    this.name = 'UsageError';
  }
}

/** 2025's trainees finish in June 2026: the demo tells their story as already told. */
const earliestToday = new Date('2026-07-01T00:00:00+08:00');

export interface SeedOptions {
  /** The demo's "today"; the current time when absent. */
  today?: Date;
  /**
   * What the API derives from the rows and stores beside them (e.g. the relaxed eligibility
   * rules of each application), run in the seed's transaction so that demo data is never
   * found half-derived. The API passes it: the rules live there, not in this package.
   */
  derive?: (tx: Prisma.TransactionClient) => Promise<unknown>;
}

export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const today = options.today ?? new Date();
  if (await isSeeded(prisma)) return { result: 'present', ...(await countRows(prisma)) };
  if (today.getTime() < earliestToday.getTime()) throw new SeedDateTooEarly(today);
  const written = await prisma.$transaction(
    async (tx) => {
      // Demo rows never go among real ones: a database with rounds or accounts is left alone.
      if ((await tx.round.count()) > 0 || (await tx.user.count()) > 0) return null;
      const areas = await upsertAreas(tx);
      const rows = buildRows(areas, today);
      await writeRows(tx, rows);
      await options.derive?.(tx);
      return {
        result: 'written' as const,
        areas: areas.length,
        units: rows.units.length,
        users: rows.users.length,
        rounds: rows.rounds.map((round) => ({
          year: round.year,
          name: round.name,
          applications: rows.applications.filter((application) => application.roundId === round.id).length,
        })),
        blacklistEntries: rows.blacklistEntries.length,
      };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return written ?? { result: 'declined', ...(await countRows(prisma)) };
}

// One query after another: the embedded database's socket server interleaves concurrent
// extended-protocol messages of different connections, so nothing here runs in parallel.
async function countRows(prisma: PrismaClient): Promise<Omit<SeedSummary, 'result'>> {
  const areas = await prisma.area.count();
  const units = await prisma.employerUnit.count();
  const users = await prisma.user.count();
  const blacklistEntries = await prisma.blacklistEntry.count();
  const rounds = await prisma.round.findMany({ orderBy: { year: 'asc' }, select: { id: true, year: true, name: true } });
  const perRound = await prisma.application.groupBy({ by: ['roundId'], _count: { _all: true } });
  const counted = new Map(perRound.map((group) => [group.roundId, group._count._all]));
  return {
    areas,
    units,
    users,
    blacklistEntries,
    rounds: rounds.map((round) => ({ year: round.year, name: round.name, applications: counted.get(round.id) ?? 0 })),
  };
}

/** Areas are reference data the API may have created already: update them by code, keep their ids. */
async function upsertAreas(tx: Prisma.TransactionClient): Promise<AreaRef[]> {
  const areas: AreaRef[] = [];
  for (const [sortOrder, fact] of areaFacts.entries()) {
    const facts = { name: fact.name, kind: fact.kind, isSouthernXinjiang: fact.isSouthernXinjiang, sortOrder };
    const area = await tx.area.upsert({
      where: { code: fact.code },
      create: { id: seedId(`area:${fact.code}`), code: fact.code, ...facts },
      update: facts,
    });
    areas.push({ id: area.id, code: area.code, name: area.name, isSouthernXinjiang: area.isSouthernXinjiang });
  }
  return areas;
}

interface SeedRows {
  rounds: Prisma.RoundCreateManyInput[];
  quotaAllocations: Prisma.QuotaAllocationCreateManyInput[];
  units: Prisma.EmployerUnitCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  applications: Prisma.ApplicationCreateManyInput[];
  workHistory: Prisma.WorkHistoryEntryCreateManyInput[];
  awards: Prisma.AwardCreateManyInput[];
  publications: Prisma.PublicationCreateManyInput[];
  hostInstitutions: Prisma.HostInstitutionCreateManyInput[];
  hostPlaces: Prisma.HostPlacesCreateManyInput[];
  placements: Prisma.PlacementCreateManyInput[];
  hostPreferences: Prisma.HostPreferenceCreateManyInput[];
  classifiedItems: Prisma.ClassifiedItemCreateManyInput[];
  statusChanges: Prisma.StatusChangeCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  reviewFindings: Prisma.ReviewFindingCreateManyInput[];
  orientationSessions: Prisma.OrientationSessionCreateManyInput[];
  orientationAttendances: Prisma.OrientationAttendanceCreateManyInput[];
  trainingRecords: Prisma.TrainingRecordCreateManyInput[];
  blacklistEntries: Prisma.BlacklistEntryCreateManyInput[];
  documents: Prisma.DocumentCreateManyInput[];
  documentContents: Prisma.DocumentContentCreateManyInput[];
}

/** Everything to write, computed in memory: no query depends on another's result. */
function buildRows(areas: readonly AreaRef[], today: Date): SeedRows {
  const units = buildUnits(new Map(areas.map((area) => [area.code, area])));
  const earlier = earlierRounds();
  const past = historicRound(story2025.lateStarters);
  const open = currentRound(today);
  const rounds = [...earlier, past, open];
  const closedRounds = [...earlier, past];
  const quotas = new Map(rounds.map((round) => [round.id, quotaTable(round, areas)]));
  const pastQuota = quotas.get(past.id)!;
  const openQuota = quotas.get(open.id)!;
  const staff = staffAccounts(areas, units);

  const population = { areas, units, takenIdNumbers: new Set<string>() };
  reserveEdgeCaseIdNumbers(open.year, population.takenIdNumbers);
  const blacklistedUnit = unitByName(units, blacklistedUnitName);
  const scenarioUnits = new Set(edgeCases(open.year).map((edgeCase) => unitByName(units, edgeCase.unitName).id));
  const historic = planHistoricRound(past, pastQuota, population, new Set([blacklistedUnit.id]), scenarioUnits, story2025);
  const barredNow = new Set([blacklistedUnit.id, ...historic.abandonedUnitIds]);
  const later = [...historic.applications, ...planOpenRound(open, openQuota, population, barredNow, historic.applications)];
  // The scenarios' units on the blacklist (one of them listed until 2024) send nobody in 2023 and 2024 either.
  const listedUnits = new Set(
    scenarioListings
      .filter((listing) => listing.listsUnit)
      .map((listing) => unitByName(units, edgeCases(open.year).find((edgeCase) => edgeCase.name === listing.scenario)!.unitName).id),
  );
  const planned = [...planEarlierRounds(earlier, quotas, population, listedUnits), ...later];

  const histories = new Map<string, WrittenHistory>();
  for (const application of planned) {
    histories.set(
      application.id,
      writeHistory(
        Random.stream(`${application.key}:history`),
        application.key,
        application.id,
        application.path,
        application.round,
        {
          applicantId: application.username ? userId(application.username) : null,
          employerId: staff.actors.employerByUnit.get(application.unit.id)!,
          prefectureId: staff.actors.prefectureByArea.get(application.unit.areaCode)!,
          adminId: staff.actors.adminId,
        },
        { hasAwards: application.forms.awards.length > 0, hasPublications: application.forms.publications.length > 0 },
        application.history,
      ),
    );
  }
  const serials = serialNumbers(planned, histories);
  const training = closedRounds.map((round) => trainingRows(round, planned, histories, staff.actors.adminId));
  const hosts = seedHosts();
  const scans = signedScanRows(planned, histories, staff.actors);
  const childRows = <T extends object>(pick: (application: PlannedApplication) => T[], kind: string) =>
    planned.flatMap((application) =>
      pick(application).map((row, index) => ({ id: seedId(`${application.key}:${kind}:${index}`), applicationId: application.id, ...row })),
    );

  return {
    rounds: rounds.map(roundRow),
    quotaAllocations: rounds.flatMap((round) => quotaRows(round, quotas.get(round.id)!, areas)),
    // The registry, the units and the staff were there before the first round.
    units: unitRows(units, rounds[0]!.createdAt),
    users: [...staff.rows, ...applicantAccounts(planned, histories)],
    applications: planned.map((application) => applicationRow(application, histories.get(application.id)!, serials.get(application.id) ?? null)),
    workHistory: childRows((application) => application.forms.workHistory, 'work'),
    awards: childRows((application) => application.forms.awards, 'award'),
    publications: childRows((application) => application.forms.publications, 'publication'),
    hostInstitutions: hostRows(hosts, rounds[0]!.createdAt),
    hostPlaces: [
      ...closedRounds.flatMap((round, index) => hostPlacesRows(round, hosts, hostUse(training[index]!.placements))),
      ...hostPlacesRows(open, hosts, null),
    ],
    placements: training.flatMap((rows) => rows.placements),
    hostPreferences: childRows((application) => application.forms.hostPreferences, 'host'),
    // 2025's and the open round's items keep the stream they always drew from; each earlier round has its own.
    classifiedItems: [
      ...classifiedItems(later, histories, 'classified-items', 8),
      ...earlier.flatMap((round) => classifiedItems(planned.filter((application) => application.round.id === round.id), histories, `classified-items:${round.year}`, 4)),
    ],
    statusChanges: planned.flatMap((application) => histories.get(application.id)!.statusChanges),
    reviews: planned.flatMap((application) => histories.get(application.id)!.reviews),
    reviewFindings: planned.flatMap((application) => histories.get(application.id)!.findings),
    orientationSessions: training.flatMap((rows) => rows.sessions),
    orientationAttendances: training.flatMap((rows) => rows.attendances),
    trainingRecords: training.flatMap((rows) => rows.records),
    blacklistEntries: blacklistRows(planned, staff.actors.adminId),
    documents: scans.documents,
    documentContents: scans.contents,
  };
}

/** Trainees placed at each host in one closed round. */
function hostUse(placements: readonly Prisma.PlacementCreateManyInput[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const placement of placements) used.set(placement.hostInstitutionId!, (used.get(placement.hostInstitutionId!) ?? 0) + 1);
  return used;
}

function applicationRow(application: PlannedApplication, history: WrittenHistory, serialNumber: string | null): Prisma.ApplicationCreateManyInput {
  const { firstSubmittedAt: _first, ...workflow } = history.workflow;
  const form: ApplicationForm = application.forms.form;
  return {
    id: application.id,
    roundId: application.round.id,
    applicantId: application.username ? userId(application.username) : null,
    unitId: application.unit.id,
    areaId: application.unit.areaId,
    mode: application.mode,
    serialNumber,
    ...form,
    ...workflow,
  };
}

/** 学员编号 in order of first submission within each round and area: 2025-653100-0001. */
function serialNumbers(applications: readonly PlannedApplication[], histories: ReadonlyMap<string, WrittenHistory>): Map<string, string> {
  const submitted = applications
    .map((application) => ({ application, at: histories.get(application.id)!.workflow.firstSubmittedAt }))
    .filter((entry): entry is { application: PlannedApplication; at: Date } => entry.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.application.id.localeCompare(b.application.id));
  const counters = new Map<string, number>();
  const serials = new Map<string, string>();
  for (const { application } of submitted) {
    const key = traineeNumberPrefix(application.round.year, application.unit.areaCode);
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    serials.set(application.id, traineeNumber(application.round.year, application.unit.areaCode, next));
  }
  return serials;
}

/** A few applicants declared classified work, sent through the classified channel on the day they submitted. */
function classifiedItems(
  applications: readonly PlannedApplication[],
  histories: ReadonlyMap<string, WrittenHistory>,
  stream: string,
  count: number,
): Prisma.ClassifiedItemCreateManyInput[] {
  const random = Random.stream(stream);
  const candidates = applications.filter(
    (application) =>
      ['research', 'energy', 'water', 'it'].includes(application.unit.spec.sector) && histories.get(application.id)!.workflow.firstSubmittedAt !== null,
  );
  return random.sample(candidates, count).map((application, index) => {
    const submittedAt = histories.get(application.id)!.workflow.firstSubmittedAt!;
    return {
      id: seedId(`${application.key}:classified:0`),
      applicationId: application.id,
      kind: random.weighted([['PROJECT', 4], ['PAPER', 3], ['AWARD', 1]] as const),
      sentOfflineOn: calendarDate(beijingDateOf(submittedAt)),
      recordedById: application.username ? userId(application.username) : null,
      recordedAt: new Date(submittedAt.getTime() + index),
    };
  });
}

/** Rows per statement, so that no INSERT comes near PostgreSQL's 65,535 bind parameters. */
async function inBatches<T>(rows: readonly T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}

async function writeRows(tx: Prisma.TransactionClient, rows: SeedRows): Promise<void> {
  await tx.round.createMany({ data: rows.rounds });
  await tx.quotaAllocation.createMany({ data: rows.quotaAllocations });
  await tx.employerUnit.createMany({ data: rows.units });
  await inBatches(rows.users, 2000, (data) => tx.user.createMany({ data }));
  await inBatches(rows.applications, 500, (data) => tx.application.createMany({ data }));
  await inBatches(rows.workHistory, 4000, (data) => tx.workHistoryEntry.createMany({ data }));
  await inBatches(rows.awards, 4000, (data) => tx.award.createMany({ data }));
  await inBatches(rows.publications, 4000, (data) => tx.publication.createMany({ data }));
  await tx.hostInstitution.createMany({ data: rows.hostInstitutions });
  await tx.hostPlaces.createMany({ data: rows.hostPlaces });
  await inBatches(rows.hostPreferences, 3000, (data) => tx.hostPreference.createMany({ data }));
  await tx.classifiedItem.createMany({ data: rows.classifiedItems });
  await inBatches(rows.statusChanges, 4000, (data) => tx.statusChange.createMany({ data }));
  await inBatches(rows.reviews, 4000, (data) => tx.review.createMany({ data }));
  await inBatches(rows.reviewFindings, 4000, (data) => tx.reviewFinding.createMany({ data }));
  await tx.orientationSession.createMany({ data: rows.orientationSessions });
  await tx.orientationAttendance.createMany({ data: rows.orientationAttendances });
  await tx.trainingRecord.createMany({ data: rows.trainingRecords });
  await tx.placement.createMany({ data: rows.placements });
  await tx.blacklistEntry.createMany({ data: rows.blacklistEntries });
  await inBatches(rows.documents, 2000, (data) => tx.document.createMany({ data }));
  await inBatches(rows.documentContents, 4000, (data) => tx.documentContent.createMany({ data }));
}
