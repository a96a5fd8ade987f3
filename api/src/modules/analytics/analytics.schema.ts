// The read API for analysts and reviewers: counts by dimension, deadline progress, review
// queue. The rules and the SQL are in analytics.service.ts; places per mode and area are
// `quotaUsage` (quotas module).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { ApplicationFilterInput } from '../applications/application-filter.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import { beijingDate } from '../../clock.ts';
import { cachedAggregate } from './aggregate-cache.ts';
import {
  type ApplicationCount,
  applicationCounts,
  applicationDimensions,
  type DeadlineProgress,
  deadlineProgress,
  dimensionLabels,
  type DimensionValue,
  maxDimensions,
  programmeHistory,
  type ProgrammeYear,
  type ReviewQueue,
  reviewQueue,
} from './analytics.service.ts';

const ApplicationDimensionEnum = builder.enumType('ApplicationDimension', {
  description: '申报统计的维度',
  values: Object.fromEntries(applicationDimensions.map((dimension) => [dimension, { description: dimensionLabels[dimension] }])) as Record<
    (typeof applicationDimensions)[number],
    { description: string }
  >,
});

const DimensionValueType = builder.objectRef<DimensionValue>('DimensionValue').implement({
  description: '统计分组中一个维度的取值',
  fields: (t) => ({
    dimension: t.expose('dimension', { type: ApplicationDimensionEnum }),
    // Null only for drafts that have not chosen the value yet (the columns of the choices are NULL only in drafts).
    value: t.string({
      nullable: true,
      description: '取值：枚举名；AREA 为地区 ID（可用于 ApplicationFilter.areaId）；ROUND 为年度；尚未填写该项的草稿为空（名称为“未填写”，排在最后）',
      resolve: (key) => (key.dimension === 'AREA' && key.value !== null ? encodeGlobalID('Area', key.value) : key.value),
    }),
    label: t.exposeString('label', { description: '中文名称，如 喀什地区、异地培养、维吾尔族、本科' }),
  }),
});

const ApplicationCountType = builder.objectRef<ApplicationCount>('ApplicationCount').implement({
  description: '一个分组的申报数',
  fields: (t) => ({
    keys: t.expose('keys', { type: [DimensionValueType], description: '分组取值，顺序同 groupBy' }),
    count: t.exposeInt('count'),
  }),
});

const ProgressTotalsType = builder.objectRef<DeadlineProgress['totals']>('ProgressTotals').implement({
  description: '已到达各环节的申报数（含已进入后续环节的）',
  fields: (t) => ({
    applications: t.exposeInt('applications', { description: '申报总数（含草稿）' }),
    submitted: t.exposeInt('submitted', { description: '已提交' }),
    endorsed: t.exposeInt('endorsed', { description: '单位审核通过' }),
    recommended: t.exposeInt('recommended', { description: '地州市已推荐' }),
    selected: t.exposeInt('selected', { description: '已成功入选（含其后放弃的）' }),
  }),
});

const DailyProgressType = builder.objectRef<DeadlineProgress['perDay'][number]>('DailyProgress').implement({
  description: '某一天（北京时间）首次到达各环节的申报数',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: '北京时间日期' }),
    submitted: t.exposeInt('submitted'),
    endorsed: t.exposeInt('endorsed'),
    recommended: t.exposeInt('recommended'),
    selected: t.exposeInt('selected'),
  }),
});

const DeadlineProgressType = builder.objectRef<DeadlineProgress>('DeadlineProgress').implement({
  description: '年度申报与推荐进度（仅统计可见范围内的申报）',
  fields: (t) => ({
    round: t.expose('round', { type: RoundType }),
    daysLeftToApplicationDeadline: t.exposeInt('daysLeftToApplicationDeadline', {
      description: '距个人申报截止日的天数（北京时间日历日；截止当日及以后为0）',
    }),
    daysLeftToRecommendationDeadline: t.exposeInt('daysLeftToRecommendationDeadline', {
      description: '距推荐截止日的天数（北京时间日历日；截止当日及以后为0）',
    }),
    totals: t.expose('totals', { type: ProgressTotalsType }),
    perDay: t.expose('perDay', { type: [DailyProgressType], description: '按北京时间日期，仅列出有变动的日期' }),
  }),
});

const ReviewQueueType = builder.objectRef<ReviewQueue>('ReviewQueue').implement({
  description: '待本人审核的申报：用人单位为已提交及地州市退回的，地州市为单位审核通过的，自治区为已推荐的',
  fields: (t) => ({
    size: t.exposeInt('size', { description: '待审数量' }),
    oldestWaitingSince: t.expose('oldestWaitingSince', {
      type: 'DateTime',
      nullable: true,
      description: '等待最久的申报进入当前状态的时间',
    }),
    oldestApplication: t.prismaField({
      type: 'Application',
      nullable: true,
      description: '等待最久的申报',
      // Kept with the queue it belongs to (the reader's scope and the fields asked are in the key),
      // so a dashboard served from kept figures makes no statement for it either.
      resolve: (query, queue, _args, ctx) =>
        queue.oldestApplicationId
          ? cachedAggregate(ctx, 'oldestApplication', [queue.oldestApplicationId, query], () =>
              prisma.application.findFirst({ ...query, where: { AND: [{ id: queue.oldestApplicationId! }, applicationsVisibleTo(ctx.actor!)] } }),
            )
          : null,
    }),
  }),
});

const ProgrammeYearType = builder.objectRef<ProgrammeYear>('ProgrammeYear').implement({
  description: '一个年度（按地区分组时为一个年度的一个地区）从申报到结业的人数，仅统计可见范围内的申报',
  fields: (t) => ({
    year: t.exposeInt('year'),
    roundName: t.exposeString('roundName'),
    areaId: t.id({
      nullable: true,
      description: '地区 ID（可用于 ApplicationFilter.areaId）；未按地区分组时为空',
      resolve: (line) => (line.areaId ? encodeGlobalID('Area', line.areaId) : null),
    }),
    areaName: t.exposeString('areaName', { nullable: true }),
    submitted: t.exposeInt('submitted', { description: '已提交申报（不含草稿）' }),
    recommended: t.exposeInt('recommended', { description: '地州市已推荐' }),
    selected: t.exposeInt('selected', { description: '已成功入选（含其后放弃的）' }),
    placed: t.exposeInt('placed', { description: '已确认培养单位分配' }),
    completed: t.exposeInt('completed', { description: '结业考核优秀或合格（已发结业证书）' }),
  }),
});

builder.queryFields((t) => ({
  programmeHistory: t.withAuth({ $any: { reviewer: true, wholeProgrammeReader: true } }).field({
    type: [ProgrammeYearType],
    description: '历年特培从申报、推荐、入选、分配到结业的人数（地州市仅本地区，用人单位仅本单位）',
    errors: { types: commonErrors },
    args: { byArea: t.arg.boolean({ required: false, defaultValue: false, description: '按推荐主管部门（地区）分组' }) },
    resolve: (_root, args, ctx) => cachedAggregate(ctx, 'programmeHistory', args.byArea, () => programmeHistory(ctx.actor, args.byArea === true)),
  }),
  applicationCounts: t.withAuth({ $any: { reviewer: true, wholeProgrammeReader: true } }).field({
    type: [ApplicationCountType],
    description: `按1至${maxDimensions}个维度统计可见范围内的申报数（地州市仅本地区，用人单位仅本单位）`,
    errors: { types: commonErrors },
    args: {
      roundYear: t.arg.int({ required: false, description: '年度；不填则统计全部年度' }),
      groupBy: t.arg({ type: [ApplicationDimensionEnum], required: true, description: `统计维度，1至${maxDimensions}个，不可重复` }),
      filter: t.arg({ type: ApplicationFilterInput, required: false }),
    },
    resolve: (_root, args, ctx) => cachedAggregate(ctx, 'applicationCounts', args, () => applicationCounts(ctx.actor, args)),
  }),
  deadlineProgress: t.withAuth({ $any: { reviewer: true, wholeProgrammeReader: true } }).field({
    type: DeadlineProgressType,
    nullable: true,
    description: '年度申报与推荐进度；不填年度则为当前年度；没有该年度时为空',
    args: { roundYear: t.arg.int({ required: false }) },
    // Days left and the current round depend on the Beijing day: part of the key.
    resolve: (_root, args, ctx) =>
      cachedAggregate(ctx, 'deadlineProgress', [args.roundYear, beijingDate(ctx.now())], () => deadlineProgress(ctx.actor, ctx.now(), args.roundYear)),
  }),
  myReviewQueue: t.withAuth({ reviewer: true }).field({
    type: ReviewQueueType,
    description: '本人的待审队列：数量与等待最久的申报',
    args: { roundYear: t.arg.int({ required: false, description: '年度；不填则含全部年度' }) },
    resolve: (_root, args, ctx) => cachedAggregate(ctx, 'myReviewQueue', args.roundYear, () => reviewQueue(ctx.actor, args.roundYear)),
  }),
}));
