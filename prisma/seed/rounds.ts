// The rounds of the demo: 2025, exactly as 新人社函〔2025〕38号 set it, in its training phase
// while its late starters finish their year; the earlier rounds 2023 and 2024, closed, on the
// same calendar; and the round now open, whose applicant deadline is the next 5 March at or
// after `today`.
import type { Prisma, RoundStage, TrainingMode } from '../src/client.ts';
import { areaProfile } from './area-profiles.ts';
import { addDays, beijingDateOf, beijingInstant, dayMs, endOfBeijingDay } from './calendar.ts';
import { seedId } from './random.ts';
import type { AreaRef } from './units.ts';

export interface SeedRound {
  id: string;
  year: number;
  name: string;
  noticeNumber: string | null;
  /** YYYY-MM-DD; null when the demo does not know the notice. */
  noticeDate: string | null;
  applicationDeadline: Date;
  recommendationDeadline: Date;
  /** YYYY-MM-DD: born on or after it. */
  ageCutoffDate: string;
  remotePlaces: number;
  localPlaces: number;
  trainingMonths: number;
  shortageSpecialties: string[];
  /** From when applicants could start drafting. */
  opensAt: Date;
  /** Nothing in this round's history happens after it: today, for the open round. */
  activityEndsAt: Date;
  /** Its applications were decided and its trainees trained (all of them, or all but late starters). */
  closed: boolean;
  /** Where the bureau has moved it (api rounds/round-phase.ts); an open round's phase follows its deadlines. */
  stage: RoundStage;
  createdAt: Date;
}

export const historicRoundYear = 2025;

export function seedRoundId(year: number): string {
  return seedId(`round:${year}`);
}

/** The year whose 5 March applicant deadline (end of day, Beijing time) is next at or after `today`. */
export function currentRoundYear(today: Date): number {
  const year = Number(beijingDateOf(today).slice(0, 4));
  return today.getTime() <= endOfBeijingDay(`${year}-03-05`).getTime() ? year : year + 1;
}

export function ageCutoffFor(year: number): string {
  return `${year - 45}-01-01`;
}

/** The closed rounds before 2025, in the order they ran. */
export const earlierRoundYears = [2023, 2024] as const;

/**
 * A closed round on 2025's calendar (deadlines 5 and 20 March, training June to May, the story
 * told by 1 July of the next year) with 2025's shortage specialties (our design). Only 2025's
 * notice is a real document; an earlier round's number and date are not invented.
 */
function closedRound(year: number, notice: { number: string; date: string } | null, stage: RoundStage = 'CLOSED'): SeedRound {
  return {
    id: seedRoundId(year),
    year,
    name: `${year}年度`,
    noticeNumber: notice?.number ?? null,
    noticeDate: notice?.date ?? null,
    applicationDeadline: endOfBeijingDay(`${year}-03-05`),
    recommendationDeadline: endOfBeijingDay(`${year}-03-20`),
    ageCutoffDate: ageCutoffFor(year),
    remotePlaces: 200,
    localPlaces: 200,
    trainingMonths: 12,
    shortageSpecialties: ['临床医学', '护理学', '计算机科学与技术', '农学', '水利工程', '学前教育'],
    opensAt: beijingInstant(`${year}-02-14`, '09:00:00.000'),
    activityEndsAt: beijingInstant(`${year + 1}-07-01`),
    closed: true,
    stage,
    createdAt: beijingInstant(`${year}-02-10`, '10:00:00.000'),
  };
}

/**
 * 2025; still in its training phase when some trainees started late and have not finished
 * (the bureau closes a round only once every application is settled, rounds.service.ts).
 */
export function historicRound(lateStarters: number): SeedRound {
  return closedRound(historicRoundYear, { number: '新人社函〔2025〕38号', date: '2025-02-13' }, lateStarters > 0 ? 'TRAINING' : 'CLOSED');
}

export function earlierRounds(): SeedRound[] {
  return earlierRoundYears.map((year) => closedRound(year, null));
}

/** How long before `today` the open round started taking applications. */
const openRoundDaysSoFar = 40;

export function currentRound(today: Date): SeedRound {
  const year = currentRoundYear(today);
  const opensOn = addDays(beijingDateOf(today), -openRoundDaysSoFar);
  return {
    id: seedRoundId(year),
    year,
    name: `${year}年度`,
    // The demo round's notice is not a real document: no number is invented for it.
    noticeNumber: null,
    noticeDate: opensOn,
    applicationDeadline: endOfBeijingDay(`${year}-03-05`),
    recommendationDeadline: endOfBeijingDay(`${year}-03-20`),
    ageCutoffDate: ageCutoffFor(year),
    remotePlaces: 200,
    localPlaces: 200,
    trainingMonths: 12,
    shortageSpecialties: ['临床医学', '护理学', '医学影像学', '计算机科学与技术', '农学', '水利工程', '学前教育'],
    opensAt: beijingInstant(opensOn, '09:00:00.000'),
    // One hour of margin so that no recorded event is later than `today`.
    activityEndsAt: new Date(today.getTime() - 60 * 60 * 1000),
    closed: false,
    stage: 'OPEN',
    createdAt: new Date(beijingInstant(opensOn, '09:00:00.000').getTime() - 3 * dayMs),
  };
}

export function roundRow(round: SeedRound): Prisma.RoundCreateManyInput {
  return {
    id: round.id,
    year: round.year,
    name: round.name,
    noticeNumber: round.noticeNumber,
    noticeDate: round.noticeDate === null ? null : new Date(`${round.noticeDate}T00:00:00.000Z`),
    applicationDeadline: round.applicationDeadline,
    recommendationDeadline: round.recommendationDeadline,
    ageCutoffDate: new Date(`${round.ageCutoffDate}T00:00:00.000Z`),
    remotePlaces: round.remotePlaces,
    localPlaces: round.localPlaces,
    trainingMonths: round.trainingMonths,
    shortageSpecialties: round.shortageSpecialties,
    stage: round.stage,
    createdAt: round.createdAt,
    updatedAt: round.createdAt,
  };
}

export const trainingModes: readonly TrainingMode[] = ['REMOTE', 'LOCAL'];

export function placesOf(round: SeedRound, mode: TrainingMode): number {
  return mode === 'REMOTE' ? round.remotePlaces : round.localPlaces;
}

/** Places per area of one mode: proportional to area size, largest remainders, summing exactly. */
export function splitPlaces(places: number, areas: readonly AreaRef[]): Map<string, number> {
  const weights = areas.map((area) => areaProfile(area.code).weight);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (places * weight) / total);
  const shares = exact.map(Math.floor);
  let left = places - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return new Map(areas.map((area, index) => [area.code, shares[index]!]));
}

export type QuotaTable = Map<TrainingMode, Map<string, number>>;

export function quotaTable(round: SeedRound, areas: readonly AreaRef[]): QuotaTable {
  return new Map(trainingModes.map((mode) => [mode, splitPlaces(placesOf(round, mode), areas)]));
}

export function quotaRows(round: SeedRound, quota: QuotaTable, areas: readonly AreaRef[]): Prisma.QuotaAllocationCreateManyInput[] {
  const updatedAt = new Date(round.createdAt.getTime() + dayMs);
  return trainingModes.flatMap((mode) =>
    areas.map((area) => ({
      id: seedId(`quota:${round.year}:${mode}:${area.code}`),
      roundId: round.id,
      mode,
      areaId: area.id,
      places: quota.get(mode)!.get(area.code)!,
      updatedAt,
    })),
  );
}
