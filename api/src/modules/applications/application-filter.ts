// Filters and sort orders a reviewer or analyst may put on the list of applications. Filters
// narrow the row rules, never widen them (the caller ANDs them with applicationsVisibleTo).
// Nothing here filters or sorts by a personal identifier (ID number, phones, e-mail, emergency
// contact): analysts see those masked, and a filter on them would reveal what the mask hides.
// For the same reason analysts filter birth dates by month at the finest and do not sort by
// them (auth/personal-data.ts): a day is digits 7–14 of the ID number.
import type { Prisma } from '@tepei/db/client';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Actor } from '../../auth/actor.ts';
import { seesPersonalIdentifiers } from '../../auth/personal-data.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { builder } from '../../builder.ts';
import { FieldProblems } from '../../errors/domain-errors.ts';
import { EligibilityRuleEnum } from '../eligibility/eligibility.schema.ts';
import { ApplicationStatusEnum } from './application-status.schema.ts';
import { EducationEnum, EthnicityEnum, GenderEnum, TitleLevelEnum, TrainingModeEnum, UnitNatureEnum } from './application-enums.schema.ts';

export const ApplicationFilterInput = builder.inputType('ApplicationFilter', {
  description: '申报筛选条件（与可见范围同时生效；各条件同时满足，列表为空视为不限）',
  fields: (t) => ({
    roundYear: t.int({ required: false, description: '年度，如 2025' }),
    statuses: t.field({ type: [ApplicationStatusEnum], required: false, description: '申报状态（任一）' }),
    mode: t.field({ type: TrainingModeEnum, required: false, description: '培养方式' }),
    areaId: t.id({ required: false, description: '推荐主管部门（地州市、兵团或自治区厅局）' }),
    unitId: t.id({ required: false, description: '用人单位' }),
    unitNature: t.field({ type: UnitNatureEnum, required: false, description: '单位性质' }),
    southernXinjiang: t.boolean({ required: false, description: 'true 仅南疆地区，false 仅非南疆地区' }),
    nameContains: t.string({ required: false, description: '姓名包含' }),
    gender: t.field({ type: GenderEnum, required: false, description: '性别' }),
    ethnicities: t.field({ type: [EthnicityEnum], required: false, description: '民族（任一）' }),
    educations: t.field({ type: [EducationEnum], required: false, description: '最高学历（任一）' }),
    titleLevels: t.field({ type: [TitleLevelEnum], required: false, description: '职称层级（任一）' }),
    trainingSpecialty: t.string({ required: false, description: '培养专业（完全一致）' }),
    specialtyContains: t.string({ required: false, description: '培养专业包含' }),
    relaxed: t.boolean({ required: false, description: 'true 仅放宽条件后符合的申报（南疆非少数民族、学历或职称放宽），false 仅无放宽的申报' }),
    relaxedRules: t.field({ type: [EligibilityRuleEnum], required: false, description: '放宽后符合的推荐条件（任一），如 EDUCATION_TITLE' }),
    birthMonthFrom: t.string({ required: false, description: '出生年月不早于（含该月），YYYY-MM' }),
    birthMonthTo: t.string({ required: false, description: '出生年月不晚于（含该月），YYYY-MM' }),
    birthDateFrom: t.field({ type: 'Date', required: false, description: '出生日期不早于（含当日）；数据分析账号不可用，请用 birthMonthFrom' }),
    birthDateTo: t.field({ type: 'Date', required: false, description: '出生日期不晚于（含当日）；数据分析账号不可用，请用 birthMonthTo' }),
    submittedFrom: t.field({ type: 'DateTime', required: false, description: '提交时间不早于' }),
    submittedTo: t.field({ type: 'DateTime', required: false, description: '提交时间不晚于' }),
    decidedFrom: t.field({ type: 'DateTime', required: false, description: '自治区遴选决定时间不早于' }),
    decidedTo: t.field({ type: 'DateTime', required: false, description: '自治区遴选决定时间不晚于' }),
  }),
});

export type ApplicationFilter = typeof ApplicationFilterInput.$inferInput;

function rawId(id: string | number): string {
  const text = String(id);
  try {
    return decodeGlobalID(text).id;
  } catch {
    return text;
  }
}

/** A `Date` scalar input (YYYY-MM-DD) as the value Prisma compares a @db.Date column with. */
const calendarDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The first day of a YYYY-MM month, and of the month after it, or null when it is no month. */
function monthBounds(month: string): { first: Date; next: Date } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month.trim());
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  return { first: new Date(Date.UTC(year, number - 1, 1)), next: new Date(Date.UTC(year, number, 1)) };
}

/** The filter's birth months (and, for those who may, days); problems for what the actor may not ask. */
function birthDateConditions(actor: Actor, filter: ApplicationFilter): Prisma.ApplicationWhereInput[] {
  const problems = new FieldProblems();
  for (const field of ['birthDateFrom', 'birthDateTo'] as const) {
    if (filter[field] != null && !seesPersonalIdentifiers(actor)) {
      problems.add(['filter', field], '数据分析账号不能按出生日期筛选（出生日期即身份证号的一部分），请按出生年月筛选：birthMonthFrom、birthMonthTo（YYYY-MM）');
    }
  }
  const from = filter.birthMonthFrom != null ? monthBounds(filter.birthMonthFrom) : null;
  const to = filter.birthMonthTo != null ? monthBounds(filter.birthMonthTo) : null;
  if (filter.birthMonthFrom != null && !from) problems.add(['filter', 'birthMonthFrom'], '出生年月格式应为 YYYY-MM，例如 1988-06');
  if (filter.birthMonthTo != null && !to) problems.add(['filter', 'birthMonthTo'], '出生年月格式应为 YYYY-MM，例如 1990-03');
  problems.throwIfAny();

  const days = range(filter.birthDateFrom && calendarDay(filter.birthDateFrom), filter.birthDateTo && calendarDay(filter.birthDateTo));
  return [
    ...(from ? [{ birthDate: { gte: from.first } }] : []),
    ...(to ? [{ birthDate: { lt: to.next } }] : []),
    ...(days ? [{ birthDate: days }] : []),
  ];
}

function range<T>(from: T | null | undefined, to: T | null | undefined): { gte?: T; lte?: T } | null {
  if (from == null && to == null) return null;
  return { ...(from != null ? { gte: from } : {}), ...(to != null ? { lte: to } : {}) };
}

/** The filter as a where-condition; a ValidationFailedError for what the actor may not ask. */
export function applicationFilterWhere(actor: Actor, filter: ApplicationFilter | null | undefined): Prisma.ApplicationWhereInput {
  if (!filter) return {};
  // One condition per entry of AND, so that two filters on one relation (area, unit) never
  // overwrite each other.
  const conditions: Prisma.ApplicationWhereInput[] = [];
  const add = (condition: Prisma.ApplicationWhereInput | null | false | undefined | 0 | '') => {
    if (condition) conditions.push(condition);
  };
  const submitted = range(filter.submittedFrom, filter.submittedTo);
  const decided = range(filter.decidedFrom, filter.decidedTo);

  add(filter.roundYear != null && { round: { year: filter.roundYear } });
  add(filter.statuses?.length && { status: { in: filter.statuses } });
  add(filter.mode && { mode: filter.mode });
  add(filter.areaId && { areaId: rawId(filter.areaId) });
  add(filter.unitId && { unitId: rawId(filter.unitId) });
  add(filter.unitNature && { unit: { nature: filter.unitNature } });
  add(filter.southernXinjiang != null && { area: { isSouthernXinjiang: filter.southernXinjiang } });
  add(filter.nameContains && { name: { contains: filter.nameContains } });
  add(filter.gender && { gender: filter.gender });
  add(filter.ethnicities?.length && { ethnicity: { in: filter.ethnicities } });
  add(filter.educations?.length && { education: { in: filter.educations } });
  add(filter.titleLevels?.length && { titleLevel: { in: filter.titleLevels } });
  add(filter.trainingSpecialty && { trainingSpecialty: filter.trainingSpecialty.trim() });
  add(filter.specialtyContains && { trainingSpecialty: { contains: filter.specialtyContains.trim() } });
  add(filter.relaxed != null && { relaxedRuleCount: filter.relaxed ? { gt: 0 } : 0 });
  add(filter.relaxedRules?.length && { relaxedRules: { hasSome: filter.relaxedRules } });
  conditions.push(...birthDateConditions(actor, filter));
  add(submitted && { submittedAt: submitted });
  add(decided && { decidedAt: decided });
  return conditions.length ? { AND: conditions } : {};
}

// ───────────────────────────── sorting ─────────────────────────────

export const SortDirectionEnum = builder.enumType('SortDirection', {
  description: '排序方向',
  values: { ASC: { description: '升序' }, DESC: { description: '降序' } },
});

/** Each sortable field, and how Prisma orders by it. None of them is a personal identifier. */
const sortFields = {
  WAITING_SINCE: { description: '进入当前状态的时间（待审队列按此升序：等待最久的在前）', orderBy: (sort) => ({ statusChangedAt: sort }) },
  SUBMITTED_AT: { description: '提交时间（未提交的排在最后）', orderBy: (sort) => ({ submittedAt: { sort, nulls: 'last' } }) },
  DECIDED_AT: { description: '遴选决定时间（未决定的排在最后）', orderBy: (sort) => ({ decidedAt: { sort, nulls: 'last' } }) },
  UPDATED_AT: { description: '最后修改时间', orderBy: (sort) => ({ updatedAt: sort }) },
  NAME: { description: '姓名', orderBy: (sort) => ({ name: sort }) },
  BIRTH_DATE: { description: '出生日期（数据分析账号不可用：同月出生者的先后即身份证号的一部分；未填写的草稿排在最后）', orderBy: (sort) => ({ birthDate: { sort, nulls: 'last' } }) },
  STATUS: { description: '申报状态（按流程先后）', orderBy: (sort) => ({ status: sort }) },
  AREA: { description: '推荐主管部门（按代码）', orderBy: (sort) => ({ area: { code: sort } }) },
  UNIT: { description: '用人单位（按名称）', orderBy: (sort) => ({ unit: { name: sort } }) },
  // A draft may not have chosen these yet (application-form.ts draftOnlyEmptyFields): it comes last, as an unsubmitted one does above.
  MODE: { description: '培养方式（未填写的草稿排在最后）', orderBy: (sort) => ({ mode: { sort, nulls: 'last' } }) },
  ETHNICITY: { description: '民族（按 GB/T 3304 代码；未填写的草稿排在最后）', orderBy: (sort) => ({ ethnicity: { sort, nulls: 'last' } }) },
  EDUCATION: { description: '最高学历（由低到高；未填写的草稿排在最后）', orderBy: (sort) => ({ education: { sort, nulls: 'last' } }) },
  TITLE_LEVEL: { description: '职称层级（由低到高；未填写的草稿排在最后）', orderBy: (sort) => ({ titleLevel: { sort, nulls: 'last' } }) },
  RELAXED_RULES: { description: '放宽后符合的推荐条件数（无放宽的为 0）', orderBy: (sort) => ({ relaxedRuleCount: sort }) },
} satisfies Record<string, { description: string; orderBy: (sort: Prisma.SortOrder) => Prisma.ApplicationOrderByWithRelationInput }>;

export type ApplicationSortField = keyof typeof sortFields;

export const ApplicationSortFieldEnum = builder.enumType('ApplicationSortField', {
  description: '申报列表可排序的字段（不含身份证号、电话、邮箱、紧急联系人等个人信息）',
  values: Object.fromEntries(Object.entries(sortFields).map(([field, { description }]) => [field, { description }])) as Record<
    ApplicationSortField,
    { description: string }
  >,
});

export const ApplicationOrderInput = builder.inputType('ApplicationOrder', {
  description: '一个排序条件；多个条件依次生效，最后总按 ID 排序，使分页稳定',
  fields: (t) => ({
    field: t.field({ type: ApplicationSortFieldEnum, required: true }),
    direction: t.field({ type: SortDirectionEnum, required: true }),
  }),
});

export type ApplicationOrder = typeof ApplicationOrderInput.$inferInput;

/**
 * The Prisma orderBy for the requested orders, always ending with `id`: without a unique last
 * key, rows that tie would change places between pages and a cursor would skip or repeat them.
 */
export function applicationOrderBy(
  actor: Actor,
  orders: readonly ApplicationOrder[] | null | undefined,
): Prisma.ApplicationOrderByWithRelationInput[] {
  const requested = orders?.length ? orders : [{ field: 'UPDATED_AT', direction: 'ASC' } as const];
  if (!seesPersonalIdentifiers(actor)) {
    const problems = new FieldProblems();
    requested.forEach(({ field }, index) => {
      if (field === 'BIRTH_DATE') problems.add(['orderBy', String(index), 'field'], '数据分析账号不能按出生日期排序（同月出生者的先后即身份证号的一部分），请按出生年月筛选');
    });
    problems.throwIfAny();
  }
  return [
    ...requested.map(({ field, direction }) => sortFields[field].orderBy(direction === 'DESC' ? 'desc' : 'asc')),
    { id: 'asc' },
  ];
}

/**
 * The list a reader asked for: the rows the row rules let them see, narrowed by the filter, in
 * the order asked. One definition for the `applications` connection and the list's Excel export
 * (exports/application-list-export.ts); a ValidationFailedError for what the reader may not ask.
 */
export function applicationListArguments(
  actor: Actor,
  args: { filter?: ApplicationFilter | null; orderBy?: readonly ApplicationOrder[] | null },
): { where: Prisma.ApplicationWhereInput; orderBy: Prisma.ApplicationOrderByWithRelationInput[] } {
  return {
    where: { AND: [applicationsVisibleTo(actor), applicationFilterWhere(actor, args.filter)] },
    orderBy: applicationOrderBy(actor, args.orderBy),
  };
}
