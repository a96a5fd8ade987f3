// A yearly round: deadlines, age cut-off, places per mode, shortage specialties; the regional
// admin changes a running one (rounds.service.ts).
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { RoundFinishedError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { isRoundFinished } from './round-finished.ts';
import { updateRound } from './rounds.service.ts';

export const RoundType = builder.prismaNode('Round', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '特培年度',
  authScopes: { signedIn: true },
  fields: (t) => ({
    year: t.exposeInt('year'),
    name: t.exposeString('name'),
    noticeNumber: t.exposeString('noticeNumber', { nullable: true }),
    applicationDeadline: t.expose('applicationDeadline', { type: 'DateTime', description: '个人申报截止时间（北京时间当日结束）' }),
    recommendationDeadline: t.expose('recommendationDeadline', { type: 'DateTime', description: '单位与地州市推荐截止时间' }),
    ageCutoffDate: t.expose('ageCutoffDate', { type: 'Date', description: '出生日期须不早于此日（年龄45周岁以下）' }),
    remotePlaces: t.exposeInt('remotePlaces', { description: '异地培养名额' }),
    localPlaces: t.exposeInt('localPlaces', { description: '当地培养名额' }),
    trainingMonths: t.exposeInt('trainingMonths'),
    shortageSpecialties: t.exposeStringList('shortageSpecialties', { description: '紧缺专业' }),
    isOpenForApplications: t.boolean({
      description: '当前是否仍可个人申报',
      resolve: (round, _args, ctx) => ctx.now() <= round.applicationDeadline,
    }),
    isOpenForRecommendations: t.boolean({
      description: '审核推荐是否仍在进行（未过推荐截止时间）',
      resolve: (round, _args, ctx) => ctx.now() <= round.recommendationDeadline,
    }),
    isFinished: t.boolean({
      description: '年度是否已结束：审核推荐已截止且所有申报均已办结（不通过、未入选、撤回、放弃或已结业）；已结束的年度及其申报、名额只读',
      select: { id: true, recommendationDeadline: true },
      resolve: (round, _args, ctx) => isRoundFinished(round, ctx.now()),
    }),
  }),
});

builder.queryFields((t) => ({
  rounds: t.withAuth({ signedIn: true }).prismaField({
    type: ['Round'],
    description: '全部特培年度（新的在前）',
    resolve: (query) => prisma.round.findMany({ ...query, orderBy: { year: 'desc' } }),
  }),
  currentRound: t.withAuth({ signedIn: true }).prismaField({
    type: 'Round',
    nullable: true,
    description: '当前年度：推荐截止时间未过的最早一个，否则最近一个',
    resolve: async (query, _root, _args, ctx) =>
      (await prisma.round.findFirst({ ...query, where: { recommendationDeadline: { gte: ctx.now() } }, orderBy: { year: 'asc' } })) ??
      prisma.round.findFirst({ ...query, orderBy: { year: 'desc' } }),
  }),
}));

const UpdateRoundInput = builder.inputType('UpdateRoundInput', {
  description: '修改年度设置；未填的项保持不变',
  fields: (t) => ({
    applicationDeadline: t.field({ type: 'DateTime', required: false, description: '个人申报截止时间（通常为北京时间当日 23:59:59.999）' }),
    recommendationDeadline: t.field({ type: 'DateTime', required: false, description: '审核推荐截止时间，须晚于个人申报截止时间' }),
    ageCutoffDate: t.field({ type: 'Date', required: false, description: '出生日期须不早于此日（年龄45周岁以下）' }),
    shortageSpecialties: t.stringList({ required: false, description: '紧缺专业（整体替换；去除空白与重复）' }),
  }),
});

builder.mutationField('updateRound', (t) =>
  t.withAuth({ regional: true }).field({
    type: RoundType,
    description: '修改未结束年度的截止时间、年龄截止日期与紧缺专业（自治区人社厅）；已过的截止时间只能延后（重新开放）；紧缺专业变化时重新核定各申报的放宽条件',
    errors: { types: [...commonErrors, RoundFinishedError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      input: t.arg({ type: UpdateRoundInput, required: true }),
    },
    resolve: audited(
      'updateRound',
      (args) => ({ type: 'Round', id: args.roundId.id }),
      (args, ctx) => updateRound(ctx.actor!, ctx.now(), args.roundId.id, args.input),
    ),
  }),
);
