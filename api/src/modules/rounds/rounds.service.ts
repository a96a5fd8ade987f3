// The regional admin opens each year's round (createRound, starting from the previous round's
// settings: nextRoundDraft), moves it through its year (advanceRoundPhase; the phases are in
// round-phase.ts) and configures it (DOMAIN.md "Timeline": every round is configurable):
// its deadlines, its age cut-off date and its shortage specialties (紧缺专业). Until the round is
// finished (round-finished.ts) a deadline may be extended, or a passed one moved later to reopen
// its phase; a passed deadline is never moved earlier, which would rewrite when it closed. A
// finished round is history and stays as it was.
import type { Prisma, Round } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { publishedRounds } from '../../auth/row-rules.ts';
import { beijingDate, endOfBeijingDay, formatBeijing } from '../../clock.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { ConflictError, FieldProblems, ForbiddenError, NotFoundError, RoundPhaseError } from '../../errors/domain-errors.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import { recordRelaxedRules } from '../eligibility/relaxed-rules.ts';
import { finalStatuses, assertRoundNotFinished } from './round-finished.ts';
import { isAdvancedByHand, nextPhase, type RoundPhase, roundPhase, roundPhaseLabels, stageOf } from './round-phase.ts';

/** Who may list the rounds (auth/scopes.ts): anyone signed in, within roundsVisibleTo. */
export const roundReaders = { signedIn: true } as const;

/** The `rounds` list's order, newest first (its Excel export reads it too); ending on the id, as a keyset needs. */
export const roundsOrder = [{ year: 'desc' }, { id: 'asc' }] as const satisfies Prisma.RoundOrderByWithRelationInput[];

/**
 * 当前年度: of the published rounds (not in preparation), the earliest whose recommendation
 * deadline has not passed, else the latest. The console's current round (`currentRound`), the
 * dashboard's default round and the areas list's 本年度申报数 are this one round.
 */
export async function currentRound<Query extends Pick<Prisma.RoundFindFirstArgs, 'select' | 'include'>>(now: Date, query?: Query) {
  return (
    (await prisma.round.findFirst({ ...query, where: { ...publishedRounds, recommendationDeadline: { gte: now } }, orderBy: { year: 'asc' } })) ??
    prisma.round.findFirst({ ...query, where: publishedRounds, orderBy: { year: 'desc' } })
  );
}

export interface RoundChanges {
  applicationDeadline?: Date | null;
  recommendationDeadline?: Date | null;
  /** YYYY-MM-DD (the Date scalar). */
  ageCutoffDate?: string | null;
  shortageSpecialties?: readonly string[] | null;
}

const maxSpecialties = 50;
const maxSpecialtyLength = 30;

/** Trimmed, without blanks and repeats, in the order given. */
function cleanSpecialties(specialties: readonly string[]): string[] {
  return [...new Set(specialties.map((specialty) => specialty.trim()).filter(Boolean))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

const deadlineNames = { applicationDeadline: '个人申报', recommendationDeadline: '审核推荐' } as const;

interface RoundSettings {
  applicationDeadline: Date;
  recommendationDeadline: Date;
  ageCutoffDate: Date;
  shortageSpecialties: string[];
}

/** The checks a new round and a change of a round share. */
function validateSettings(problems: FieldProblems, year: number, changes: RoundChanges, next: RoundSettings) {
  if (next.recommendationDeadline <= next.applicationDeadline) {
    problems.add(['input', 'recommendationDeadline'], `审核推荐截止时间（${formatBeijing(next.recommendationDeadline)}）须晚于个人申报截止时间（${formatBeijing(next.applicationDeadline)}）`);
  }
  // The cut-off is 1 January of year − 45 in the notice; a date far from that is a typing error.
  const cutoffYear = next.ageCutoffDate.getUTCFullYear();
  if (cutoffYear < year - 60 || cutoffYear > year - 18) {
    problems.add(['input', 'ageCutoffDate'], `年龄截止出生日期应在 ${year - 60} 年至 ${year - 18} 年之间（${year}年度按45周岁为 ${defaultAgeCutoff(year)}）`);
  }
  if (changes.shortageSpecialties) {
    if (next.shortageSpecialties.length > maxSpecialties) problems.add(['input', 'shortageSpecialties'], `紧缺专业最多 ${maxSpecialties} 个`);
    const tooLong = next.shortageSpecialties.filter((specialty) => specialty.length > maxSpecialtyLength);
    if (tooLong.length) problems.add(['input', 'shortageSpecialties'], `紧缺专业名称不超过 ${maxSpecialtyLength} 字：${tooLong.join('、')}`);
  }
}

function validate(round: Round, now: Date, changes: RoundChanges, next: RoundSettings) {
  const problems = new FieldProblems();
  for (const key of ['applicationDeadline', 'recommendationDeadline'] as const) {
    if (now > round[key] && next[key] < round[key]) {
      problems.add(['input', key], `${deadlineNames[key]}已于 ${formatBeijing(round[key])}（北京时间）截止，截止时间只能延后（重新开放），不能提前`);
    }
    // Past selection the deadlines are history: reopening them would put trainees back into review.
    if (round.stage !== 'OPEN' && round.stage !== 'PREPARING' && next[key].getTime() !== round[key].getTime()) {
      problems.add(['input', key], `${round.name}已进入培养单位分配及以后的阶段，截止时间不能再修改`);
    }
  }
  validateSettings(problems, round.year, changes, next);
  problems.throwIfAny();
}

/**
 * Changes a round that is not finished. Changing the shortage specialties changes which applications may
 * relax education or title, so their stored relaxed rules are recomputed in the same
 * transaction: nobody reads a round and rules that disagree.
 */
export async function updateRound(actor: Actor, now: Date, roundId: string, changes: RoundChanges): Promise<Round> {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以设置年度截止时间与紧缺专业');
  return prisma.$transaction(async (tx) => {
    // Serialises with selections and quota changes of the round (they lock the same row).
    await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${roundId}::uuid FOR UPDATE`;
    const round = await assertRoundNotFinished(tx, roundId, now);
    const next = {
      applicationDeadline: changes.applicationDeadline ?? round.applicationDeadline,
      recommendationDeadline: changes.recommendationDeadline ?? round.recommendationDeadline,
      ageCutoffDate: changes.ageCutoffDate ? new Date(`${changes.ageCutoffDate}T00:00:00Z`) : round.ageCutoffDate,
      shortageSpecialties: changes.shortageSpecialties ? cleanSpecialties(changes.shortageSpecialties) : round.shortageSpecialties,
    };
    validate(round, now, changes, next);
    const updated = await tx.round.update({ where: { id: roundId }, data: next });
    if (!sameList(round.shortageSpecialties, next.shortageSpecialties)) await recordRelaxedRules(tx, { roundId }, now);
    return updated;
  }, transactionOptions);
}

// ───────────────────────────── a new round ─────────────────────────────

export interface NewRound {
  year: number;
  name?: string | null;
  noticeNumber?: string | null;
  /** YYYY-MM-DD */
  noticeDate?: string | null;
  applicationDeadline: Date;
  recommendationDeadline: Date;
  /** YYYY-MM-DD; 1 January of year − 45 when absent. */
  ageCutoffDate?: string | null;
  remotePlaces: number;
  localPlaces: number;
  trainingMonths?: number | null;
  shortageSpecialties: readonly string[];
}

/** 1 January of year − 45 (推荐条件: 45周岁以下), as the notice sets the cut-off. */
export function defaultAgeCutoff(year: number): string {
  return `${year - 45}-01-01`;
}

function dateColumn(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** The same Beijing clock time `years` later (a deadline of 5 March stays 5 March). */
function yearsLater(instant: Date, years: number): Date {
  const next = new Date(instant);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/**
 * What the next round's form starts from: the latest round's settings a year on (its
 * deadlines on the same days, its places, its shortage specialties), the age cut-off for the
 * new year, no notice yet. Without any round, the notice's own calendar for this year.
 */
export async function nextRoundDraft(actor: Actor, now: Date): Promise<NewRound & { name: string; ageCutoffDate: string; trainingMonths: number }> {
  if (actor.role !== 'REGIONAL' && actor.role !== 'ANALYST') throw new ForbiddenError('仅自治区人社厅可以新建年度');
  const latest = await prisma.round.findFirst({ orderBy: { year: 'desc' } });
  const year = latest ? latest.year + 1 : Number(beijingDate(now).slice(0, 4));
  const shift = latest ? year - latest.year : 0;
  return {
    year,
    name: `${year}年度`,
    noticeNumber: null,
    noticeDate: null,
    applicationDeadline: latest ? yearsLater(latest.applicationDeadline, shift) : endOfBeijingDay(`${year}-03-05`),
    recommendationDeadline: latest ? yearsLater(latest.recommendationDeadline, shift) : endOfBeijingDay(`${year}-03-20`),
    ageCutoffDate: defaultAgeCutoff(year),
    remotePlaces: latest?.remotePlaces ?? 200,
    localPlaces: latest?.localPlaces ?? 200,
    trainingMonths: latest?.trainingMonths ?? 12,
    shortageSpecialties: latest?.shortageSpecialties ?? [],
  };
}

/** Opens a round in preparation (筹备中): invisible to applicants until advanceRoundPhase publishes it. */
export async function createRound(actor: Actor, now: Date, input: NewRound): Promise<Round> {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以新建年度');
  const problems = new FieldProblems();
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.add(['input', 'year'], '年度应为2000至2100之间的年份');
  for (const key of ['remotePlaces', 'localPlaces'] as const) {
    if (!Number.isInteger(input[key]) || input[key] < 0 || input[key] > 10000) problems.add(['input', key], '名额应为0至10000的整数');
  }
  const trainingMonths = input.trainingMonths ?? 12;
  if (!Number.isInteger(trainingMonths) || trainingMonths < 1 || trainingMonths > 36) problems.add(['input', 'trainingMonths'], '培养期限应为1至36个月');
  if (input.applicationDeadline <= now) problems.add(['input', 'applicationDeadline'], '个人申报截止时间须晚于现在');
  const name = input.name?.trim() || `${input.year}年度`;
  if (name.length > 30) problems.add(['input', 'name'], '年度名称不超过30字');
  const noticeNumber = input.noticeNumber?.trim() || null;
  if (noticeNumber && noticeNumber.length > 50) problems.add(['input', 'noticeNumber'], '通知文号不超过50字');
  const settings: RoundSettings = {
    applicationDeadline: input.applicationDeadline,
    recommendationDeadline: input.recommendationDeadline,
    ageCutoffDate: dateColumn(input.ageCutoffDate ?? defaultAgeCutoff(input.year)),
    shortageSpecialties: cleanSpecialties(input.shortageSpecialties),
  };
  validateSettings(problems, input.year, { shortageSpecialties: input.shortageSpecialties }, settings);
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    if (await tx.round.findFirst({ where: { OR: [{ year: input.year }, { name }] } })) throw new ConflictError(`${input.year}年度（${name}）已存在`);
    return tx.round.create({
      data: {
        ...settings,
        year: input.year,
        name,
        noticeNumber,
        noticeDate: input.noticeDate ? dateColumn(input.noticeDate) : null,
        remotePlaces: input.remotePlaces,
        localPlaces: input.localPlaces,
        trainingMonths,
        stage: 'PREPARING',
        createdAt: now,
      },
    });
  }, transactionOptions);
}

// ───────────────────────────── through the year ─────────────────────────────

/** What must hold before a round enters a phase by hand; throws RoundPhaseError when it does not. */
async function assertReadyFor(tx: Transaction, round: Round, to: RoundPhase, now: Date): Promise<void> {
  const refuse = (message: string) => {
    throw new RoundPhaseError(to, `${round.name}不能进入“${roundPhaseLabels[to]}”：${message}`);
  };
  switch (to) {
    case 'APPLICATIONS': {
      if (round.applicationDeadline <= now) refuse(`个人申报截止时间（${formatBeijing(round.applicationDeadline)}）已过，请先修改截止时间`);
      // One round takes applications and recommendations at a time: the current one.
      const running = await tx.round.findFirst({ where: { id: { not: round.id }, stage: 'OPEN', recommendationDeadline: { gte: now } } });
      if (running) refuse(`${running.name}仍在申报或审核推荐中`);
      return;
    }
    case 'PLACEMENT': {
      const waiting = await tx.application.count({ where: { roundId: round.id, status: 'RECOMMENDED' } });
      if (waiting) refuse(`仍有 ${waiting} 份已推荐的申报待遴选`);
      return;
    }
    case 'ORIENTATION': {
      const unconfirmed = await tx.application.count({
        where: { roundId: round.id, status: 'SELECTED', OR: [{ placement: null }, { placement: { status: 'PROPOSED' } }] },
      });
      if (unconfirmed) refuse(`尚有 ${unconfirmed} 名入选学员的培养单位分配未确认`);
      return;
    }
    case 'CLOSED': {
      const moving = await tx.application.count({ where: { roundId: round.id, status: { notIn: [...finalStatuses] } } });
      if (moving) refuse(`尚有 ${moving} 份申报未办结（如培养中、待结业）`);
      return;
    }
    default:
      return;
  }
}

/**
 * Moves a round into the next phase of its year. `to` must be that next phase (a second click
 * on a stale page is refused, not taken as one more step). 审核推荐 and 遴选 follow the
 * deadlines and are not entered by hand: the deadline is changed instead.
 */
export async function advanceRoundPhase(actor: Actor, now: Date, roundId: string, to: RoundPhase): Promise<Round> {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以推进年度阶段');
  return prisma.$transaction(async (tx) => {
    // Serialises with selections, quota changes and placements of the round.
    await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${roundId}::uuid FOR UPDATE`;
    const round = await tx.round.findUnique({ where: { id: roundId } });
    if (!round) throw new NotFoundError('特培年度');
    const phase = await roundPhase(round, now, tx);
    const next = nextPhase(phase);
    if (next !== to) {
      throw new RoundPhaseError(phase, `${round.name}当前为“${roundPhaseLabels[phase]}”，${next ? `下一阶段是“${roundPhaseLabels[next]}”` : '已是最后阶段'}，不能进入“${roundPhaseLabels[to]}”`);
    }
    if (!isAdvancedByHand(to)) {
      const deadline = to === 'RECOMMENDATIONS' ? round.applicationDeadline : round.recommendationDeadline;
      throw new RoundPhaseError(phase, `“${roundPhaseLabels[to]}”在${deadlineNames[to === 'RECOMMENDATIONS' ? 'applicationDeadline' : 'recommendationDeadline']}截止（${formatBeijing(deadline)}，北京时间）后自动开始；如需提前，请修改截止时间`);
    }
    await assertReadyFor(tx, round, to, now);
    return tx.round.update({ where: { id: roundId }, data: { stage: stageOf(to) } });
  }, transactionOptions);
}
