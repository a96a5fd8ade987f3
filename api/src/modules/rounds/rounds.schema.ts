// A yearly round: deadlines, age cut-off, places per mode, shortage specialties, its phase; the
// regional admin creates the next one, moves it through its year and changes a running one
// (rounds.service.ts, round-phase.ts).
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { roundsVisibleTo } from '../../auth/row-rules.ts';
import { ConflictError, RoundFinishedError, RoundPhaseError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { isRoundFinished } from './round-finished.ts';
import { type RoundPhase, roundPhase, roundPhaseLabels, roundPhases } from './round-phase.ts';
import { advanceRoundPhase, createRound, currentRound, nextRoundDraft, roundReaders, roundsOrder, updateRound } from './rounds.service.ts';

const nothing = { id: { in: [] as string[] } };

export const RoundPhaseEnum = builder.enumType('RoundPhase', {
  description: '年度阶段：筹备中 → 个人申报中 → 审核推荐中 → 遴选中 → 培养单位分配中 → 训前培训 → 培养中 → 已结束',
  values: Object.fromEntries(roundPhases.map((phase) => [phase, { value: phase, description: roundPhaseLabels[phase] }])) as unknown as Record<RoundPhase, { value: RoundPhase; description: string }>,
});

export const RoundType = builder.prismaNode('Round', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '特培年度',
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [ctx.actor ? roundsVisibleTo(ctx.actor) : nothing] }),
  fields: (t) => ({
    year: t.exposeInt('year'),
    name: t.exposeString('name'),
    noticeNumber: t.exposeString('noticeNumber', { nullable: true }),
    noticeDate: t.expose('noticeDate', { type: 'Date', nullable: true, description: '通知印发日期' }),
    phase: t.field({
      type: RoundPhaseEnum,
      description: '年度当前阶段（个人申报、审核推荐、遴选三个阶段按截止时间；其余由自治区人社厅推进）',
      select: { id: true, stage: true, applicationDeadline: true, recommendationDeadline: true },
      resolve: (round, _args, ctx) => roundPhase(round, ctx.now()),
    }),
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
      select: { id: true, recommendationDeadline: true, stage: true },
      resolve: (round, _args, ctx) => isRoundFinished(round, ctx.now()),
    }),
  }),
});

builder.queryFields((t) => ({
  rounds: t.withAuth(roundReaders).prismaField({
    type: ['Round'],
    description: '全部特培年度（新的在前）',
    resolve: (query, _root, _args, ctx) => prisma.round.findMany({ ...query, where: roundsVisibleTo(ctx.actor), orderBy: roundsOrder }),
  }),
  currentRound: t.withAuth({ signedIn: true }).prismaField({
    type: 'Round',
    nullable: true,
    description: '当前年度：已发布（不在筹备中）的年度里，推荐截止时间未过的最早一个，否则最近一个',
    resolve: (query, _root, _args, ctx) => currentRound(ctx.now(), query),
  }),
  nextRoundDraft: t.withAuth({ wholeProgrammeReader: true }).field({
    type: RoundDraftType,
    description: '新建年度的默认设置：上一年度的设置顺延一年（截止日期同月同日、名额、紧缺专业），年龄截止日期为当年减45年的1月1日',
    resolve: (_root, _args, ctx) => nextRoundDraft(ctx.actor!, ctx.now()),
  }),
}));

type RoundDraft = Awaited<ReturnType<typeof nextRoundDraft>>;

const RoundDraftType = builder.objectRef<RoundDraft>('RoundDraft').implement({
  description: '新建年度表单的预填值',
  fields: (t) => ({
    year: t.exposeInt('year'),
    name: t.exposeString('name'),
    applicationDeadline: t.expose('applicationDeadline', { type: 'DateTime' }),
    recommendationDeadline: t.expose('recommendationDeadline', { type: 'DateTime' }),
    ageCutoffDate: t.expose('ageCutoffDate', { type: 'Date' }),
    remotePlaces: t.exposeInt('remotePlaces'),
    localPlaces: t.exposeInt('localPlaces'),
    trainingMonths: t.exposeInt('trainingMonths'),
    shortageSpecialties: t.field({ type: ['String'], resolve: (draft) => [...draft.shortageSpecialties] }),
  }),
});

const CreateRoundInput = builder.inputType('CreateRoundInput', {
  description: '新建年度（自治区人社厅）；新年度处于筹备中，发布前申报人不可见',
  fields: (t) => ({
    year: t.int({ required: true }),
    name: t.string({ required: false, description: '默认“<年度>年度”' }),
    noticeNumber: t.string({ required: false, description: '通知文号，如 新人社函〔2025〕38号' }),
    noticeDate: t.field({ type: 'Date', required: false, description: '通知印发日期' }),
    applicationDeadline: t.field({ type: 'DateTime', required: true, description: '个人申报截止时间' }),
    recommendationDeadline: t.field({ type: 'DateTime', required: true, description: '审核推荐截止时间，须晚于个人申报截止时间' }),
    ageCutoffDate: t.field({ type: 'Date', required: false, description: '出生日期须不早于此日；默认为年度减45年的1月1日' }),
    remotePlaces: t.int({ required: true, description: '异地培养名额' }),
    localPlaces: t.int({ required: true, description: '当地培养名额' }),
    trainingMonths: t.int({ required: false, description: '培养期限（月），默认12' }),
    shortageSpecialties: t.stringList({ required: true, description: '紧缺专业' }),
  }),
});

builder.mutationFields((t) => ({
  createRound: t.withAuth({ regional: true }).field({
    type: RoundType,
    description: '新建年度（筹备中）；发布（advanceRoundPhase 至 APPLICATIONS）后申报人方可申报',
    errors: { types: [...commonErrors, ConflictError] },
    args: { input: t.arg({ type: CreateRoundInput, required: true }) },
    resolve: audited(
      'createRound',
      () => ({ type: 'Round' }),
      (args, ctx) => createRound(ctx.actor!, ctx.now(), args.input),
    ),
  }),
  advanceRoundPhase: t.withAuth({ regional: true }).field({
    type: RoundType,
    description: '推进年度至下一阶段（to 须为当前阶段的下一阶段）：发布申报、开始培养单位分配、训前培训、培养、结束年度；审核推荐与遴选按截止时间自动开始',
    errors: { types: [...commonErrors, RoundPhaseError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      to: t.arg({ type: RoundPhaseEnum, required: true }),
    },
    resolve: audited(
      'advanceRoundPhase',
      (args) => ({ type: 'Round', id: args.roundId.id }),
      (args, ctx) => advanceRoundPhase(ctx.actor!, ctx.now(), args.roundId.id, args.to),
    ),
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
