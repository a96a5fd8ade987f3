// The audit log, readable by regional admins and analysts; nothing in the API writes to it
// except audit.service.ts, and nothing updates or deletes it.
import { offsetDescription, withOffset } from '../../offset-pages.plugin.ts';
import { AuditResult } from '@tepei/db/enums';
import { shownDetails } from '../../auth/personal-data.ts';
import { auditVisibleTo } from '../../auth/row-rules.ts';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { auditActorName, auditActorSelect, auditReaders, auditRecordsOrder, auditRecordsWhere } from './audit.service.ts';

const AuditResultEnum = builder.enumType(AuditResult, {
  name: 'AuditResult',
  description: 'SUCCESS 成功，REFUSED 被拒绝（权限或业务规则），FAILED 系统错误',
});

builder.prismaNode('AuditRecord', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '审计记录（只增不改）',
  authScopes: auditReaders,
  findUnique: (id, ctx) => ({ id: BigInt(id), AND: [ctx.actor ? auditVisibleTo(ctx.actor) : { id: { in: [] } }] }),
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    requestId: t.exposeString('requestId'),
    actorUsername: t.string({
      nullable: true,
      select: auditActorSelect,
      resolve: auditActorName,
    }),
    actorRole: t.exposeString('actorRole', { nullable: true }),
    actorScope: t.exposeString('actorScope', { nullable: true }),
    operation: t.exposeString('operation'),
    targetType: t.exposeString('targetType', { nullable: true }),
    targetId: t.exposeString('targetId', { nullable: true }),
    result: t.expose('result', { type: AuditResultEnum }),
    errorCode: t.exposeString('errorCode', { nullable: true }),
    details: t.field({
      type: 'JSON',
      nullable: true,
      description: '操作参数（写入时已脱敏；数据分析账号另按个人信息规则隐去身份证号、出生日期精确到月）',
      select: { details: true },
      resolve: (record, _args, ctx) => shownDetails(ctx.actor!, record.details),
    }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  fields: (t) => ({
    operation: t.string({ required: false }),
    actorUsername: t.string({
      required: false,
      description: '操作人用户名（申报人的用户名即身份证号：数据分析账号不能按申报人筛选）',
    }),
    result: t.field({ type: AuditResultEnum, required: false }),
    targetId: t.string({ required: false }),
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
  }),
});

builder.queryField('auditRecords', (t) =>
  t.withAuth(auditReaders).prismaConnection({
    type: 'AuditRecord',
    cursor: 'id',
    description: '审计日志（新的在前）',
    maxSize: 100,
    args: { filter: t.arg({ type: AuditFilter, required: false }), offset: t.arg.int({ required: false, description: offsetDescription }) },
    resolve: (query, _root, args, ctx) =>
      prisma.auditRecord.findMany({ ...withOffset(query, args), where: auditRecordsWhere(ctx.actor, args.filter), orderBy: auditRecordsOrder }),
    totalCount: (_root, args, ctx) => prisma.auditRecord.count({ where: auditRecordsWhere(ctx.actor, args.filter) }),
  }),
);
