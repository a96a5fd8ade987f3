// After selection: the mandatory orientation (训前培训), the year of training, completion, each
// in the phases of the round it belongs to (@tepei/db/reference/round-phases, checked in the
// step's own unit of work).
import type { AssessmentResult } from '@tepei/db/client';
import { earnsCertificate } from '@tepei/db/reference/certificate-number';
import type { Actor } from '../../auth/actor.ts';
import { beijingDate } from '../../clock.ts';
import { FieldProblems, ForbiddenError, NotFoundError, ValidationFailedError } from '../../errors/domain-errors.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { assertStepPhase } from '../rounds/round-phase.ts';
import { transition } from '../applications/workflow.service.ts';
import { nextCertificateNumber } from './certificates.service.ts';

function requireRegional(actor: Actor): void {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以登记培训情况');
}

function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** Schedules a 训前培训 of a round in a phase that has one. */
export async function createOrientationSession(actor: Actor, now: Date, input: { roundId: string; title: string; heldOn: string; place: string }) {
  requireRegional(actor);
  return prisma.$transaction(async (tx) => {
    await assertStepPhase(tx, input.roundId, now, 'scheduleOrientation', '安排训前培训');
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
    guard: async (tx, application) => {
      if (application.roundId !== session.roundId) throw new ForbiddenError('训前培训与申报不属于同一年度');
      await assertStepPhase(tx, application.roundId, now, 'recordOrientation', '登记训前培训');
    },
    after: async (tx, application) => {
      await tx.orientationAttendance.create({ data: { sessionId, applicationId: application.id, recordedById: actor.userId, attendedAt: now } });
    },
  });
}

/**
 * The trainee starts at the host. After a confirmed placement (placement.service.ts) the
 * training record exists already: the host and mentor come from it unless given here, and the
 * start date is the actual one.
 */
export async function startTraining(
  actor: Actor,
  now: Date,
  applicationId: string,
  expectedVersion: number,
  input: { hostInstitution?: string | null; mentor?: string | null; startedOn: string },
) {
  requireRegional(actor);
  const placed = await prisma.trainingRecord.findUnique({ where: { applicationId } });
  const hostInstitution = input.hostInstitution?.trim() || placed?.hostInstitution || '';
  const problems = new FieldProblems();
  if (!hostInstitution) problems.add(['hostInstitution'], '请填写培养单位');
  problems.throwIfAny();
  return transition(actor, now, {
    applicationId,
    expectedVersion,
    to: 'IN_TRAINING',
    action: '登记开始培养',
    guard: async (tx, application) => {
      await assertStepPhase(tx, application.roundId, now, 'startTraining', '登记开始培养');
    },
    after: async (tx, application) => {
      const round = await tx.round.findUniqueOrThrow({ where: { id: application.roundId } });
      const started = dateOnly(input.startedOn);
      const plannedEnd = new Date(started);
      plannedEnd.setUTCMonth(plannedEnd.getUTCMonth() + round.trainingMonths);
      const sameHost = placed?.hostInstitution === hostInstitution;
      const record = {
        hostInstitution,
        hostInstitutionId: sameHost ? placed!.hostInstitutionId : ((await tx.hostInstitution.findUnique({ where: { name: hostInstitution } }))?.id ?? null),
        mentor: input.mentor?.trim() || (sameHost ? placed!.mentor : null),
        startedOn: started,
        plannedEndOn: plannedEnd,
      };
      await tx.trainingRecord.upsert({ where: { applicationId: application.id }, create: { applicationId: application.id, ...record }, update: record });
    },
  });
}

/**
 * 结业: the assessment at the end of the year. A trainee assessed as qualified (优秀 or 合格) is
 * given the round's next certificate number (certificates.service.ts); one assessed 不合格
 * finishes without a certificate.
 */
export async function completeTraining(
  actor: Actor,
  now: Date,
  applicationId: string,
  expectedVersion: number,
  input: { completedOn: string; assessment: AssessmentResult },
) {
  requireRegional(actor);
  const completedOn = dateOnly(input.completedOn);
  const problems = new FieldProblems();
  if (input.completedOn > beijingDate(now)) problems.add(['completedOn'], `结业日期不能晚于今天（${beijingDate(now)}）`);
  problems.throwIfAny();
  return transition(actor, now, {
    applicationId,
    expectedVersion,
    to: 'COMPLETED',
    action: '登记结业',
    guard: async (tx, application) => {
      await assertStepPhase(tx, application.roundId, now, 'completeTraining', '登记结业');
    },
    after: async (tx, application) => {
      const record = await tx.trainingRecord.findUnique({ where: { applicationId: application.id }, select: { startedOn: true } });
      if (record && completedOn < record.startedOn) {
        throw new ValidationFailedError([{ path: ['completedOn'], message: `结业日期不能早于开始培养日期（${record.startedOn.toISOString().slice(0, 10)}）` }]);
      }
      const certified = earnsCertificate(input.assessment);
      const round = certified ? await tx.round.findUniqueOrThrow({ where: { id: application.roundId }, select: { year: true } }) : null;
      await tx.trainingRecord.update({
        where: { applicationId: application.id },
        data: { completedOn, assessment: input.assessment, certificateNumber: round ? await nextCertificateNumber(tx, round) : null },
      });
    },
  });
}
