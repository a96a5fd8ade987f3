// 失信名单 records: who, why, since when, until when, lifted by whom.
import { offsetDescription, withOffset } from '../../offset-pages.plugin.ts';
import { BlacklistReason } from '@tepei/db/enums';
import { isListingInForce } from '@tepei/db/reference/blacklist-term';
import { blacklistVisibleTo } from '../../auth/row-rules.ts';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { InvalidTransitionError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { shownIdNumber } from '../../auth/personal-data.ts';
import { EmployerUnitType } from '../areas-units/areas-units.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { blacklistOrder, blacklistReaders, blacklistWhere, liftListing, listOnBlacklist } from './blacklist.service.ts';

const BlacklistReasonEnum = builder.enumType(BlacklistReason, {
  name: 'BlacklistReason',
  description: 'FRAUD 虚报或伪造内容，ABANDONMENT 入选后随意放弃或变更，OTHER 其他',
});

export const BlacklistEntryType = builder.prismaNode('BlacklistEntry', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '失信名单记录：申报人和/或派出单位5年内不予申报',
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [ctx.actor ? blacklistVisibleTo(ctx.actor) : { id: { in: [] } }] }),
  fields: (t) => ({
    applicantIdNumber: t.string({
      nullable: true,
      select: { applicantIdNumber: true },
      resolve: (entry, _args, ctx) => (entry.applicantIdNumber ? shownIdNumber(ctx.actor!, entry.applicantIdNumber) : null),
    }),
    applicantName: t.exposeString('applicantName', { nullable: true }),
    unit: t.relation('unit', { nullable: true }),
    reasonKind: t.expose('reasonKind', { type: BlacklistReasonEnum }),
    reason: t.exposeString('reason'),
    listedAt: t.expose('listedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: '列入之日起满5年' }),
    liftedAt: t.expose('liftedAt', { type: 'DateTime', nullable: true }),
    liftReason: t.exposeString('liftReason', { nullable: true }),
    isActive: t.boolean({
      description: '当前是否生效（未解除且未到期）',
      select: { liftedAt: true, expiresAt: true, listedAt: true },
      resolve: (entry, _args, ctx) => isListingInForce(entry, ctx.now()),
    }),
  }),
});

builder.queryField('blacklist', (t) =>
  t.withAuth(blacklistReaders).prismaConnection({
    type: 'BlacklistEntry',
    cursor: 'id',
    description: '失信名单（审核人仅见本辖区相关记录）',
    args: { activeOnly: t.arg.boolean({ required: false, defaultValue: false }), offset: t.arg.int({ required: false, description: offsetDescription }) },
    resolve: (query, _root, args, ctx) =>
      prisma.blacklistEntry.findMany({
        ...withOffset(query, args),
        where: blacklistWhere(ctx.actor!, { activeAt: args.activeOnly ? ctx.now() : null }),
        orderBy: blacklistOrder,
      }),
    totalCount: (_root, args, ctx) =>
      prisma.blacklistEntry.count({ where: blacklistWhere(ctx.actor!, { activeAt: args.activeOnly ? ctx.now() : null }) }),
  }),
);

builder.mutationFields((t) => ({
  listOnBlacklist: t.withAuth({ regional: true }).field({
    type: BlacklistEntryType,
    description: '列入失信名单（申报人身份证号和/或用人单位）',
    errors: { types: commonErrors },
    args: {
      applicantIdNumber: t.arg.string({ required: false }),
      applicantName: t.arg.string({ required: false }),
      unitId: t.arg.globalID({ required: false, for: [EmployerUnitType] }),
      reasonKind: t.arg({ type: BlacklistReasonEnum, required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: audited(
      'listOnBlacklist',
      () => ({ type: 'BlacklistEntry' }),
      (args, ctx) =>
        listOnBlacklist(ctx.actor!, ctx.now(), {
          applicantIdNumber: args.applicantIdNumber,
          applicantName: args.applicantName,
          unitId: args.unitId?.id,
          reasonKind: args.reasonKind,
          reason: args.reason,
        }),
    ),
  }),
  liftBlacklistEntry: t.withAuth({ regional: true }).field({
    type: BlacklistEntryType,
    description: '解除失信名单记录（须说明原因）',
    errors: { types: [...commonErrors, InvalidTransitionError] },
    args: { id: t.arg.globalID({ required: true, for: [BlacklistEntryType] }), reason: t.arg.string({ required: true }) },
    resolve: audited(
      'liftBlacklistEntry',
      (args) => ({ type: 'BlacklistEntry', id: args.id.id }),
      (args, ctx) => liftListing(ctx.actor!, ctx.now(), args.id.id, args.reason),
    ),
  }),
}));
