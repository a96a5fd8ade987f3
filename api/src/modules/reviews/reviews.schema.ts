// Review decisions of the three stages.
import { builder } from '../../builder.ts';
import {
  ConcurrentModificationError,
  DeadlinePassedError,
  InvalidTransitionError,
  NotEligibleError,
  QuotaExceededError,
  SignedScansMissingError,
} from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { ApplicationType } from '../applications/application.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { ReviewFindingInput } from './review-types.schema.ts';
import { employerReview, prefectureReview, regionalDecision } from './reviews.service.ts';

const EmployerDecisionEnum = builder.enumType('EmployerDecision', {
  description: '用人单位审核结论',
  values: { RETURN: { description: '退回申报人修改' }, REJECT: { description: '审核不通过' }, ENDORSE: { description: '审核通过' } } as const,
});
const PrefectureDecisionEnum = builder.enumType('PrefectureDecision', {
  description: '地州市（厅局、兵团）审核结论',
  values: { RETURN: { description: '退回用人单位' }, REJECT: { description: '不予推荐' }, RECOMMEND: { description: '推荐' } } as const,
});
const RegionalDecisionEnum = builder.enumType('RegionalDecision', {
  description: '自治区人社厅遴选结论',
  values: { SELECT: { description: '入选（已成功入选）' }, NOT_SELECT: { description: '未入选' } } as const,
});

const reviewErrors = [...commonErrors, DeadlinePassedError, NotEligibleError, InvalidTransitionError, ConcurrentModificationError];

builder.mutationFields((t) => {
  const reviewArgs = {
    id: t.arg.globalID({ required: true, for: [ApplicationType] }),
    version: t.arg.int({ required: true, description: '所见申报的 version' }),
    comment: t.arg.string({ required: false }),
    findings: t.arg({ type: [ReviewFindingInput], required: false }),
  };
  const target = (args: { id: { id: string } }) => ({ type: 'Application', id: args.id.id });
  return {
    employerReview: t.withAuth({ employer: true }).field({
      type: ApplicationType,
      description: '用人单位逐项审核：退回修改、不通过或审核通过',
      errors: { types: reviewErrors },
      args: {
        ...reviewArgs,
        decision: t.arg({ type: EmployerDecisionEnum, required: true }),
        conductConfirmed: t.arg.boolean({ required: false, description: '确认政治表现与思想品德符合条件（审核通过时必填）' }),
        unitTrainingNeeds: t.arg.string({ required: false, description: '派出单位培养需求' }),
      },
      resolve: audited('employerReview', target, (args, ctx) =>
        employerReview(
          ctx.actor!,
          ctx.now(),
          args.decision,
          { applicationId: args.id.id, expectedVersion: args.version, comment: args.comment, findings: args.findings ?? [], conductConfirmed: args.conductConfirmed },
          args.unitTrainingNeeds,
        ),
      ),
    }),
    prefectureReview: t.withAuth({ prefecture: true }).field({
      type: ApplicationType,
      description: '地州市人社局（自治区厅局、兵团）审核：退回单位、不予推荐或推荐',
      errors: { types: reviewErrors },
      args: {
        ...reviewArgs,
        decision: t.arg({ type: PrefectureDecisionEnum, required: true }),
        conductConfirmed: t.arg.boolean({ required: false }),
      },
      resolve: audited('prefectureReview', target, (args, ctx) =>
        prefectureReview(ctx.actor!, ctx.now(), args.decision, {
          applicationId: args.id.id,
          expectedVersion: args.version,
          comment: args.comment,
          findings: args.findings ?? [],
          conductConfirmed: args.conductConfirmed,
        }),
      ),
    }),
    regionalDecision: t.withAuth({ regional: true }).field({
      type: ApplicationType,
      description: '自治区人社厅遴选：入选或未入选；入选须仍符合推荐条件、附件4与附件5签字盖章扫描件齐全，且不超过名额',
      errors: { types: [...reviewErrors, QuotaExceededError, SignedScansMissingError] },
      args: { ...reviewArgs, decision: t.arg({ type: RegionalDecisionEnum, required: true }) },
      resolve: audited('regionalDecision', target, (args, ctx) =>
        regionalDecision(ctx.actor!, ctx.now(), args.decision, {
          applicationId: args.id.id,
          expectedVersion: args.version,
          comment: args.comment,
          findings: args.findings ?? [],
        }),
      ),
    }),
  };
});
