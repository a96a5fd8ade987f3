// What an applicant does with their own application: fill it in (forms 2 and 3), submit it,
// resubmit it after a return, withdraw it, record classified items sent offline.
import type { Application, ApplicationStatus, ClassifiedItemKind, Round } from '@tepei/db/client';
import { placeHoldingStatuses } from '@tepei/db/reference/status-flow';
import type { Actor } from '../../auth/actor.ts';
import { roundsVisibleTo } from '../../auth/row-rules.ts';
import { beijingDate } from '../../clock.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { ConcurrentModificationError, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../../errors/domain-errors.ts';
import { listForAbandonment } from '../blacklist/blacklist.service.ts';
import { throwIfNotEligible } from '../eligibility/eligibility.guard.ts';
import { eligibilityFromFacts, type EligibilityFacts } from '../eligibility/eligibility.loader.ts';
import { shapedFindMany } from '../../shaped-reads/find-many.ts';
import { eligibilityFacts } from './application-reads.ts';
import { recordRelaxedRules } from '../eligibility/relaxed-rules.ts';
import { linkHostPreferences } from '../host-institutions/host-preferences.ts';
import { assertApplicationsOpen, assertRecommendationsOpen } from '../rounds/deadlines.ts';
import {
  type ApplicationFormDraft,
  applicationFormToPrismaData,
  saveCompleteness,
  storedApplicationForm,
  storedFormChildren,
  type StoredApplicationForm,
  validateApplicationForm,
} from './application-form.ts';
import { nextTraineeNumber } from './trainee-numbers.ts';
import { loadVisibleApplication, transition } from './workflow.service.ts';

function requireApplicant(actor: Actor): void {
  if (actor.role !== 'APPLICANT') throw new ForbiddenError('仅申报人本人可以填写和提交申报');
}

/** Drafts may be edited until applications close; a returned application until recommendations close. */
async function assertEditable(application: Application, now: Date): Promise<void> {
  const round = await prisma.round.findUniqueOrThrow({ where: { id: application.roundId } });
  if (application.status === 'DRAFT') assertApplicationsOpen(round, now);
  else if (application.status === 'RETURNED_TO_APPLICANT') assertRecommendationsOpen(round, now);
  else {
    throw new InvalidTransitionError(application.status, application.status, '只有草稿或被退回修改的申报可以修改');
  }
}

/**
 * A draft is saved as far as it is filled in; only submission requires the whole form. A
 * correction keeps what a submitted application has (saveCompleteness).
 */
function validateSave(rawForm: ApplicationFormDraft, now: Date, status: ApplicationStatus = 'DRAFT') {
  return validateApplicationForm(rawForm, { today: beijingDate(now), completeness: saveCompleteness(status) });
}

export async function createApplication(actor: Actor, now: Date, roundId: string, rawForm: ApplicationFormDraft): Promise<Application> {
  requireApplicant(actor);
  const [round, user] = await Promise.all([
    // A round in preparation is not there for applicants yet.
    prisma.round.findFirst({ where: { id: roundId, ...roundsVisibleTo(actor) } }),
    prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, include: { unit: true } }),
  ]);
  // The ID number the applicant registered with stands for one the draft leaves out.
  const form = validateSave(rawForm.idNumber?.trim() ? rawForm : { ...rawForm, idNumber: user.idNumber }, now);
  if (!round) throw new NotFoundError('特培年度');
  assertApplicationsOpen(round, now);
  const unit = user.unit;
  if (!unit) throw new ForbiddenError('账号未关联用人单位，请联系管理员');
  if (user.idNumber && user.idNumber !== form.idNumber) {
    throw new ForbiddenError('申报表中的身份证号须与注册时的身份证号一致');
  }
  const existing = await prisma.application.findFirst({ where: { roundId, OR: [{ applicantId: actor.userId }, { idNumber: form.idNumber }] } });
  if (existing) throw new ConflictError(`${round.name}已有此人的申报，不能重复申报`);

  const data = applicationFormToPrismaData(form);
  return prisma.$transaction(async (tx) => {
    const created = await tx.application.create({
      data: {
        ...data.scalars,
        ...data.createChildren,
        roundId,
        applicantId: actor.userId,
        unitId: unit.id,
        areaId: unit.areaId,
        status: 'DRAFT',
        createdAt: now,
        statusChangedAt: now,
        statusChanges: { create: { fromStatus: null, toStatus: 'DRAFT', actorId: actor.userId, actorRole: actor.role, at: now } },
      },
    });
    await linkHostPreferences(tx, created.id, now);
    await recordRelaxedRules(tx, { id: created.id }, now);
    return created;
  }, transactionOptions);
}

export async function updateApplication(
  actor: Actor,
  now: Date,
  id: string,
  expectedVersion: number,
  rawForm: ApplicationFormDraft,
): Promise<Application> {
  requireApplicant(actor);
  const application = await loadVisibleApplication(prisma, actor, id);
  const form = validateSave(rawForm.idNumber?.trim() ? rawForm : { ...rawForm, idNumber: application.idNumber }, now, application.status);
  await assertEditable(application, now);
  if (form.idNumber !== application.idNumber) throw new ForbiddenError('身份证号提交后不能修改');
  const data = applicationFormToPrismaData(form);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id, version: expectedVersion, status: application.status },
      data: { version: { increment: 1 } },
    });
    if (count !== 1) throw new ConcurrentModificationError();
    const updated = await tx.application.update({ where: { id }, data: { ...data.scalars, ...data.replaceChildren } });
    await linkHostPreferences(tx, id, now);
    await recordRelaxedRules(tx, { id }, now);
    return updated;
  }, transactionOptions);
}

export async function submitApplication(actor: Actor, now: Date, id: string, expectedVersion: number): Promise<Application> {
  requireApplicant(actor);
  return transition(actor, now, {
    applicationId: id,
    expectedVersion,
    to: 'SUBMITTED',
    action: '提交',
    // One statement reads what every check needs: the saved form with its lists, the round's
    // deadlines, the area's code for the trainee number and the eligibility facts.
    guard: async (tx, application) => {
      const { rows, facts } = await shapedFindMany<StoredApplicationForm & { round: Round; area: { code: string } }>(
        'Application',
        { where: { id: application.id }, include: { ...storedFormChildren, round: true, area: { select: { code: true } } } },
        { facts: eligibilityFacts(now) },
      );
      const stored = rows[0];
      if (!stored) throw new NotFoundError('申报');
      // The first submission closes with individual applications; a correction after a
      // return may come until recommendations close.
      if (application.status === 'DRAFT') assertApplicationsOpen(stored.round, now);
      else assertRecommendationsOpen(stored.round, now);
      // A draft may be saved half filled in; what goes to the unit must be complete. Every
      // missing or wrong field is named at its path under `form`, as when saving.
      validateApplicationForm(storedApplicationForm(stored), { today: beijingDate(now), completeness: 'submission' });
      throwIfNotEligible(eligibilityFromFacts([stored], facts as unknown as EligibilityFacts).get(stored.id)!, '提交');
      if (application.serialNumber) return;
      const series = { roundId: application.roundId, areaId: application.areaId, year: stored.round.year, areaCode: stored.area.code };
      return { serialNumber: await nextTraineeNumber(tx, series) };
    },
    data: { submittedAt: now },
  });
}

/**
 * Before selection an applicant may withdraw. After 已成功入选, giving up is abandonment
 * (放弃或变更): the place is released and applicant and unit are blacklisted for 5 years.
 */
export async function withdrawApplication(
  actor: Actor,
  now: Date,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<Application> {
  if (actor.role !== 'APPLICANT' && actor.role !== 'REGIONAL') throw new ForbiddenError('仅申报人本人或自治区人社厅可以撤回或登记放弃');
  const current = await loadVisibleApplication(prisma, actor, id);
  const abandoning = (placeHoldingStatuses as readonly string[]).includes(current.status);
  return transition(actor, now, {
    applicationId: id,
    expectedVersion,
    to: abandoning ? 'ABANDONED' : 'WITHDRAWN',
    action: abandoning ? '放弃培养' : '撤回',
    reason,
    data: { decidedAt: abandoning ? now : undefined },
    after: abandoning ? (tx, application) => listForAbandonment(tx, actor, now, application) : undefined,
  });
}

export async function recordClassifiedItem(
  actor: Actor,
  now: Date,
  applicationId: string,
  kind: ClassifiedItemKind,
  sentOfflineOn: string,
) {
  requireApplicant(actor);
  const application = await loadVisibleApplication(prisma, actor, applicationId);
  await assertEditable(application, now);
  return prisma.classifiedItem.create({
    data: { applicationId, kind, sentOfflineOn: new Date(`${sentOfflineOn}T00:00:00Z`), recordedById: actor.userId, recordedAt: now },
  });
}
