// The three review stages: employer unit, prefecture (or department / XPCC), region.
import type { Application, FindingResult } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { FieldProblems, ForbiddenError } from '../../errors/domain-errors.ts';
import { assertEligible } from '../eligibility/eligibility.guard.ts';
import { assertSelectable } from './selection-check.ts';
import { assertRecommendationsOpen } from '../rounds/deadlines.ts';
import { transition, type Transaction } from '../applications/workflow.service.ts';

export interface ReviewInput {
  applicationId: string;
  expectedVersion: number;
  comment?: string | null;
  findings?: Array<{ item: string; result: FindingResult; comment?: string | null }>;
  /** 推荐条件一、二 judged by the reviewer: required to endorse or recommend. */
  conductConfirmed?: boolean | null;
}

export type EmployerDecision = 'RETURN' | 'REJECT' | 'ENDORSE';
export type PrefectureDecision = 'RETURN' | 'REJECT' | 'RECOMMEND';
export type RegionalDecision = 'SELECT' | 'NOT_SELECT';

function checkReviewInput(input: ReviewInput, decision: string): void {
  const problems = new FieldProblems();
  const needsReason = decision === 'RETURN' || decision === 'REJECT' || decision === 'NOT_SELECT';
  if (needsReason && !input.comment?.trim() && !input.findings?.some((f) => f.comment?.trim())) {
    problems.add(['comment'], decision === 'RETURN' ? '退回修改须说明需修改的内容' : '请填写审核意见');
  }
  if ((decision === 'ENDORSE' || decision === 'RECOMMEND') && !input.conductConfirmed) {
    problems.add(['conductConfirmed'], '请确认申报人政治表现和思想品德符合推荐条件');
  }
  if ((input.comment?.length ?? 0) > 2000) problems.add(['comment'], '审核意见不超过2000字');
  input.findings?.forEach((finding, index) => {
    if (!finding.item.trim() || finding.item.length > 100) problems.add(['findings', String(index), 'item'], '审核项不能为空且不超过100字');
    if (finding.result !== 'PASS' && !finding.comment?.trim()) problems.add(['findings', String(index), 'comment'], '不符合或需修改的项须说明原因');
  });
  problems.throwIfAny();
}

async function recommendationWindow(tx: Transaction, application: Application, now: Date): Promise<void> {
  assertRecommendationsOpen(await tx.round.findUniqueOrThrow({ where: { id: application.roundId } }), now);
}

export async function employerReview(actor: Actor, now: Date, decision: EmployerDecision, input: ReviewInput, unitTrainingNeeds?: string | null) {
  if (actor.role !== 'EMPLOYER') throw new ForbiddenError('仅用人单位审核人可以进行单位审核');
  checkReviewInput(input, decision);
  const to = decision === 'RETURN' ? 'RETURNED_TO_APPLICANT' : decision === 'REJECT' ? 'EMPLOYER_REJECTED' : 'ENDORSED';
  const action = decision === 'RETURN' ? '退回申报人修改' : decision === 'REJECT' ? '作出单位审核不通过' : '单位审核通过';
  return transition(actor, now, {
    applicationId: input.applicationId,
    expectedVersion: input.expectedVersion,
    to,
    action,
    reason: input.comment ?? null,
    review: { stage: 'EMPLOYER', decision, comment: input.comment, conductConfirmed: !!input.conductConfirmed, findings: input.findings },
    data: decision === 'ENDORSE' ? { endorsedAt: now, ...(unitTrainingNeeds ? { unitTrainingNeeds } : {}) } : {},
    guard: async (tx, application) => {
      await recommendationWindow(tx, application, now);
      if (decision === 'ENDORSE') await assertEligible(tx, application.id, now, '审核通过');
    },
  });
}

export async function prefectureReview(actor: Actor, now: Date, decision: PrefectureDecision, input: ReviewInput) {
  if (actor.role !== 'PREFECTURE') throw new ForbiddenError('仅地州市人社局、自治区厅（局）或兵团审核人可以推荐');
  checkReviewInput(input, decision);
  const to = decision === 'RETURN' ? 'RETURNED_TO_EMPLOYER' : decision === 'REJECT' ? 'PREFECTURE_REJECTED' : 'RECOMMENDED';
  const action = decision === 'RETURN' ? '退回用人单位' : decision === 'REJECT' ? '作出不予推荐' : '推荐';
  return transition(actor, now, {
    applicationId: input.applicationId,
    expectedVersion: input.expectedVersion,
    to,
    action,
    reason: input.comment ?? null,
    review: { stage: 'PREFECTURE', decision, comment: input.comment, conductConfirmed: !!input.conductConfirmed, findings: input.findings },
    data: decision === 'RECOMMEND' ? { recommendedAt: now } : {},
    guard: async (tx, application) => {
      await recommendationWindow(tx, application, now);
      if (decision === 'RECOMMEND') await assertEligible(tx, application.id, now, '推荐');
    },
  });
}

export async function regionalDecision(actor: Actor, now: Date, decision: RegionalDecision, input: ReviewInput) {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以作出入选决定');
  checkReviewInput(input, decision);
  return transition(actor, now, {
    applicationId: input.applicationId,
    expectedVersion: input.expectedVersion,
    to: decision === 'SELECT' ? 'SELECTED' : 'NOT_SELECTED',
    action: decision === 'SELECT' ? '确定入选' : '确定未入选',
    reason: input.comment ?? null,
    review: { stage: 'REGIONAL', decision, comment: input.comment, conductConfirmed: true, findings: input.findings },
    data: { decidedAt: now },
    // Only a selection needs the application to be eligible and its papers complete: the facts
    // may have changed since the recommendation (a unit blacklisted since, a scan never
    // uploaded). Turning an application down needs neither — an incomplete or no longer
    // eligible application is exactly what the regional bureau may decline.
    guard: decision === 'SELECT' ? (tx, application) => assertSelectable(tx, application, now, '确定入选') : undefined,
  });
}
