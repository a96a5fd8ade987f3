// What applicants do: create, edit, submit, withdraw, record classified items sent offline.
import { ClassifiedItemKind } from '@tepei/db/enums';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import {
  ConcurrentModificationError,
  ConflictError,
  DeadlinePassedError,
  InvalidTransitionError,
  NotEligibleError,
} from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import { ApplicationFormInput, toApplicationForm } from './application-form.input.ts';
import { ApplicationType } from './application.schema.ts';
import {
  createApplication,
  recordClassifiedItem,
  submitApplication,
  updateApplication,
  withdrawApplication,
} from './applications.service.ts';

const ClassifiedItemKindEnum = builder.enumType(ClassifiedItemKind, {
  name: 'ClassifiedItemKind',
  description: 'PAPER 涉密论文或专著，AWARD 涉密获奖成果，PROJECT 涉密项目，OTHER 其他涉密材料',
});

const target = (args: { id: { id: string } }) => ({ type: 'Application', id: args.id.id });

builder.mutationFields((t) => ({
  createApplication: t.withAuth({ applicant: true }).field({
    type: ApplicationType,
    description: '申报人新建本年度申报（草稿）',
    errors: { types: [...commonErrors, DeadlinePassedError, ConflictError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      form: t.arg({ type: ApplicationFormInput, required: true }),
    },
    resolve: audited(
      'createApplication',
      () => ({ type: 'Application' }),
      (args, ctx) => createApplication(ctx.actor!, ctx.now(), args.roundId.id, toApplicationForm(args.form)),
    ),
  }),
  updateApplication: t.withAuth({ applicant: true }).field({
    type: ApplicationType,
    description: '修改草稿或被退回的申报',
    errors: { types: [...commonErrors, DeadlinePassedError, InvalidTransitionError, ConcurrentModificationError] },
    args: {
      id: t.arg.globalID({ required: true, for: [ApplicationType] }),
      version: t.arg.int({ required: true }),
      form: t.arg({ type: ApplicationFormInput, required: true }),
    },
    resolve: audited('updateApplication', target, (args, ctx) =>
      updateApplication(ctx.actor!, ctx.now(), args.id.id, args.version, toApplicationForm(args.form)),
    ),
  }),
  submitApplication: t.withAuth({ applicant: true }).field({
    type: ApplicationType,
    description: '提交申报（被退回后再次提交亦用此操作）',
    errors: {
      types: [...commonErrors, DeadlinePassedError, NotEligibleError, InvalidTransitionError, ConcurrentModificationError],
    },
    args: { id: t.arg.globalID({ required: true, for: [ApplicationType] }), version: t.arg.int({ required: true }) },
    resolve: audited('submitApplication', target, (args, ctx) => submitApplication(ctx.actor!, ctx.now(), args.id.id, args.version)),
  }),
  withdrawApplication: t.withAuth({ $any: { applicant: true, regional: true } }).field({
    type: ApplicationType,
    description: '入选前撤回申报；已成功入选后放弃或变更将列入失信名单',
    errors: { types: [...commonErrors, InvalidTransitionError, ConcurrentModificationError] },
    args: {
      id: t.arg.globalID({ required: true, for: [ApplicationType] }),
      version: t.arg.int({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: audited('withdrawApplication', target, (args, ctx) =>
      withdrawApplication(ctx.actor!, ctx.now(), args.id.id, args.version, args.reason),
    ),
  }),
  recordClassifiedItem: t.withAuth({ applicant: true }).field({
    type: ApplicationType,
    description: '登记一项已按保密渠道线下报送的涉密材料（不填写内容）',
    errors: { types: [...commonErrors, DeadlinePassedError, InvalidTransitionError] },
    args: {
      applicationId: t.arg.globalID({ required: true, for: [ApplicationType] }),
      kind: t.arg({ type: ClassifiedItemKindEnum, required: true }),
      sentOfflineOn: t.arg({ type: 'Date', required: true }),
    },
    resolve: audited(
      'recordClassifiedItem',
      (args) => ({ type: 'Application', id: args.applicationId.id }),
      async (args, ctx) => {
        await recordClassifiedItem(ctx.actor!, ctx.now(), args.applicationId.id, args.kind, args.sentOfflineOn);
        return prisma.application.findUniqueOrThrow({ where: { id: args.applicationId.id } });
      },
    ),
  }),
}));
