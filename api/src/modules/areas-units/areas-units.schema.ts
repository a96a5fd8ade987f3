// Areas (prefectures, XPCC, regional departments) and employer units, under the row rules.
import { offsetDescription, withOffset } from '../../offset-pages.plugin.ts';
import { AreaKind } from '@tepei/db/enums';
import { applicationsVisibleTo, areasVisibleTo, unitsVisibleTo } from '../../auth/row-rules.ts';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { UnitNatureEnum } from '../applications/application-enums.schema.ts';
import { areaReaders, areasOrder, areasWhere, unitReaders, unitsOrder, unitsWhere } from './areas-units.service.ts';

export const AreaKindEnum = builder.enumType(AreaKind, {
  name: 'AreaKind',
  description: '推荐主管部门类别：地州市、兵团、自治区厅（局）',
});

export const AreaType = builder.prismaNode('Area', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '地州市人社局、兵团或自治区厅（局）',
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [ctx.actor ? areasVisibleTo(ctx.actor) : { id: { in: [] } }] }),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'GB/T 2260 代码（兵团为 XPCC，自治区厅局为 DEPT-…）' }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: AreaKindEnum }),
    isSouthernXinjiang: t.exposeBoolean('isSouthernXinjiang', { description: '是否南疆地区（含巴音郭楞蒙古自治州）' }),
    units: t.relation('units', {
      query: (_args, ctx) => ({ where: unitsVisibleTo(ctx.actor!), orderBy: { name: 'asc' } }),
    }),
  }),
});

export const EmployerUnitType = builder.prismaNode('EmployerUnit', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '用人单位（派出单位）',
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [ctx.actor ? unitsVisibleTo(ctx.actor) : { id: { in: [] } }] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    nature: t.expose('nature', { type: UnitNatureEnum }),
    address: t.exposeString('address'),
    postcode: t.exposeString('postcode', { nullable: true }),
    area: t.relation('area'),
    applications: t.relatedConnection('applications', {
      cursor: 'id',
      totalCount: true,
      query: (_args, ctx) => ({ where: applicationsVisibleTo(ctx.actor!), orderBy: { createdAt: 'desc' } }),
    }),
  }),
});

const AreaFilterInput = builder.inputType('AreaFilter', {
  description: '推荐主管部门的筛选条件（各项同时满足）',
  fields: (t) => ({
    kind: t.field({ type: AreaKindEnum, required: false, description: '类别' }),
    isSouthernXinjiang: t.boolean({ required: false, description: '是否南疆地区' }),
    search: t.string({ required: false, description: '名称或代码中包含的文字' }),
  }),
});

builder.queryFields((t) => ({
  areas: t.withAuth(areaReaders).prismaField({
    type: ['Area'],
    description: '可见的推荐主管部门（按代码排序；可按类别、是否南疆、名称或代码筛选）',
    args: { filter: t.arg({ type: AreaFilterInput, required: false }) },
    resolve: (query, _root, args, ctx) => prisma.area.findMany({ ...query, where: areasWhere(ctx.actor, args.filter ?? {}), orderBy: areasOrder }),
  }),
  areasConnection: t.withAuth(areaReaders).prismaConnection({
    type: 'Area',
    cursor: 'id',
    description: '可见的推荐主管部门（Relay 分页，含 totalCount；与 areas 同序、同筛选）',
    args: { filter: t.arg({ type: AreaFilterInput, required: false }), offset: t.arg.int({ required: false, description: offsetDescription }) },
    resolve: (query, _root, args, ctx) =>
      prisma.area.findMany({ ...withOffset(query, args), where: areasWhere(ctx.actor, args.filter ?? {}), orderBy: areasOrder }),
    totalCount: (_root, args, ctx) => prisma.area.count({ where: areasWhere(ctx.actor, args.filter ?? {}) }),
  }),
  units: t.withAuth(unitReaders).prismaConnection({
    type: 'EmployerUnit',
    cursor: 'id',
    description: '可见的用人单位',
    args: { areaId: t.arg.globalID({ required: false, for: [AreaType] }), offset: t.arg.int({ required: false, description: offsetDescription }) },
    resolve: (query, _root, args, ctx) =>
      prisma.employerUnit.findMany({ ...withOffset(query, args), where: unitsWhere(ctx.actor, { areaId: args.areaId?.id }), orderBy: unitsOrder }),
    totalCount: (_root, args, ctx) => prisma.employerUnit.count({ where: unitsWhere(ctx.actor, { areaId: args.areaId?.id }) }),
  }),
  // Registration needs the list of units before anyone is signed in: names only.
  registrationUnits: t.field({
    type: [RegistrationUnit],
    description: '申报人注册时可选择的用人单位（无需登录，仅名称与所属地区）',
    authScopes: { public: true },
    resolve: () =>
      prisma.employerUnit.findMany({
        select: { id: true, name: true, area: { select: { name: true } } },
        orderBy: [{ area: { sortOrder: 'asc' } }, { name: 'asc' }],
      }),
  }),
}));

interface RegistrationUnitShape {
  id: string;
  name: string;
  area: { name: string };
}

const RegistrationUnit = builder.objectRef<RegistrationUnitShape>('RegistrationUnit').implement({
  fields: (t) => ({
    unitId: t.exposeString('id', { description: '单位 ID（注册时填写 unitId）' }),
    name: t.exposeString('name'),
    areaName: t.string({ resolve: (unit) => unit.area.name }),
  }),
});
