// Places per mode and per area, and how many are used, reserved and remaining.
import { builder } from '../../builder.ts';
import { ConflictError, RoundFinishedError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { TrainingModeEnum } from '../applications/application-enums.schema.ts';
import { AreaType } from '../areas-units/areas-units.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import { type QuotaLine, quotaUsage, setAreaAllocation, setModePlaces } from './quotas.service.ts';
import { cachedAggregate } from '../analytics/aggregate-cache.ts';

const QuotaLineType = builder.objectRef<QuotaLine>('QuotaLine').implement({
  description: '名额使用情况：area 为空时为该培养方式的全区总数',
  fields: (t) => ({
    mode: t.expose('mode', { type: TrainingModeEnum }),
    area: t.expose('area', { type: AreaType, nullable: true }),
    places: t.exposeInt('places', { description: '名额' }),
    used: t.exposeInt('used', { description: '已入选（含训前培训、培养中、已结业）' }),
    reserved: t.exposeInt('reserved', { description: '已推荐待遴选' }),
    remaining: t.exposeInt('remaining', { description: '剩余名额' }),
  }),
});

builder.queryField('quotaUsage', (t) =>
  t.withAuth({ $any: { regional: true, analyst: true, prefecture: true } }).field({
    type: [QuotaLineType],
    description: '某年度名额使用情况（地州市审核人仅见全区总数与本地区）',
    args: { roundId: t.arg.globalID({ required: true, for: [RoundType] }) },
    resolve: (_root, args, ctx) => cachedAggregate(ctx, 'quotaUsage', args.roundId.id, () => quotaUsage(ctx.actor!, args.roundId.id)),
  }),
);

// The same usage reached from a round, so one query can ask for the current round's quotas.
builder.prismaObjectField('Round', 'quotaUsage', (t) =>
  t.field({
    type: [QuotaLineType],
    description: '本年度名额使用情况（地州市审核人仅见全区总数与本地区）',
    authScopes: { $any: { regional: true, analyst: true, prefecture: true } },
    select: { id: true },
    resolve: (round, _args, ctx) => cachedAggregate(ctx, 'quotaUsage', round.id, () => quotaUsage(ctx.actor!, round.id)),
  }),
);

builder.mutationFields((t) => ({
  setModePlaces: t.withAuth({ regional: true }).field({
    type: RoundType,
    description: '设置异地培养、当地培养名额（默认各200名）',
    errors: { types: [...commonErrors, ConflictError, RoundFinishedError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      remotePlaces: t.arg.int({ required: true }),
      localPlaces: t.arg.int({ required: true }),
    },
    resolve: audited(
      'setModePlaces',
      (args) => ({ type: 'Round', id: args.roundId.id }),
      (args, ctx) => setModePlaces(ctx.actor!, ctx.now(), args.roundId.id, args.remotePlaces, args.localPlaces),
    ),
  }),
  setAreaAllocation: t.withAuth({ regional: true }).field({
    type: QuotaLineType,
    description: '把某培养方式的名额分配给一个地区；各地区合计不得超过总名额',
    errors: { types: [...commonErrors, RoundFinishedError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      mode: t.arg({ type: TrainingModeEnum, required: true }),
      areaId: t.arg.globalID({ required: true, for: [AreaType] }),
      places: t.arg.int({ required: true }),
    },
    resolve: audited(
      'setAreaAllocation',
      (args) => ({ type: 'QuotaAllocation', id: `${args.roundId.id}/${args.mode}/${args.areaId.id}` }),
      async (args, ctx) => {
        await setAreaAllocation(ctx.actor!, ctx.now(), args.roundId.id, args.mode, args.areaId.id, args.places);
        const lines = await quotaUsage(ctx.actor!, args.roundId.id);
        return lines.find((line) => line.mode === args.mode && line.areaId === args.areaId.id)!;
      },
    ),
  }),
}));
