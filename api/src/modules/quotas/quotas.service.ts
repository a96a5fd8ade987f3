// 400 places: 200 异地培养 + 200 当地培养, optionally split over areas. A selection never
// exceeds a quota, even when many are decided at once.
import type { Application, Area, TrainingMode } from '@tepei/db/client';
import { placeHoldingStatuses } from '@tepei/db/reference/status-flow';
import type { Actor } from '../../auth/actor.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { FieldProblems, ForbiddenError, NotFoundError, QuotaExceededError } from '../../errors/domain-errors.ts';
import { pastDraft } from '../applications/application-form.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import type { FactQuery } from '../../shaped-reads/find-many.ts';
import { assertRoundNotFinished } from '../rounds/round-finished.ts';

const modeLabels: Record<TrainingMode, string> = { REMOTE: '异地培养', LOCAL: '当地培养' };

export interface QuotaLine {
  mode: TrainingMode;
  areaId: string | null;
  /** The allocation's area, loaded with the lines: a dashboard's lines are kept and served whole (aggregate-cache.ts), not looked up again per line. */
  area: Area | null;
  places: number;
  /** Selected and after (已成功入选, 训前培训, 培养中, 已结业). */
  used: number;
  /** Recommended, awaiting the regional decision. */
  reserved: number;
  remaining: number;
}

function placesOf(round: { remotePlaces: number; localPlaces: number }, mode: TrainingMode): number {
  return mode === 'REMOTE' ? round.remotePlaces : round.localPlaces;
}

/** The round as its lock reads it: what a selection's place check needs. */
export interface LockedRound {
  id: string;
  name: string;
  remotePlaces: number;
  localPlaces: number;
}

/**
 * The round's row lock. Selections and every change of places (per mode or per area) take it
 * first, so they take turns: each counts what the previous ones committed, and a lowering of
 * places can never slip between a selection's count and its write (nor the reverse). The row
 * comes back with the lock (read after any wait for it), so the places need no second read.
 */
export async function lockRoundQuotas(tx: Transaction, roundId: string): Promise<LockedRound> {
  const [round] = await tx.$queryRaw<LockedRound[]>`
    SELECT id, name, "remotePlaces", "localPlaces" FROM "Round" WHERE id = ${roundId}::uuid FOR UPDATE`;
  if (!round) throw new NotFoundError('特培年度');
  return round;
}

/**
 * A listing changes who may be selected in any round, so it takes every round's lock (in one
 * order, so two listings cannot deadlock): a selection in progress finishes first, and every
 * later one sees the listing when it checks eligibility under its round's lock.
 */
export async function lockAllRoundsForListing(tx: Transaction): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Round" ORDER BY id FOR UPDATE`;
}

/** An application being selected: recommended, so past its draft (its mode is set). */
type PlaceApplication = Pick<Application, 'roundId' | 'mode' | 'areaId'>;

/** What the place check reads, as facts loaded with the application (shaped-reads/find-many.ts). */
export function placeFacts(application: PlaceApplication): Record<string, FactQuery> {
  const { roundId, mode, areaId } = pastDraft(application);
  return {
    placeHolders: { model: 'Application', where: { roundId, mode, status: { in: [...placeHoldingStatuses] } }, select: { areaId: true } },
    allocations: { model: 'QuotaAllocation', where: { roundId, mode, areaId }, select: { places: true, area: { select: { name: true } } } },
  };
}

export interface PlaceFacts {
  placeHolders: readonly { areaId: string }[];
  allocations: readonly { places: number; area: { name: string } }[];
}

/**
 * Refuses a selection past the mode's places or the area's share of them. Called under the
 * round's lock (lockRoundQuotas) with facts read after it was taken.
 */
export function assertPlaceFree(round: LockedRound, selected: PlaceApplication, facts: PlaceFacts): void {
  const application = pastDraft(selected);
  const places = placesOf(round, application.mode);
  const used = facts.placeHolders.length;
  if (used >= places) {
    throw new QuotaExceededError(`${round.name}${modeLabels[application.mode]}名额（${places}名）已满`, places, used);
  }
  const [allocation] = facts.allocations;
  if (allocation) {
    const usedInArea = facts.placeHolders.filter((holder) => holder.areaId === application.areaId).length;
    if (usedInArea >= allocation.places) {
      throw new QuotaExceededError(
        `${allocation.area.name}${modeLabels[application.mode]}分配名额（${allocation.places}名）已满`,
        allocation.places,
        usedInArea,
      );
    }
  }
}

/** Used, reserved and remaining places per mode (areaId null) and per allocated area. */
export async function quotaUsage(actor: Actor, roundId: string): Promise<QuotaLine[]> {
  const round = await prisma.round.findUnique({ where: { id: roundId }, include: { quotaAllocations: { include: { area: true } } } });
  if (!round) throw new NotFoundError('特培年度');
  const counts = await prisma.application.groupBy({
    by: ['mode', 'areaId', 'status'],
    where: { roundId, status: { in: [...placeHoldingStatuses, 'RECOMMENDED'] } },
    _count: { _all: true },
  });
  const tally = (mode: TrainingMode, areaId: string | null, statuses: readonly string[]) =>
    counts
      .filter((row) => row.mode === mode && (areaId === null || row.areaId === areaId) && statuses.includes(row.status))
      .reduce((sum, row) => sum + row._count._all, 0);
  const line = (mode: TrainingMode, area: Area | null, places: number): QuotaLine => {
    const areaId = area?.id ?? null;
    const used = tally(mode, areaId, placeHoldingStatuses);
    return { mode, areaId, area, places, used, reserved: tally(mode, areaId, ['RECOMMENDED']), remaining: Math.max(places - used, 0) };
  };
  const lines: QuotaLine[] = (['REMOTE', 'LOCAL'] as const).map((mode) => line(mode, null, placesOf(round, mode)));
  for (const allocation of round.quotaAllocations) lines.push(line(allocation.mode, allocation.area, allocation.places));
  // A prefecture reviewer sees its own area's lines and the regional totals, nothing of other areas.
  return lines.filter((entry) => entry.areaId === null || actor.role !== 'PREFECTURE' || entry.areaId === actor.areaId);
}

export async function setModePlaces(actor: Actor, now: Date, roundId: string, remotePlaces: number, localPlaces: number) {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以设置名额');
  const problems = new FieldProblems();
  if (!Number.isInteger(remotePlaces) || remotePlaces < 0 || remotePlaces > 10000) problems.add(['remotePlaces'], '名额应为0至10000的整数');
  if (!Number.isInteger(localPlaces) || localPlaces < 0 || localPlaces > 10000) problems.add(['localPlaces'], '名额应为0至10000的整数');
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    await lockRoundQuotas(tx, roundId);
    await assertRoundNotFinished(tx, roundId, now);
    const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, include: { quotaAllocations: true } });
    for (const [mode, places] of [['REMOTE', remotePlaces], ['LOCAL', localPlaces]] as const) {
      const allocated = round.quotaAllocations.filter((a) => a.mode === mode).reduce((sum, a) => sum + a.places, 0);
      if (allocated > places) problems.add([mode === 'REMOTE' ? 'remotePlaces' : 'localPlaces'], `已分配到各地区的名额合计 ${allocated} 名，总名额不能少于此数`);
      const used = await tx.application.count({ where: { roundId, mode, status: { in: [...placeHoldingStatuses] } } });
      if (used > places) problems.add([mode === 'REMOTE' ? 'remotePlaces' : 'localPlaces'], `已入选 ${used} 名，总名额不能少于此数`);
    }
    problems.throwIfAny();
    return tx.round.update({ where: { id: roundId }, data: { remotePlaces, localPlaces } });
  }, transactionOptions);
}

/** Sets one area's share of a mode; the shares of a mode may not add up to more than its places. */
export async function setAreaAllocation(actor: Actor, now: Date, roundId: string, mode: TrainingMode, areaId: string, places: number) {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以分配名额');
  const problems = new FieldProblems();
  if (!Number.isInteger(places) || places < 0) problems.add(['places'], '名额应为非负整数');
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    await lockRoundQuotas(tx, roundId);
    await assertRoundNotFinished(tx, roundId, now);
    const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, include: { quotaAllocations: true } });
    if (!(await tx.area.findUnique({ where: { id: areaId } }))) throw new NotFoundError('地区');
    const others = round.quotaAllocations.filter((a) => a.mode === mode && a.areaId !== areaId).reduce((sum, a) => sum + a.places, 0);
    if (others + places > placesOf(round, mode)) {
      problems.add(['places'], `各地区分配合计 ${others + places} 名，超过${modeLabels[mode]}总名额 ${placesOf(round, mode)} 名`);
    }
    const usedInArea = await tx.application.count({ where: { roundId, mode, areaId, status: { in: [...placeHoldingStatuses] } } });
    if (usedInArea > places) problems.add(['places'], `该地区已入选 ${usedInArea} 名，分配名额不能少于此数`);
    problems.throwIfAny();
    return tx.quotaAllocation.upsert({
      where: { roundId_mode_areaId: { roundId, mode, areaId } },
      create: { roundId, mode, areaId, places },
      update: { places },
    });
  }, transactionOptions);
}
