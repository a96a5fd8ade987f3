// Reviews per stage with item-by-item findings, and the status history of an application.
import { FindingResult, ReviewDecision, ReviewStage } from '@tepei/db/enums';
import { builder } from '../../builder.ts';
import { ApplicationStatusEnum } from '../applications/application-status.schema.ts';

export const ReviewStageEnum = builder.enumType(ReviewStage, {
  name: 'ReviewStage',
  description: '审核环节：EMPLOYER 用人单位，PREFECTURE 地州市人社局/自治区厅（局）/兵团，REGIONAL 自治区人社厅',
});

export const ReviewDecisionEnum = builder.enumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'RETURN 退回修改，REJECT 不通过，ENDORSE 单位审核通过，RECOMMEND 推荐，SELECT 入选，NOT_SELECT 未入选',
});

export const FindingResultEnum = builder.enumType(FindingResult, {
  name: 'FindingResult',
  description: 'PASS 符合，NEEDS_CORRECTION 需修改，FAIL 不符合',
});

builder.prismaObject('Review', {
  description: '一个环节的审核意见',
  fields: (t) => ({
    id: t.exposeID('id'),
    stage: t.expose('stage', { type: ReviewStageEnum }),
    decision: t.expose('decision', { type: ReviewDecisionEnum }),
    comment: t.exposeString('comment', { nullable: true }),
    conductConfirmed: t.exposeBoolean('conductConfirmed', { description: '审核人已确认政治表现与思想品德（推荐条件一、二）' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    reviewerName: t.string({
      nullable: true,
      select: { reviewer: { select: { displayName: true } } },
      resolve: (review) => review.reviewer?.displayName ?? null,
    }),
    findings: t.relation('findings'),
  }),
});

builder.prismaObject('ReviewFinding', {
  description: '逐项审核意见',
  fields: (t) => ({
    item: t.exposeString('item', { description: '所审字段或栏目，如 education、awards[0]' }),
    result: t.expose('result', { type: FindingResultEnum }),
    comment: t.exposeString('comment', { nullable: true }),
  }),
});

builder.prismaObject('StatusChange', {
  description: '状态变更记录：谁、何时、从何状态到何状态、原因',
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', { type: ApplicationStatusEnum, nullable: true }),
    toStatus: t.expose('toStatus', { type: ApplicationStatusEnum }),
    actorRole: t.exposeString('actorRole', { nullable: true }),
    actorName: t.string({
      nullable: true,
      select: { actor: { select: { displayName: true } } },
      resolve: (change) => change.actor?.displayName ?? null,
    }),
    reason: t.exposeString('reason', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

export const ReviewFindingInput = builder.inputType('ReviewFindingInput', {
  fields: (t) => ({
    item: t.string({ required: true }),
    result: t.field({ type: FindingResultEnum, required: true }),
    comment: t.string({ required: false }),
  }),
});
