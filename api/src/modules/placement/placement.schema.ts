// 培养单位分配 in the schema: the round's proposal (regional bureau and analysts), the moves and
// the confirmation (regional bureau), and each trainee's confirmed host on their application.
import { PlacementStatus } from '@tepei/db/enums';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { ConflictError, QuotaExceededError, RoundPhaseError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { ApplicationType } from '../applications/application.schema.ts';
import { TrainingModeEnum } from '../applications/application-enums.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { HostInstitutionType } from '../host-institutions/host-institutions.schema.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import { confirmPlacement, movePlacement, placementOverview, proposePlacement } from './placement.service.ts';

const PlacementStatusEnum = builder.enumType(PlacementStatus, {
  name: 'PlacementStatus',
  description: 'PROPOSED 分配方案（可调整），CONFIRMED 已确认',
});

const PlacementType = builder.prismaObject('Placement', {
  description: '一名入选学员的培养单位分配',
  fields: (t) => ({
    status: t.expose('status', { type: PlacementStatusEnum }),
    application: t.relation('application'),
    host: t.relation('hostInstitution', { nullable: true, description: '培养单位；为空表示未能分配（见 unplacedReason）' }),
    mentor: t.exposeString('mentor', { nullable: true }),
    preferenceRank: t.exposeInt('preferenceRank', { nullable: true, description: '所得为第几志愿；为空表示志愿以外的单位或未分配' }),
    unplacedReason: t.exposeString('unplacedReason', { nullable: true }),
    movedReason: t.exposeString('movedReason', { nullable: true, description: '人工调整的理由' }),
    movedAt: t.expose('movedAt', { type: 'DateTime', nullable: true }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime' }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true }),
  }),
});

type Overview = Awaited<ReturnType<typeof placementOverview>>;

const HostLoadType = builder.objectRef<Overview['hosts'][number]>('PlacementHostLoad').implement({
  description: '培养单位某培养方式的名额与已分配人数',
  fields: (t) => ({
    host: t.field({ type: HostInstitutionType, resolve: (row) => row.host }),
    mode: t.field({ type: TrainingModeEnum, resolve: (row) => row.mode }),
    places: t.exposeInt('places'),
    placed: t.exposeInt('placed'),
  }),
});

const PlacementOverviewType = builder.objectRef<Overview>('RoundPlacement').implement({
  description: '某年度的培养单位分配',
  fields: (t) => ({
    round: t.field({ type: RoundType, resolve: (overview) => overview.round }),
    hosts: t.field({ type: [HostLoadType], resolve: (overview) => overview.hosts }),
    placedCount: t.exposeInt('placedCount'),
    unplacedCount: t.exposeInt('unplacedCount'),
    confirmed: t.exposeBoolean('confirmed'),
    placements: t.prismaField({
      type: ['Placement'],
      description: '每名学员的分配（未分配的在前，其后按培养单位）',
      resolve: (query, overview) =>
        prisma.placement.findMany({
          ...query,
          where: { roundId: overview.round.id },
          orderBy: [{ hostInstitutionId: { sort: 'asc', nulls: 'first' } }, { application: { serialNumber: 'asc' } }, { applicationId: 'asc' }],
        }),
    }),
  }),
});

// A trainee and their reviewers see the host once it is confirmed; the bureau and analysts see the proposal too.
builder.prismaObjectField('Application', 'placement', (t) =>
  t.prismaField({
    type: 'Placement',
    nullable: true,
    description: '培养单位分配（申报人及审核人在确认后可见）',
    select: { id: true },
    resolve: async (query, application, _args, ctx) => {
      const wholeProgramme = ctx.actor?.role === 'REGIONAL' || ctx.actor?.role === 'ANALYST';
      return prisma.placement.findFirst({ ...query, where: { applicationId: application.id, ...(wholeProgramme ? {} : { status: 'CONFIRMED' }) } });
    },
  }),
);

builder.queryField('roundPlacement', (t) =>
  t.withAuth({ wholeProgrammeReader: true }).field({
    type: PlacementOverviewType,
    description: '某年度的培养单位分配方案与各培养单位名额使用',
    args: { roundId: t.arg.globalID({ required: true, for: [RoundType] }) },
    resolve: (_root, args) => placementOverview(args.roundId.id),
  }),
);

const roundTarget = (args: { roundId: { id: string } }) => ({ type: 'Round', id: args.roundId.id });
const placementErrors = [...commonErrors, RoundPhaseError, ConflictError];

builder.mutationFields((t) => ({
  proposePlacement: t.withAuth({ regional: true }).field({
    type: PlacementOverviewType,
    description: '生成培养单位分配方案（学员提议的延迟接受算法：按志愿与各培养单位名额；已征得同意接收者优先，其次志愿顺序，再按学员编号）；替换尚未确认的方案',
    errors: { types: placementErrors },
    args: { roundId: t.arg.globalID({ required: true, for: [RoundType] }) },
    resolve: audited('proposePlacement', roundTarget, async (args, ctx) => {
      await proposePlacement(ctx.actor!, ctx.now(), args.roundId.id);
      return placementOverview(args.roundId.id);
    }),
  }),
  movePlacement: t.withAuth({ regional: true }).field({
    type: PlacementType,
    description: '人工调整一名学员的培养单位（须填写理由；不超过该单位名额）',
    errors: { types: [...placementErrors, QuotaExceededError] },
    args: {
      applicationId: t.arg.globalID({ required: true, for: [ApplicationType] }),
      hostId: t.arg.globalID({ required: true, for: [HostInstitutionType] }),
      mentor: t.arg.string({ required: false }),
      reason: t.arg.string({ required: true }),
    },
    resolve: audited(
      'movePlacement',
      (args) => ({ type: 'Application', id: args.applicationId.id }),
      (args, ctx) =>
        movePlacement(ctx.actor!, ctx.now(), { applicationId: args.applicationId.id, hostInstitutionId: args.hostId.id, mentor: args.mentor, reason: args.reason }),
    ),
  }),
  confirmPlacement: t.withAuth({ regional: true }).field({
    type: PlacementOverviewType,
    description: '确认培养单位分配：为每名学员写入培养记录（培养单位、导师、开始日期），学员随即可见',
    errors: { types: [...placementErrors, QuotaExceededError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      startsOn: t.arg({ type: 'Date', required: true, description: '培养开始日期' }),
    },
    resolve: audited('confirmPlacement', roundTarget, async (args, ctx) => {
      await confirmPlacement(ctx.actor!, ctx.now(), args.roundId.id, args.startsOn);
      return placementOverview(args.roundId.id);
    }),
  }),
}));
