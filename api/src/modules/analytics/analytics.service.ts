// The analysts' and reviewers' numbers: application counts by one or two dimensions, progress
// towards the round's deadlines, and the size of a reviewer's queue. Every number is counted by
// the database (GROUP BY, count, FILTER), never by listing rows here, and every count stays
// inside the actor's row rules: a prefecture reviewer counts its own area, an employer its unit.
import {
  ApplicationStatus,
  Education,
  Ethnicity,
  Gender,
  Prisma,
  TitleLevel,
  TrainingMode,
  UnitNature,
  type Round,
} from '@tepei/db/client';
import { certifiedAssessments } from '@tepei/db/reference/certificate-number';
import { ethnicityFacts } from '@tepei/db/reference/ethnicities';
import { statusLabels } from '@tepei/db/reference/status-flow';
import type { Actor } from '../../auth/actor.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { beijingDate } from '../../clock.ts';
import { prisma } from '../../db.ts';
import { FieldProblems, ForbiddenError } from '../../errors/domain-errors.ts';
import { type ApplicationFilter, applicationFilterWhere } from '../applications/application-filter.ts';
import {
  educationLabels,
  genderLabels,
  titleLevelLabels,
  trainingModeLabels,
  unitNatureLabels,
} from '../applications/application-form.ts';
import { currentRound } from '../rounds/rounds.service.ts';

// ───────────────────────────── row rules, in SQL ─────────────────────────────

/**
 * applicationsVisibleTo (auth/row-rules.ts) as a SQL condition, for the raw queries below. It
 * reads the application table under the alias `a`; a test checks that it selects exactly the
 * rows the Prisma filter selects, role by role.
 */
export function applicationsVisibleToSql(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case 'APPLICANT':
      return Prisma.sql`a."applicantId" = ${actor.userId}::uuid`;
    case 'EMPLOYER':
      return actor.unitId ? Prisma.sql`a."unitId" = ${actor.unitId}::uuid` : Prisma.sql`FALSE`;
    case 'PREFECTURE':
      return actor.areaId ? Prisma.sql`a."areaId" = ${actor.areaId}::uuid` : Prisma.sql`FALSE`;
    case 'REGIONAL':
    case 'ANALYST':
      return Prisma.sql`TRUE`;
  }
}

/** Aggregates are for reviewers and analysts; an applicant has nothing to count but their own. */
export function mayCount(actor: Actor): boolean {
  return actor.role !== 'APPLICANT';
}

function assertMayCount(actor: Actor): void {
  if (!mayCount(actor)) throw new ForbiddenError('申报人不能查看统计数据');
}

// ───────────────────────────── counts by dimension ─────────────────────────────

export const applicationDimensions = [
  'ROUND',
  'AREA',
  'UNIT_NATURE',
  'MODE',
  'STATUS',
  'ETHNICITY',
  'GENDER',
  'EDUCATION',
  'TITLE_LEVEL',
] as const;
export type ApplicationDimension = (typeof applicationDimensions)[number];

export const dimensionLabels: Record<ApplicationDimension, string> = {
  ROUND: '年度',
  AREA: '推荐主管部门',
  UNIT_NATURE: '单位性质',
  MODE: '培养方式',
  STATUS: '申报状态',
  ETHNICITY: '民族',
  GENDER: '性别',
  EDUCATION: '最高学历',
  TITLE_LEVEL: '职称层级',
};

/** The label of a draft's choice not made yet. */
const notFilledInLabel = '未填写';

/** The most dimensions one call may group by: a table, not a cube. */
export const maxDimensions = 2;

export interface DimensionValue {
  dimension: ApplicationDimension;
  /**
   * The enum value; the area's id for AREA; the year for ROUND. Null for the drafts that have
   * not chosen it yet (application-form.ts draftOnlyEmptyFields): their line comes last.
   */
  value: string | null;
  /** What people read: 喀什地区, 异地培养, 维吾尔族, 本科… */
  label: string;
}

export interface ApplicationCount {
  keys: DimensionValue[];
  count: number;
}

/** The application column each dimension groups by (UNIT_NATURE: by unit, then folded). */
const groupColumn = {
  ROUND: 'roundId',
  AREA: 'areaId',
  UNIT_NATURE: 'unitId',
  MODE: 'mode',
  STATUS: 'status',
  ETHNICITY: 'ethnicity',
  GENDER: 'gender',
  EDUCATION: 'education',
  TITLE_LEVEL: 'titleLevel',
} as const satisfies Record<ApplicationDimension, Prisma.ApplicationScalarFieldEnum>;

/** Labels of the enum dimensions, in the order the enums declare their values. */
const enumLabels: Record<Exclude<ApplicationDimension, 'ROUND' | 'AREA'>, Record<string, string>> = {
  UNIT_NATURE: unitNatureLabels,
  MODE: trainingModeLabels,
  STATUS: statusLabels,
  ETHNICITY: Object.fromEntries(Object.entries(ethnicityFacts).map(([value, fact]) => [value, fact.name])),
  GENDER: genderLabels,
  EDUCATION: educationLabels,
  TITLE_LEVEL: titleLevelLabels,
};

const enumOrder: Record<keyof typeof enumLabels, readonly string[]> = {
  UNIT_NATURE: Object.values(UnitNature),
  MODE: Object.values(TrainingMode),
  STATUS: Object.values(ApplicationStatus),
  ETHNICITY: Object.values(Ethnicity),
  GENDER: Object.values(Gender),
  EDUCATION: Object.values(Education),
  TITLE_LEVEL: Object.values(TitleLevel),
};

export function validateDimensions(groupBy: readonly ApplicationDimension[]): void {
  const problems = new FieldProblems();
  if (groupBy.length < 1 || groupBy.length > maxDimensions) problems.add(['groupBy'], `请选择1至${maxDimensions}个统计维度`);
  const repeated = groupBy.filter((dimension, index) => groupBy.indexOf(dimension) !== index);
  if (repeated.length) problems.add(['groupBy'], `统计维度“${dimensionLabels[repeated[0]!]}”重复`);
  problems.throwIfAny();
}

/**
 * How many visible applications fall in each combination of the dimensions' values: one
 * GROUP BY, then one look-up of the names of the areas, rounds or units it grouped by.
 * Combinations with no application are left out. Sorted by the dimensions' own order
 * (years, area codes, the order of each enum).
 */
export async function applicationCounts(
  actor: Actor,
  input: { roundYear?: number | null; groupBy: readonly ApplicationDimension[]; filter?: ApplicationFilter | null },
): Promise<ApplicationCount[]> {
  assertMayCount(actor);
  validateDimensions(input.groupBy);
  const where: Prisma.ApplicationWhereInput = {
    AND: [
      applicationsVisibleTo(actor),
      input.roundYear != null ? { round: { year: input.roundYear } } : {},
      applicationFilterWhere(actor, input.filter),
    ],
  };
  const columns = input.groupBy.map((dimension) => groupColumn[dimension]);
  // Every grouped column is a uuid or an enum value: a string.
  const grouped = await prisma.application.groupBy({ by: columns, where, _count: { _all: true } });
  const groups = grouped as unknown as Array<Partial<Record<(typeof columns)[number], string>> & { _count: { _all: number } }>;

  const idsOf = (dimension: ApplicationDimension) =>
    input.groupBy.includes(dimension) ? [...new Set(groups.map((group) => group[groupColumn[dimension]]!))] : [];
  const [areas, rounds, units] = await Promise.all([
    idsOf('AREA').length ? prisma.area.findMany({ where: { id: { in: idsOf('AREA') } }, select: { id: true, code: true, name: true } }) : [],
    idsOf('ROUND').length ? prisma.round.findMany({ where: { id: { in: idsOf('ROUND') } }, select: { id: true, year: true, name: true } }) : [],
    idsOf('UNIT_NATURE').length ? prisma.employerUnit.findMany({ where: { id: { in: idsOf('UNIT_NATURE') } }, select: { id: true, nature: true } }) : [],
  ]);
  const areaById = new Map(areas.map((area) => [area.id, area]));
  const roundById = new Map(rounds.map((round) => [round.id, round]));
  const natureByUnit = new Map(units.map((unit) => [unit.id, unit.nature]));

  /** The key of one grouped value, and a sort key that orders it among its dimension's values. */
  const keyOf = (dimension: ApplicationDimension, column: string | null): { key: DimensionValue; rank: string } => {
    if (column === null) return { key: { dimension, value: null, label: notFilledInLabel }, rank: '~' };
    switch (dimension) {
      case 'AREA': {
        const area = areaById.get(column)!;
        return { key: { dimension, value: area.id, label: area.name }, rank: area.code };
      }
      case 'ROUND': {
        const round = roundById.get(column)!;
        return { key: { dimension, value: String(round.year), label: round.name }, rank: String(round.year).padStart(6, '0') };
      }
      default: {
        const value = dimension === 'UNIT_NATURE' ? natureByUnit.get(column)! : column;
        const rank = String(enumOrder[dimension].indexOf(value)).padStart(3, '0');
        return { key: { dimension, value, label: enumLabels[dimension][value] ?? value }, rank };
      }
    }
  };

  // Units of one nature fold into one line: the sums of the database's counts per unit.
  const lines = new Map<string, ApplicationCount & { rank: string }>();
  for (const group of groups) {
    const keyed = input.groupBy.map((dimension) => keyOf(dimension, group[groupColumn[dimension]] ?? null));
    const id = keyed.map(({ key }) => key.value).join('\u0000');
    const line = lines.get(id) ?? { keys: keyed.map(({ key }) => key), count: 0, rank: keyed.map(({ rank }) => rank).join('\u0000') };
    line.count += group._count._all;
    lines.set(id, line);
  }
  return [...lines.values()]
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map(({ keys, count }) => ({ keys, count }));
}

// ───────────────────────────── deadline progress ─────────────────────────────

export interface DeadlineProgress {
  round: Round;
  daysLeftToApplicationDeadline: number;
  daysLeftToRecommendationDeadline: number;
  totals: { applications: number; submitted: number; endorsed: number; recommended: number; selected: number };
  perDay: Array<{ date: string; submitted: number; endorsed: number; recommended: number; selected: number }>;
}

const dayMs = 86_400_000;

/** Whole Beijing calendar days from `now` to the deadline's day: 0 on the last day and after it. */
export function daysLeft(now: Date, deadline: Date): number {
  const days = (Date.parse(beijingDate(deadline)) - Date.parse(beijingDate(now))) / dayMs;
  return Math.max(days, 0);
}

/** The round of that year, or the current one (as `currentRound` chooses it). */
async function roundFor(roundYear: number | null | undefined, now: Date): Promise<Round | null> {
  return roundYear != null ? prisma.round.findUnique({ where: { year: roundYear } }) : currentRound(now);
}

/**
 * How far the round has come. Totals count the visible applications that reached each step
 * (its timestamp is set; for selection, a status change to SELECTED, because decidedAt is also
 * set by 未入选 and a selected trainee who later abandons still took a place once); each day
 * counts the applications that first reached it on that Beijing calendar day, from the status
 * history. Days with no such step are left out.
 */
export async function deadlineProgress(actor: Actor, now: Date, roundYear?: number | null): Promise<DeadlineProgress | null> {
  assertMayCount(actor);
  const round = await roundFor(roundYear, now);
  if (!round) return null;
  const visibleInRound: Prisma.ApplicationWhereInput = { AND: [{ roundId: round.id }, applicationsVisibleTo(actor)] };
  const [totals, selected, perDay] = await Promise.all([
    prisma.application.aggregate({
      where: visibleInRound,
      _count: { _all: true, submittedAt: true, endorsedAt: true, recommendedAt: true },
    }),
    prisma.application.count({ where: { AND: [visibleInRound, { statusChanges: { some: { toStatus: 'SELECTED' } } }] } }),
    prisma.$queryRaw<DeadlineProgress['perDay']>`
      WITH first_reached AS (
        SELECT sc."applicationId", sc."toStatus", min(sc."at") AS "at"
        FROM "StatusChange" sc
        JOIN "Application" a ON a.id = sc."applicationId"
        WHERE a."roundId" = ${round.id}::uuid
          AND ${applicationsVisibleToSql(actor)}
          AND sc."toStatus" IN ('SUBMITTED', 'ENDORSED', 'RECOMMENDED', 'SELECTED')
        GROUP BY sc."applicationId", sc."toStatus"
      )
      SELECT to_char(date_trunc('day', "at" AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS "date",
             (count(*) FILTER (WHERE "toStatus" = 'SUBMITTED'))::int AS "submitted",
             (count(*) FILTER (WHERE "toStatus" = 'ENDORSED'))::int AS "endorsed",
             (count(*) FILTER (WHERE "toStatus" = 'RECOMMENDED'))::int AS "recommended",
             (count(*) FILTER (WHERE "toStatus" = 'SELECTED'))::int AS "selected"
      FROM first_reached
      GROUP BY 1
      ORDER BY 1`,
  ]);
  return {
    round,
    daysLeftToApplicationDeadline: daysLeft(now, round.applicationDeadline),
    daysLeftToRecommendationDeadline: daysLeft(now, round.recommendationDeadline),
    totals: {
      applications: totals._count._all,
      submitted: totals._count.submittedAt,
      endorsed: totals._count.endorsedAt,
      recommended: totals._count.recommendedAt,
      selected,
    },
    perDay,
  };
}

// ───────────────────────────── a reviewer's queue ─────────────────────────────

/** The statuses that wait for each reviewing role. */
export const queueStatuses: Partial<Record<Actor['role'], ApplicationStatus[]>> = {
  EMPLOYER: ['SUBMITTED', 'RETURNED_TO_EMPLOYER'],
  PREFECTURE: ['ENDORSED'],
  REGIONAL: ['RECOMMENDED'],
};

export interface ReviewQueue {
  size: number;
  /** When the longest-waiting application entered its current status. */
  oldestWaitingSince: Date | null;
  oldestApplicationId: string | null;
}

/**
 * What waits for the signed-in reviewer, within its scope. An application waits since it
 * entered its current status (Application.statusChangedAt): the queue's WAITING_SINCE order,
 * so the longest-waiting item is the queue's first row.
 */
export async function reviewQueue(actor: Actor, roundYear?: number | null): Promise<ReviewQueue> {
  const statuses = queueStatuses[actor.role];
  if (!statuses) throw new ForbiddenError('仅审核人有待审队列');
  const inRound = roundYear != null ? Prisma.sql`AND a."roundId" = (SELECT id FROM "Round" WHERE year = ${roundYear})` : Prisma.empty;
  const [row] = await prisma.$queryRaw<Array<{ size: number; id: string | null; since: Date | null }>>`
    WITH queue AS (
      SELECT a.id, a."statusChangedAt" AS since
      FROM "Application" a
      WHERE a.status IN (${Prisma.join(statuses.map((status) => Prisma.sql`${status}::"ApplicationStatus"`))})
        AND ${applicationsVisibleToSql(actor)}
        ${inRound}
    )
    SELECT (SELECT count(*) FROM queue)::int AS size, oldest.id, oldest.since
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id, since FROM queue ORDER BY since, id LIMIT 1) AS oldest ON TRUE`;
  return { size: row?.size ?? 0, oldestWaitingSince: row?.since ?? null, oldestApplicationId: row?.id ?? null };
}

// ───────────────────────────── across years ─────────────────────────────

/** One year of the programme, for one area or for all the reader may see (issue 14 item 6). */
export interface ProgrammeYear {
  year: number;
  roundName: string;
  /** The area of the line; null on a line of the whole visible scope. */
  areaId: string | null;
  areaName: string | null;
  /** Applications filed (submitted at least once; drafts are not counted). */
  submitted: number;
  recommended: number;
  /** Reached 已成功入选, abandonment afterwards included (as deadlineProgress counts it). */
  selected: number;
  /** With a confirmed placement at a host institution. */
  placed: number;
  /** Passed the assessment at the end of the year (优秀 or 合格): a certificate was issued. */
  completed: number;
}

/**
 * Each year's funnel, from filing to completion, inside the reader's row rules: per year, and
 * per year and area with `byArea`. One statement: the counts are the database's (FILTER over
 * the application's own timestamps, the status history, its placement and its training record).
 */
export async function programmeHistory(actor: Actor, byArea: boolean): Promise<ProgrammeYear[]> {
  assertMayCount(actor);
  const areaColumns = byArea ? Prisma.sql`ar.id AS "areaId", ar.name AS "areaName"` : Prisma.sql`NULL::uuid AS "areaId", NULL::text AS "areaName"`;
  const areaJoin = byArea ? Prisma.sql`JOIN "Area" ar ON ar.id = a."areaId"` : Prisma.empty;
  const areaGroup = byArea ? Prisma.sql`, ar.id, ar.name, ar.code` : Prisma.empty;
  const areaOrder = byArea ? Prisma.sql`, ar.code` : Prisma.empty;
  return prisma.$queryRaw<ProgrammeYear[]>`
    SELECT r.year, r.name AS "roundName", ${areaColumns},
           (count(*) FILTER (WHERE a."submittedAt" IS NOT NULL))::int AS "submitted",
           (count(*) FILTER (WHERE a."recommendedAt" IS NOT NULL))::int AS "recommended",
           (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."applicationId" = a.id AND sc."toStatus" = 'SELECTED')))::int AS "selected",
           (count(*) FILTER (WHERE p.status = 'CONFIRMED'))::int AS "placed",
           (count(*) FILTER (WHERE t.assessment IN (${Prisma.join(certifiedAssessments.map((result) => Prisma.sql`${result}::"AssessmentResult"`))})))::int AS "completed"
    FROM "Application" a
    JOIN "Round" r ON r.id = a."roundId"
    ${areaJoin}
    LEFT JOIN "Placement" p ON p."applicationId" = a.id
    LEFT JOIN "TrainingRecord" t ON t."applicationId" = a.id
    WHERE ${applicationsVisibleToSql(actor)}
    GROUP BY r.year, r.name${areaGroup}
    ORDER BY r.year${areaOrder}`;
}
