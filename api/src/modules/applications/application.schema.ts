// The application (forms 2 and 3) as the API shows it, and the queries that find it. Every
// read goes through applicationsVisibleTo; analysts see personal identifiers masked.
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { birthMonthOf, shownBirthDate, shownEmail, shownEmergencyContact, shownIdNumber, shownPhone } from '../../auth/personal-data.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { ValidationFailedError } from '../../errors/domain-errors.ts';
import {
  ChineseProficiencyEnum,
  EducationEnum,
  EthnicityEnum,
  GenderEnum,
  PoliticalStatusEnum,
  TitleLevelEnum,
  TrainingModeEnum,
} from './application-enums.schema.ts';
import { ApplicationStatusEnum } from './application-status.schema.ts';
import { countOfShapedPage, shapedApplication, shapedApplicationPage } from './application-reads.ts';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { offsetDescription, withOffset } from '../../offset-pages.plugin.ts';
import {
  ApplicationFilterInput,
  type ApplicationFilter,
  applicationListArguments,
  type ApplicationOrder,
  ApplicationOrderInput,
} from './application-filter.ts';

const nothing = { id: { in: [] as string[] } };

// The choices, the birth date and the dates of list rows are null only in a draft not filled in
// that far (application-form.ts draftOnlyEmptyFields): one Application type serves drafts and
// submitted applications alike, so these fields are nullable, and say when they may be null.
const emptyInDraft = (label: string) => `${label}；仅草稿可为空（尚未填写）`;

const nodeWhere = (id: string, actor: Actor | null) => ({ id, AND: [actor ? applicationsVisibleTo(actor) : nothing] });

/**
 * node(id) in one statement shaped like the request (application-reads.ts), else as the Prisma
 * plugin loads it; nodes(ids) stays with Prisma, which batches a request's lookups in one query.
 */
async function loadApplicationNode(id: string, ctx: Context, info: GraphQLResolveInfo) {
  const query = await queryFromInfo({ context: ctx, info, typeName: 'Application', awaitSelections: true });
  const where = nodeWhere(id, ctx.actor);
  const shaped = info.fieldName === 'node' ? await shapedApplication(ctx, info, { ...query, where }) : undefined;
  return shaped !== undefined ? shaped : prisma.application.findUnique({ ...query, where });
}

/**
 * The list's where and orderBy. The connection has no error union: a filter or order the actor
 * may not use is a BAD_USER_INPUT error carrying the same field problems a ValidationFailedError
 * would.
 */
function listArguments(actor: Actor, args: { filter?: ApplicationFilter | null; orderBy?: readonly ApplicationOrder[] | null }) {
  try {
    return applicationListArguments(actor, args);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', problems: error.problems } });
  }
}

export const ApplicationType = builder.prismaNode('Application', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '特培申报（学员申报表与申报培养单位志愿表）',
  authScopes: { signedIn: true },
  // node(id) finds only what the actor may see.
  findUnique: (id, ctx) => nodeWhere(id, ctx.actor),
  // The relay plugin takes a node's loader from its type's options, so this one replaces the
  // Prisma plugin's (PrismaNodeOptions does not declare it, hence the spread).
  ...({ loadWithoutCache: loadApplicationNode } as object),
  fields: (t) => ({
    status: t.expose('status', { type: ApplicationStatusEnum }),
    version: t.exposeInt('version', { description: '版本号：提交审核操作时原样传回，用于并发控制' }),
    serialNumber: t.exposeString('serialNumber', { nullable: true, description: '学员编号' }),
    mode: t.expose('mode', { type: TrainingModeEnum, nullable: true, description: emptyInDraft('培养方式') }),
    round: t.relation('round'),
    unit: t.relation('unit'),
    area: t.relation('area'),

    name: t.exposeString('name', { description: '姓名' }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true, description: emptyInDraft('性别') }),
    ethnicity: t.expose('ethnicity', { type: EthnicityEnum, nullable: true, description: emptyInDraft('民族') }),
    birthDate: t.field({
      type: 'Date',
      nullable: true,
      description: '出生日期；数据分析账号为空（出生日期即身份证号第7至14位），请用 birthMonth；未填写的草稿亦为空',
      select: { birthDate: true },
      resolve: (application, _args, ctx) => shownBirthDate(ctx.actor!, application.birthDate),
    }),
    birthMonth: t.string({
      nullable: true,
      description: emptyInDraft('出生年月，YYYY-MM（名单汇总表的“出生年月”）'),
      select: { birthDate: true },
      resolve: (application) => birthMonthOf(application.birthDate),
    }),
    idNumber: t.string({
      description: '身份证号（数据分析账号全部隐去，不留任何一位）',
      select: { idNumber: true },
      resolve: (application, _args, ctx) => shownIdNumber(ctx.actor!, application.idNumber),
    }),
    politicalStatus: t.expose('politicalStatus', { type: PoliticalStatusEnum, nullable: true, description: emptyInDraft('政治面貌') }),
    chineseProficiency: t.expose('chineseProficiency', { type: ChineseProficiencyEnum, nullable: true, description: emptyInDraft('汉语水平') }),
    graduateSchool: t.exposeString('graduateSchool', { description: '毕业院校' }),
    foreignLanguage: t.exposeString('foreignLanguage', { nullable: true, description: '外语种类' }),
    foreignLanguageLevel: t.exposeString('foreignLanguageLevel', { nullable: true, description: '外语等级' }),
    education: t.expose('education', { type: EducationEnum, nullable: true, description: emptyInDraft('最高学历') }),
    majorStudied: t.exposeString('majorStudied', { description: '所学专业' }),
    currentSpecialty: t.exposeString('currentSpecialty', { description: '现从事专业' }),
    trainingSpecialty: t.exposeString('trainingSpecialty', { description: '培养专业' }),
    department: t.exposeString('department', { description: '工作部门' }),
    unitAddress: t.exposeString('unitAddress', { description: '单位地址' }),
    postcode: t.exposeString('postcode', { nullable: true }),
    administrativePost: t.exposeString('administrativePost', { nullable: true, description: '行政职务' }),
    titleName: t.exposeString('titleName', { nullable: true, description: '专业技术职称名称' }),
    titleLevel: t.expose('titleLevel', { type: TitleLevelEnum, nullable: true, description: emptyInDraft('专业技术职称层级') }),
    phone: t.string({
      select: { phone: true },
      resolve: (application, _args, ctx) => shownPhone(ctx.actor!, application.phone)!,
    }),
    email: t.string({
      nullable: true,
      select: { email: true },
      resolve: (application, _args, ctx) => shownEmail(ctx.actor!, application.email),
    }),
    unitContactName: t.exposeString('unitContactName', { description: '单位联系人' }),
    unitContactPhone: t.string({
      select: { unitContactPhone: true },
      resolve: (application, _args, ctx) => shownPhone(ctx.actor!, application.unitContactPhone)!,
    }),
    emergencyContactName: t.string({
      nullable: true,
      description: '紧急情况联系人（数据分析账号不可见）',
      select: { emergencyContactName: true },
      resolve: (application, _args, ctx) => shownEmergencyContact(ctx.actor!, application.emergencyContactName),
    }),
    emergencyContactPhone: t.string({
      nullable: true,
      select: { emergencyContactPhone: true },
      resolve: (application, _args, ctx) => shownEmergencyContact(ctx.actor!, application.emergencyContactPhone),
    }),
    hasDisqualifyingIllness: t.exposeBoolean('hasDisqualifyingIllness', {
      nullable: true,
      description: '有无传染性疾病、精神类疾病史等影响正常培训的情况；仅草稿可为空（尚未填写）',
    }),
    earlierTrainee: t.exposeBoolean('earlierTrainee', { nullable: true, description: '是否参加过特培学习；仅草稿可为空（尚未填写）' }),
    earlierTrainingYear: t.exposeInt('earlierTrainingYear', { nullable: true }),
    earlierTrainingPlace: t.exposeString('earlierTrainingPlace', { nullable: true }),
    studyGoals: t.exposeString('studyGoals', { description: '特培学员个人学习目标及计划' }),
    unitTrainingNeeds: t.exposeString('unitTrainingNeeds', { nullable: true, description: '派出单位培养需求' }),
    intendedSpecialty: t.exposeString('intendedSpecialty', { description: '拟选专业' }),
    preferenceRemarks: t.exposeString('preferenceRemarks', { nullable: true, description: '志愿表备注' }),

    workHistory: t.relation('workHistory', { query: { orderBy: { position: 'asc' } } }),
    awards: t.relation('awards', { query: { orderBy: { position: 'asc' } } }),
    publications: t.relation('publications', { query: { orderBy: { position: 'asc' } } }),
    hostPreferences: t.relation('hostPreferences', { query: { orderBy: { rank: 'asc' } } }),
    classifiedItems: t.relation('classifiedItems', { query: { orderBy: { recordedAt: 'asc' } } }),
    statusHistory: t.relation('statusChanges', { query: { orderBy: { at: 'asc' } } }),
    reviews: t.relation('reviews', { query: { orderBy: { decidedAt: 'asc' } } }),

    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', description: '进入当前状态的时间（待审等待自此时起）' }),
    endorsedAt: t.expose('endorsedAt', { type: 'DateTime', nullable: true }),
    recommendedAt: t.expose('recommendedAt', { type: 'DateTime', nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('WorkHistoryEntry', {
  description: '主要工作经历',
  fields: (t) => ({
    startMonth: t.expose('startMonth', { type: 'Date', nullable: true, description: emptyInDraft('开始年月（该月1日）') }),
    endMonth: t.expose('endMonth', { type: 'Date', nullable: true }),
    work: t.exposeString('work'),
    postOrTitle: t.exposeString('postOrTitle', { nullable: true }),
  }),
});

builder.prismaObject('Award', {
  description: '主要工作业绩及获奖情况',
  fields: (t) => ({
    awardedOn: t.expose('awardedOn', { type: 'Date', nullable: true, description: emptyInDraft('日期') }),
    name: t.exposeString('name'),
    level: t.exposeString('level'),
  }),
});

builder.prismaObject('Publication', {
  description: '近5年发表的论文、专著',
  fields: (t) => ({
    publishedOn: t.expose('publishedOn', { type: 'Date', nullable: true, description: emptyInDraft('日期') }),
    titleAndContent: t.exposeString('titleAndContent'),
    publisher: t.exposeString('publisher'),
  }),
});

builder.prismaObject('HostPreference', {
  description: '拟选培养单位志愿',
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    institution: t.exposeString('institution'),
    mentor: t.exposeString('mentor', { nullable: true }),
    hostAgreed: t.exposeBoolean('hostAgreed', { description: '已征得培养单位同意接收' }),
    contactName: t.exposeString('contactName', { nullable: true }),
    contactDepartment: t.exposeString('contactDepartment', { nullable: true }),
    contactPost: t.exposeString('contactPost', { nullable: true }),
    contactPhone: t.string({
      nullable: true,
      select: { contactPhone: true },
      resolve: (preference, _args, ctx) => shownPhone(ctx.actor!, preference.contactPhone),
    }),
  }),
});

builder.prismaObject('ClassifiedItem', {
  description: '涉密材料：仅记录已按保密渠道线下报送，不含内容',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    sentOfflineOn: t.expose('sentOfflineOn', { type: 'Date' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  application: t.withAuth({ signedIn: true }).prismaField({
    type: 'Application',
    nullable: true,
    description: '按 ID 查询一份申报（仅限可见范围）',
    args: { id: t.arg.globalID({ required: true, for: [ApplicationType] }) },
    resolve: async (query, _root, args, ctx, info) => {
      const findArgs = { ...query, where: { AND: [{ id: args.id.id }, applicationsVisibleTo(ctx.actor)] } };
      const shaped = await shapedApplication(ctx, info, findArgs);
      return shaped !== undefined ? shaped : prisma.application.findFirst(findArgs);
    },
  }),
  applications: t.withAuth({ signedIn: true }).prismaConnection({
    type: 'Application',
    cursor: 'id',
    description: '可见范围内的申报（审核队列、名单），可筛选、排序（默认按最后修改时间）',
    maxSize: 100,
    defaultSize: 20,
    args: {
      filter: t.arg({ type: ApplicationFilterInput, required: false }),
      orderBy: t.arg({ type: [ApplicationOrderInput], required: false, description: '排序条件，依次生效' }),
      offset: t.arg.int({ required: false, description: offsetDescription }),
    },
    // The page, its relations, eligibility facts and count in one statement where it can
    // (application-reads.ts); else Prisma, with the same arguments.
    resolve: async (query, _root, args, ctx, info) => {
      const { where, orderBy } = listArguments(ctx.actor, args);
      const findArgs = withOffset({ ...query, where, orderBy }, args);
      return (await shapedApplicationPage(ctx, info, findArgs)) ?? prisma.application.findMany(findArgs);
    },
    totalCount: (_root, args, ctx, info) =>
      countOfShapedPage(ctx, info) ?? prisma.application.count({ where: listArguments(ctx.actor, args).where }),
  }),
  myApplications: t.withAuth({ applicant: true }).prismaField({
    type: ['Application'],
    description: '申报人本人的申报',
    resolve: (query, _root, _args, ctx) =>
      prisma.application.findMany({ ...query, where: { applicantId: ctx.actor.userId }, orderBy: { createdAt: 'desc' } }),
  }),
}));
