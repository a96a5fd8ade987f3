// 培养单位分配 (issue #14 item 3), in the round's 培养单位分配 phase: the regional bureau
// proposes a placement of the round's selected trainees (deferred-acceptance.ts over their
// form-3 preferences and the places each host offers in their mode), moves trainees by hand
// with a reason, then confirms it, which writes each trainee's training record (host, mentor,
// start date). A host never holds more trainees of a mode than it offers places: the proposal
// respects it, a move is refused past it, and all three steps count under the round's lock.
import type { Application, HostInstitution, Placement, Round, TrainingMode } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { ConflictError, FieldProblems, ForbiddenError, NotFoundError, QuotaExceededError } from '../../errors/domain-errors.ts';
import { pastDraft, type PastDraft } from '../applications/application-form.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import { hostModeProblem } from '../host-institutions/host-preferences.ts';
import { lockRoundQuotas } from '../quotas/quotas.service.ts';
import { stepPhases } from '@tepei/db/reference/round-phases';
import { assertPhase, roundPhase } from '../rounds/round-phase.ts';
import { type PlacementHost, type PlacementTrainee, placeTrainees, unplacedReasonLabels } from './deferred-acceptance.ts';

/** Trainees of a placement: selected, not yet gone to orientation or further. */
const placedStatus = 'SELECTED' as const;

const noListedPreference = '所填志愿均未列入培养单位名录（或已不予列入）';

function requireRegional(actor: Actor): void {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以分配培养单位');
}

/** The round, locked, in its placement phase. */
async function placementRound(tx: Transaction, roundId: string, now: Date, action: string): Promise<Round> {
  await lockRoundQuotas(tx, roundId);
  const round = await tx.round.findUnique({ where: { id: roundId } });
  if (!round) throw new NotFoundError('特培年度');
  assertPhase(round, await roundPhase(round, now, tx), stepPhases.placement, action);
  return round;
}

async function assertNotConfirmed(tx: Transaction, round: Round): Promise<void> {
  if (await tx.placement.count({ where: { roundId: round.id, status: 'CONFIRMED' }, take: 1 })) {
    throw new ConflictError(`${round.name}的培养单位分配已确认，不能再修改`);
  }
}

/** Places per host and mode in the round, and how many of them the stored placement uses. */
async function hostLoad(tx: Transaction, roundId: string) {
  const [offered, placed] = await Promise.all([
    tx.hostPlaces.findMany({ where: { roundId } }),
    tx.placement.findMany({ where: { roundId, hostInstitutionId: { not: null } }, select: { hostInstitutionId: true, application: { select: { mode: true } } } }),
  ]);
  const key = (hostId: string, mode: TrainingMode) => `${hostId}:${mode}`;
  const places = new Map(offered.map((row) => [key(row.hostInstitutionId, row.mode), row.places]));
  const used = new Map<string, number>();
  for (const row of placed) {
    const { mode } = pastDraft(row.application);
    used.set(key(row.hostInstitutionId!, mode), (used.get(key(row.hostInstitutionId!, mode)) ?? 0) + 1);
  }
  return { places: (hostId: string, mode: TrainingMode) => places.get(key(hostId, mode)) ?? 0, used: (hostId: string, mode: TrainingMode) => used.get(key(hostId, mode)) ?? 0 };
}

/**
 * Replaces the round's proposal by a fresh one. Hosts rank trainees by whether they already
 * agreed to receive them (form 3), then by the rank the trainee gave them, then by trainee
 * number (学员编号), then id: the documented tie-break of deferred-acceptance.ts.
 */
export async function proposePlacement(actor: Actor, now: Date, roundId: string): Promise<Round> {
  requireRegional(actor);
  return prisma.$transaction(async (tx) => {
    const round = await placementRound(tx, roundId, now, '分配培养单位');
    await assertNotConfirmed(tx, round);
    const trainees = (
      await tx.application.findMany({
        where: { roundId, status: placedStatus },
        select: { id: true, mode: true, serialNumber: true, hostPreferences: { select: { rank: true, hostInstitutionId: true, hostAgreed: true, mentor: true } } },
      })
    ).map(pastDraft);
    const offered = await tx.hostPlaces.findMany({ where: { roundId } });
    const hostIds = new Set([...offered.map((row) => row.hostInstitutionId), ...trainees.flatMap((t) => t.hostPreferences.map((p) => p.hostInstitutionId).filter((id): id is string => !!id))]);
    const hosts: PlacementHost[] = [...hostIds].map((id) => {
      const placesOf = (mode: TrainingMode) => offered.find((row) => row.hostInstitutionId === id && row.mode === mode)?.places ?? 0;
      const agreed = trainees.filter((t) => t.hostPreferences.some((p) => p.hostInstitutionId === id && p.hostAgreed)).map((t) => t.id);
      return { id, places: { REMOTE: placesOf('REMOTE'), LOCAL: placesOf('LOCAL') }, agreedTraineeIds: new Set(agreed) };
    });
    const input: PlacementTrainee[] = trainees.map((trainee) => ({
      id: trainee.id,
      mode: trainee.mode,
      preferences: trainee.hostPreferences.filter((p) => p.hostInstitutionId).map((p) => ({ hostId: p.hostInstitutionId!, rank: p.rank })),
      tieBreak: trainee.serialNumber ?? trainee.id,
    }));
    const result = placeTrainees({ trainees: input, hosts });
    const byId = new Map(trainees.map((trainee) => [trainee.id, trainee]));

    await tx.placement.deleteMany({ where: { roundId } });
    await tx.placement.createMany({
      data: [
        ...result.assignments.map((assignment) => ({
          roundId,
          applicationId: assignment.traineeId,
          hostInstitutionId: assignment.hostId,
          preferenceRank: assignment.preferenceRank,
          mentor: byId.get(assignment.traineeId)!.hostPreferences.find((p) => p.rank === assignment.preferenceRank)?.mentor ?? null,
          proposedAt: now,
        })),
        ...result.unplaced.map((unplaced) => ({
          roundId,
          applicationId: unplaced.traineeId,
          unplacedReason:
            unplaced.reason === 'NO_PREFERENCES' && byId.get(unplaced.traineeId)!.hostPreferences.length > 0
              ? noListedPreference
              : unplacedReasonLabels[unplaced.reason],
          proposedAt: now,
        })),
      ],
    });
    return round;
  }, transactionOptions);
}

export interface PlacementMove {
  applicationId: string;
  hostInstitutionId: string;
  mentor?: string | null;
  reason: string;
}

/** Moves one trainee of the proposal to another host (or places one left unplaced), with a reason. */
export async function movePlacement(actor: Actor, now: Date, move: PlacementMove): Promise<Placement> {
  requireRegional(actor);
  const problems = new FieldProblems();
  const reason = move.reason.trim();
  if (!reason) problems.add(['reason'], '请填写调整理由');
  if (reason.length > 200) problems.add(['reason'], '理由不超过200字');
  const mentor = move.mentor?.trim() || null;
  if (mentor && mentor.length > 30) problems.add(['mentor'], '导师姓名不超过30字');
  problems.throwIfAny();
  const found = await prisma.application.findUnique({ where: { id: move.applicationId }, include: { placement: true, hostPreferences: true } });
  if (!found?.placement) throw new NotFoundError('培养单位分配');
  const application = pastDraft(found);
  return prisma.$transaction(async (tx) => {
    const round = await placementRound(tx, application.roundId, now, '调整培养单位');
    await assertNotConfirmed(tx, round);
    const host = await tx.hostInstitution.findUnique({ where: { id: move.hostInstitutionId } });
    if (!host) throw new NotFoundError('培养单位');
    const modeProblem = hostModeProblem(host, application.mode);
    if (modeProblem) {
      problems.add(['hostInstitutionId'], modeProblem);
      problems.throwIfAny();
    }
    await assertPlaceAtHost(tx, round, host, application);
    const preference = application.hostPreferences.find((p) => p.hostInstitutionId === host.id);
    return tx.placement.update({
      where: { id: application.placement!.id },
      data: {
        hostInstitutionId: host.id,
        preferenceRank: preference?.rank ?? null,
        mentor: mentor ?? preference?.mentor ?? null,
        unplacedReason: null,
        movedReason: reason,
        movedById: actor.userId,
        movedAt: now,
      },
    });
  }, transactionOptions);
}

async function assertPlaceAtHost(tx: Transaction, round: Round, host: HostInstitution, application: PastDraft<Pick<Application, 'id' | 'mode'>>): Promise<void> {
  const load = await hostLoad(tx, round.id);
  const places = load.places(host.id, application.mode);
  const others = await tx.placement.count({ where: { roundId: round.id, hostInstitutionId: host.id, application: { mode: application.mode }, applicationId: { not: application.id } } });
  if (others >= places) {
    throw new QuotaExceededError(`${host.name}在${round.name}的名额（${places}名）已满`, places, others);
  }
}

/**
 * Confirms the round's placement: every selected trainee must have a host. Each gets the
 * training record of their year (host, mentor, start, planned end after the round's training
 * months); the trainee then sees their host.
 */
export async function confirmPlacement(actor: Actor, now: Date, roundId: string, startsOn: string): Promise<Round> {
  requireRegional(actor);
  return prisma.$transaction(async (tx) => {
    const round = await placementRound(tx, roundId, now, '确认培养单位分配');
    await assertNotConfirmed(tx, round);
    // A trainee who gave up after the proposal holds no place any more.
    await tx.placement.deleteMany({ where: { roundId, application: { status: { not: placedStatus } } } });
    const placements = await tx.placement.findMany({ where: { roundId }, include: { hostInstitution: true, application: { select: { mode: true } } } });
    const selected = await tx.application.count({ where: { roundId, status: placedStatus } });
    const problems = new FieldProblems();
    const unplaced = placements.filter((placement) => !placement.hostInstitution).length + (selected - placements.length);
    if (!placements.length) problems.add(['roundId'], '尚未生成分配方案');
    else if (unplaced) problems.add(['roundId'], `尚有 ${unplaced} 名入选学员未分配培养单位`);
    problems.throwIfAny();
    const load = await hostLoad(tx, roundId);
    for (const placement of placements) {
      const { id, name } = placement.hostInstitution!;
      const { mode } = pastDraft(placement.application);
      if (load.used(id, mode) > load.places(id, mode)) {
        throw new QuotaExceededError(`${name}的名额少于已分配的学员`, load.places(id, mode), load.used(id, mode));
      }
    }
    const started = new Date(`${startsOn}T00:00:00Z`);
    const plannedEnd = new Date(started);
    plannedEnd.setUTCMonth(plannedEnd.getUTCMonth() + round.trainingMonths);
    await tx.trainingRecord.createMany({
      data: placements.map((placement) => ({
        applicationId: placement.applicationId,
        hostInstitution: placement.hostInstitution!.name,
        hostInstitutionId: placement.hostInstitution!.id,
        mentor: placement.mentor,
        startedOn: started,
        plannedEndOn: plannedEnd,
      })),
    });
    await tx.placement.updateMany({ where: { roundId }, data: { status: 'CONFIRMED', confirmedAt: now } });
    return round;
  }, transactionOptions);
}

/** The round's placement for the console: hosts with places and use, trainees with their host. */
export async function placementOverview(roundId: string) {
  const round = await prisma.round.findUnique({ where: { id: roundId } });
  if (!round) throw new NotFoundError('特培年度');
  const [offered, placements] = await Promise.all([
    prisma.hostPlaces.findMany({ where: { roundId }, include: { hostInstitution: true } }),
    prisma.placement.findMany({ where: { roundId }, select: { hostInstitutionId: true, status: true, application: { select: { mode: true } } } }),
  ]);
  const hosts = offered.map((row) => ({
    host: row.hostInstitution,
    mode: row.mode,
    places: row.places,
    placed: placements.filter((p) => p.hostInstitutionId === row.hostInstitutionId && p.application.mode === row.mode).length,
  }));
  hosts.sort((a, b) => a.mode.localeCompare(b.mode) || a.host.name.localeCompare(b.host.name, 'zh-CN'));
  return {
    round,
    hosts,
    placedCount: placements.filter((p) => p.hostInstitutionId).length,
    unplacedCount: placements.filter((p) => !p.hostInstitutionId).length,
    confirmed: placements.length > 0 && placements.every((p) => p.status === 'CONFIRMED'),
  };
}
