// After selection: the mandatory orientation (训前培训), the year of training, completion.
import type { AssessmentResult } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { FieldProblems, ForbiddenError, NotFoundError } from '../../errors/domain-errors.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { assertRoundNotFinished } from '../rounds/round-finished.ts';
import { transition } from '../applications/workflow.service.ts';

function requireRegional(actor: Actor): void {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以登记培训情况');
}

function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** Schedules a 训前培训 of a round that is not finished (round-finished.ts). */
export async function createOrientationSession(actor: Actor, now: Date, input: { roundId: string; title: string; heldOn: string; place: string }) {
  requireRegional(actor);
  return prisma.$transaction(async (tx) => {
    await assertRoundNotFinished(tx, input.roundId, now);
    return tx.orientationSession.create({ data: { roundId: input.roundId, title: input.title, heldOn: dateOnly(input.heldOn), place: input.place } });
  }, transactionOptions);
}

export async function recordOrientation(actor: Actor, now: Date, applicationId: string, expectedVersion: number, sessionId: string) {
  requireRegional(actor);
  const session = await prisma.orientationSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new NotFoundError('训前培训');
  return transition(actor, now, {
    applicationId,
    expectedVersion,
    to: 'ORIENTATION_ATTENDED',
    action: '登记训前培训',
    guard: async (_tx, application) => {
      if (application.roundId !== session.roundId) throw new ForbiddenError('训前培训与申报不属于同一年度');
    },
    after: async (tx, application) => {
      await tx.orientationAttendance.create({ data: { sessionId, applicationId: application.id, recordedById: actor.userId, attendedAt: now } });
    },
  });
}

export async function startTraining(
  actor: Actor,
  now: Date,
  applicationId: string,
  expectedVersion: number,
  input: { hostInstitution: string; mentor?: string | null; startedOn: string },
) {
  requireRegional(actor);
  const problems = new FieldProblems();
  if (!input.hostInstitution.trim()) problems.add(['hostInstitution'], '请填写培养单位');
  problems.throwIfAny();
  return transition(actor, now, {
    applicationId,
    expectedVersion,
    to: 'IN_TRAINING',
    action: '登记开始培养',
    after: async (tx, application) => {
      const round = await tx.round.findUniqueOrThrow({ where: { id: application.roundId } });
      const started = dateOnly(input.startedOn);
      const plannedEnd = new Date(started);
      plannedEnd.setUTCMonth(plannedEnd.getUTCMonth() + round.trainingMonths);
      await tx.trainingRecord.create({
        data: {
          applicationId: application.id,
          hostInstitution: input.hostInstitution.trim(),
          mentor: input.mentor?.trim() || null,
          startedOn: started,
          plannedEndOn: plannedEnd,
        },
      });
    },
  });
}

export async function completeTraining(
  actor: Actor,
  now: Date,
  applicationId: string,
  expectedVersion: number,
  input: { completedOn: string; assessment: AssessmentResult; certificateNumber?: string | null },
) {
  requireRegional(actor);
  return transition(actor, now, {
    applicationId,
    expectedVersion,
    to: 'COMPLETED',
    action: '登记结业',
    after: async (tx, application) => {
      await tx.trainingRecord.update({
        where: { applicationId: application.id },
        data: { completedOn: dateOnly(input.completedOn), assessment: input.assessment, certificateNumber: input.certificateNumber?.trim() || null },
      });
    },
  });
}
