// A yearly round: deadlines, age cut-off, places per mode.
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';

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
