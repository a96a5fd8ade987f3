// The analysts' read API: filters and sorting of `applications`, counts by dimension, deadline
// progress and review queues — every number under the caller's row rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tepei/api/schema';
import { applicationsVisibleTo } from '@tepei/api/auth/row-rules';
import type { Actor } from '@tepei/api/auth/actor';
import { applicationsVisibleToSql } from '@tepei/api/modules/analytics/analytics.service';
import type { ApplicationStatus, Education, Ethnicity, Gender, Prisma, TitleLevel, TrainingMode } from '@tepei/db/client';
import {
  ApplicationStatus as statusOrder,
  Education as educationOrder,
  Ethnicity as ethnicityOrder,
  TitleLevel as titleLevelOrder,
  TrainingMode as modeOrder,
} from '@tepei/db/enums';
import type { GraphQLInputObjectType, GraphQLEnumType } from 'graphql';
import { type GqlResponse, startApi, type TestApi } from '../support/api.ts';
import { arrangeProgramme, person, type Programme } from '../fixtures/programme.ts';
import { insertApplications } from '../fixtures/applications.ts';
import { recordRelaxedRules } from '@tepei/api/modules/eligibility/relaxed-rules';
import { applicationForm } from '../fixtures/programme.ts';
import { createApplication, globalId, registerApplicant, updateApplication } from '../support/workflow.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const beijing = (local: string) => new Date(`${local}+08:00`);

let api: TestApi;
let programme: Programme;
const staff = ['admin', 'analyst', 'pref-653100', 'pref-650100', 'unit-kashgar', 'unit-kashgar-school', 'unit-urumqi'] as const;
let tokens: Record<(typeof staff)[number] | 'applicant', string>;
let world: Awaited<ReturnType<typeof arrangeSpread>>;
/** Each application's relaxed rules as the API's eligibility field reports them: the oracle of the relaxed filters and sort. */
let relaxedByApplication: Map<string, string[]>;

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  world = await arrangeSpread();
  tokens = { applicant: world.applicantToken } as typeof tokens;
  for (const username of staff) tokens[username] = await api.login(username);
  relaxedByApplication = await relaxedRulesReported(tokens.analyst);
});
afterAll(() => api?.close());

// ─────────────────────────────── the scenario ───────────────────────────────

interface Profile {
  ethnicity: Ethnicity;
  education: Education;
  titleLevel: TitleLevel;
  gender: Gender;
  mode: TrainingMode;
  trainingSpecialty?: string;
}

const uyghurBachelor: Profile = { ethnicity: 'UYGHUR', education: 'BACHELOR', titleLevel: 'INTERMEDIATE', gender: 'FEMALE', mode: 'REMOTE' };
const kazakhMaster: Profile = { ethnicity: 'KAZAKH', education: 'MASTER', titleLevel: 'SUB_SENIOR', gender: 'MALE', mode: 'LOCAL' };
const hanAssociate: Profile = { ethnicity: 'HAN', education: 'ASSOCIATE', titleLevel: 'INTERMEDIATE', gender: 'MALE', mode: 'REMOTE' };
const uyghurDoctor: Profile = {
  ethnicity: 'UYGHUR',
  education: 'DOCTORATE',
  titleLevel: 'SENIOR',
  gender: 'FEMALE',
  mode: 'LOCAL',
  trainingSpecialty: '计算机科学与技术',
};
const uyghurJunior: Profile = { ethnicity: 'UYGHUR', education: 'BACHELOR', titleLevel: 'JUNIOR', gender: 'MALE', mode: 'REMOTE' };
const kazakhSelected: Profile = { ethnicity: 'KAZAKH', education: 'MASTER', titleLevel: 'INTERMEDIATE', gender: 'MALE', mode: 'LOCAL' };

/** Status changes of one application: [status, Beijing local time]. */
type History = Array<[ApplicationStatus, string]>;

/**
 * A known spread over two areas, four units and two rounds, each application with the status
 * history that led to its status (times in Beijing):
 *
 *   喀什地区 (southern)  喀什地区第一人民医院   K1–K3 SUBMITTED, K4 RETURNED_TO_EMPLOYER (维吾尔族 本科 中级 女 异地)
 *                                              K5, K6 ENDORSED (哈萨克族 硕士 副高级 男 当地), K7 RECOMMENDED (汉族 大专 中级 男 异地)
 *                       喀什大学               S1, S2 SUBMITTED (维吾尔族 博士 正高级 女 当地, 计算机科学与技术)
 *                       喀什地区农业农村局     G1 DRAFT (维吾尔族 本科 初级 男 异地; a 机关)
 *   乌鲁木齐市           新疆医科大学第一附属医院 U1–U4 SUBMITTED (维吾尔族 本科 中级 女 异地), U5 SELECTED (哈萨克族 硕士 中级 男 当地)
 *   2026年度             喀什地区第一人民医院   two NOT_SELECTED
 */
async function arrangeSpread() {
  const agency = await api.prisma.employerUnit.create({
    data: { name: '喀什地区农业农村局', nature: 'GOVERNMENT_AGENCY', areaId: programme.kashgar.areaId, address: '喀什市人民东路1号' },
  });
  const round2026 = await api.prisma.round.create({
    data: {
      year: 2026,
      name: '2026年度',
      applicationDeadline: beijing('2026-03-05T23:59:59.999'),
      recommendationDeadline: beijing('2026-03-20T23:59:59.999'),
      ageCutoffDate: new Date('1981-01-01T00:00:00Z'),
      shortageSpecialties: [],
    },
  });
  const kashgarHospital = { roundId: programme.roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId };
  const kashgarSchool = { roundId: programme.roundId, unitId: programme.kashgar.otherUnitId, areaId: programme.kashgar.areaId };
  const kashgarAgency = { roundId: programme.roundId, unitId: agency.id, areaId: programme.kashgar.areaId };
  const urumqiHospital = { roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId };

  async function one(where: typeof kashgarHospital, status: ApplicationStatus, profile: Profile, history: History) {
    const [id] = await insertApplications(api.prisma, where, 1, status, profile.mode);
    const reached = (step: ApplicationStatus) => history.filter(([to]) => to === step).map(([, at]) => beijing(at)).at(-1) ?? null;
    await api.prisma.application.update({
      where: { id: id! },
      data: {
        ...profile,
        submittedAt: reached('SUBMITTED'),
        endorsedAt: reached('ENDORSED'),
        recommendedAt: reached('RECOMMENDED'),
        decidedAt: reached('SELECTED') ?? reached('NOT_SELECTED'),
        // As a transition leaves it: when the application entered its current status.
        statusChangedAt: reached(status) ?? undefined,
      },
    });
    // The profile changes facts eligibility reads: record what the API records when a form is saved.
    await recordRelaxedRules(api.prisma, { id: id! });
    let from: ApplicationStatus = 'DRAFT';
    await api.prisma.statusChange.createMany({
      data: history.map(([to, at]) => {
        const change = { applicationId: id!, fromStatus: from, toStatus: to, at: beijing(at) };
        from = to;
        return change;
      }),
    });
    return id!;
  }

  const ids = {
    K1: await one(kashgarHospital, 'SUBMITTED', uyghurBachelor, [['SUBMITTED', '2026-12-01T07:30']]),
    K2: await one(kashgarHospital, 'SUBMITTED', uyghurBachelor, [['SUBMITTED', '2026-12-01T23:30']]),
    K3: await one(kashgarHospital, 'SUBMITTED', uyghurBachelor, [['SUBMITTED', '2026-11-15T10:00']]),
    K4: await one(kashgarHospital, 'RETURNED_TO_EMPLOYER', uyghurBachelor, [
      ['SUBMITTED', '2026-11-10T10:00'],
      ['ENDORSED', '2026-11-12T10:00'],
      ['RETURNED_TO_EMPLOYER', '2026-11-14T10:00'],
    ]),
    K5: await one(kashgarHospital, 'ENDORSED', kazakhMaster, [
      ['SUBMITTED', '2026-11-20T09:00'],
      ['RETURNED_TO_APPLICANT', '2026-11-21T09:00'],
      ['SUBMITTED', '2026-11-25T10:00'],
      ['ENDORSED', '2026-12-02T08:00'],
    ]),
    K6: await one(kashgarHospital, 'ENDORSED', kazakhMaster, [
      ['SUBMITTED', '2026-11-18T09:00'],
      ['ENDORSED', '2026-11-28T12:00'],
    ]),
    K7: await one(kashgarHospital, 'RECOMMENDED', hanAssociate, [
      ['SUBMITTED', '2026-11-16T09:00'],
      ['ENDORSED', '2026-11-17T09:00'],
      ['RECOMMENDED', '2026-11-19T09:00'],
    ]),
    S1: await one(kashgarSchool, 'SUBMITTED', uyghurDoctor, [['SUBMITTED', '2026-11-26T09:00']]),
    S2: await one(kashgarSchool, 'SUBMITTED', uyghurDoctor, [['SUBMITTED', '2026-11-27T09:00']]),
    G1: await one(kashgarAgency, 'DRAFT', uyghurJunior, []),
    U1: await one(urumqiHospital, 'SUBMITTED', uyghurBachelor, [['SUBMITTED', '2026-12-02T00:30']]),
    U2: await one(urumqiHospital, 'SUBMITTED', uyghurBachelor, [['SUBMITTED', '2026-11-29T09:00']]),
    U3: await one(urumqiHospital, 'SUBMITTED', uyghurBachelor, [['SUBMITTED', '2026-11-29T10:00']]),
    U4: await one(urumqiHospital, 'SUBMITTED', uyghurBachelor, [['SUBMITTED', '2026-11-30T09:00']]),
    U5: await one(urumqiHospital, 'SELECTED', kazakhSelected, [
      ['SUBMITTED', '2026-11-11T09:00'],
      ['ENDORSED', '2026-11-12T09:00'],
      ['RECOMMENDED', '2026-11-13T09:00'],
      ['SELECTED', '2026-11-30T15:00'],
    ]),
  };
  const earlier = await insertApplications(
    api.prisma,
    { ...kashgarHospital, roundId: round2026.id },
    2,
    'NOT_SELECTED',
  );
  await api.prisma.application.updateMany({ where: { id: { in: earlier } }, data: { decidedAt: beijing('2026-04-10T10:00') } });

  // An applicant of their own, owning K1.
  const who = person(91);
  const applicantToken = await registerApplicant(api, who, programme.kashgar.unitId);
  const applicant = await api.prisma.user.findUniqueOrThrow({ where: { idNumber: who.idNumber } });
  await api.prisma.application.update({ where: { id: ids.K1 }, data: { applicantId: applicant.id } });

  return { ids, earlier, agencyId: agency.id, applicantToken, applicantId: applicant.id };
}

// ─────────────────────────────── helpers ───────────────────────────────

const countsQuery = /* GraphQL */ `
  query Counts($roundYear: Int, $groupBy: [ApplicationDimension!]!, $filter: ApplicationFilter) {
    applicationCounts(roundYear: $roundYear, groupBy: $groupBy, filter: $filter) {
      __typename
      ... on QueryApplicationCountsSuccess { data { count keys { dimension value label } } }
      ... on ValidationFailedError { problems { path message } }
    }
  }
`;

interface CountRow {
  count: number;
  keys: Array<{ dimension: string; value: string; label: string }>;
}

/** The counts as [label, …, count] lines, in the order the API gives them. */
async function counts(token: string, variables: Record<string, unknown>): Promise<Array<Array<string | number>>> {
  const response = await api.gql(countsQuery, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.data.applicationCounts.__typename).toBe('QueryApplicationCountsSuccess');
  return (response.data.applicationCounts.data as CountRow[]).map((row) => [...row.keys.map((key) => key.label), row.count]);
}

const listQuery = /* GraphQL */ `
  query List($filter: ApplicationFilter, $orderBy: [ApplicationOrder!], $first: Int, $after: String) {
    applications(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
`;

const rawIdOf = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

/** Every id the list gives, page by page, following `endCursor`. */
async function pageThrough(token: string, variables: Record<string, unknown>, pageSize: number): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let page = 0; page < 50; page++) {
    const response: GqlResponse = await api.gql(listQuery, { ...variables, first: pageSize, after }, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const connection = response.data.applications as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string } }> };
    totalCount = connection.totalCount;
    ids.push(...connection.edges.map((edge) => rawIdOf(edge.node.id)));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCount };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

async function actorOf(username: string): Promise<Actor> {
  const user = await api.prisma.user.findUniqueOrThrow({ where: { username } });
  return { userId: user.id, sessionId: 'test', username, displayName: user.displayName, role: user.role, areaId: user.areaId, unitId: user.unitId };
}

async function relaxedRulesReported(token: string): Promise<Map<string, string[]>> {
  const response = await api.gql(
    '{ applications(first: 100) { totalCount edges { node { id eligibility { rule outcome } } } } }',
    {},
    token,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const { totalCount, edges } = response.data.applications as {
    totalCount: number;
    edges: Array<{ node: { id: string; eligibility: Array<{ rule: string; outcome: string }> } }>;
  };
  expect(edges.length).toBe(totalCount);
  return new Map(
    edges.map(({ node }) => [rawIdOf(node.id), node.eligibility.filter((result) => result.outcome === 'RELAXED').map((result) => result.rule)]),
  );
}

// ─────────────────────────────── counts ───────────────────────────────

describe('applicationCounts', () => {
  it('counts the whole round by one dimension, in the order of the statuses, with Chinese labels', async () => {
    const response = await api.gql(countsQuery, { roundYear: 2027, groupBy: ['STATUS'] }, tokens.analyst);
    expect(response.data.applicationCounts.data).toEqual([
      { count: 1, keys: [{ dimension: 'STATUS', value: 'DRAFT', label: '草稿' }] },
      { count: 9, keys: [{ dimension: 'STATUS', value: 'SUBMITTED', label: '已提交，待单位审核' }] },
      { count: 2, keys: [{ dimension: 'STATUS', value: 'ENDORSED', label: '单位审核通过，待地州市审核' }] },
      { count: 1, keys: [{ dimension: 'STATUS', value: 'RETURNED_TO_EMPLOYER', label: '地州市退回单位' }] },
      { count: 1, keys: [{ dimension: 'STATUS', value: 'RECOMMENDED', label: '已推荐，待自治区遴选' }] },
      { count: 1, keys: [{ dimension: 'STATUS', value: 'SELECTED', label: '已成功入选' }] },
    ]);
  });

  it('counts by two dimensions (area × mode), areas by code, and gives the area id a filter takes', async () => {
    const response = await api.gql(countsQuery, { roundYear: 2027, groupBy: ['AREA', 'MODE'] }, tokens.analyst);
    const rows = response.data.applicationCounts.data as CountRow[];
    expect(rows.map((row) => [...row.keys.map((key) => key.label), row.count])).toEqual([
      ['乌鲁木齐市', '异地培养', 4],
      ['乌鲁木齐市', '当地培养', 1],
      ['喀什地区', '异地培养', 6],
      ['喀什地区', '当地培养', 4],
    ]);
    expect(rows[0]!.keys[0]!.value).toBe(globalId('Area', programme.urumqi.areaId));
    expect(rows[0]!.keys[1]!.value).toBe('REMOTE');
  });

  it('counts by unit nature (through the unit) and ethnicity', async () => {
    expect(await counts(tokens.analyst, { roundYear: 2027, groupBy: ['UNIT_NATURE', 'ETHNICITY'] })).toEqual([
      ['机关', '维吾尔族', 1],
      ['事业单位', '汉族', 1],
      ['事业单位', '维吾尔族', 10],
      ['事业单位', '哈萨克族', 3],
    ]);
  });

  it('counts by gender, education and title level', async () => {
    expect(await counts(tokens.analyst, { roundYear: 2027, groupBy: ['GENDER'] })).toEqual([
      ['男', 5],
      ['女', 10],
    ]);
    expect(await counts(tokens.analyst, { roundYear: 2027, groupBy: ['EDUCATION', 'TITLE_LEVEL'] })).toEqual([
      ['大专', '中级', 1],
      ['本科', '初级', 1],
      ['本科', '中级', 8],
      ['硕士研究生', '中级', 1],
      ['硕士研究生', '副高级', 2],
      ['博士研究生', '正高级', 2],
    ]);
  });

  it('counts every round by year when no year is given', async () => {
    const response = await api.gql(countsQuery, { groupBy: ['ROUND'] }, tokens.analyst);
    expect(response.data.applicationCounts.data).toEqual([
      { count: 2, keys: [{ dimension: 'ROUND', value: '2026', label: '2026年度' }] },
      { count: 15, keys: [{ dimension: 'ROUND', value: '2027', label: '2027年度' }] },
    ]);
  });

  it('gives an analyst and a regional admin the same, whole-programme counts', async () => {
    const expected = [
      ['乌鲁木齐市', 5],
      ['喀什地区', 12],
    ];
    expect(await counts(tokens.analyst, { groupBy: ['AREA'] })).toEqual(expected);
    expect(await counts(tokens.admin, { groupBy: ['AREA'] })).toEqual(expected);
  });

  it("counts only a prefecture reviewer's own area, even when it filters by another", async () => {
    expect(await counts(tokens['pref-653100'], { groupBy: ['AREA'] })).toEqual([['喀什地区', 12]]);
    expect(await counts(tokens['pref-650100'], { groupBy: ['AREA', 'STATUS'] })).toEqual([
      ['乌鲁木齐市', '已提交，待单位审核', 4],
      ['乌鲁木齐市', '已成功入选', 1],
    ]);
    expect(await counts(tokens['pref-653100'], { groupBy: ['AREA'], filter: { areaId: globalId('Area', programme.urumqi.areaId) } })).toEqual([]);
  });

  it("counts only an employer reviewer's own unit", async () => {
    expect(await counts(tokens['unit-kashgar'], { roundYear: 2027, groupBy: ['STATUS'] })).toEqual([
      ['已提交，待单位审核', 3],
      ['单位审核通过，待地州市审核', 2],
      ['地州市退回单位', 1],
      ['已推荐，待自治区遴选', 1],
    ]);
    expect(await counts(tokens['unit-kashgar-school'], { groupBy: ['UNIT_NATURE'] })).toEqual([['事业单位', 2]]);
    expect(await counts(tokens['unit-urumqi'], { groupBy: ['AREA'] })).toEqual([['乌鲁木齐市', 5]]);
  });

  it('refuses an applicant', async () => {
    const response = await api.gql(countsQuery, { groupBy: ['STATUS'] }, tokens.applicant);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.data?.applicationCounts ?? null).toBeNull();
  });

  it.each([
    ['three dimensions', ['AREA', 'MODE', 'STATUS'], '请选择1至2个统计维度'],
    ['no dimension', [], '请选择1至2个统计维度'],
    ['a repeated dimension', ['MODE', 'MODE'], '统计维度“培养方式”重复'],
  ])('refuses %s with a ValidationFailedError', async (_name, groupBy, message) => {
    const response = await api.gql(countsQuery, { groupBy }, tokens.analyst);
    expect(response.data.applicationCounts).toEqual({ __typename: 'ValidationFailedError', problems: [{ path: ['groupBy'], message }] });
  });

  it('applies the filters it is given (ethnicity + education + southern Xinjiang)', async () => {
    const filter = { ethnicities: ['UYGHUR'], educations: ['BACHELOR'], southernXinjiang: true };
    expect(await counts(tokens.analyst, { roundYear: 2027, groupBy: ['UNIT_NATURE'], filter })).toEqual([
      ['机关', 1],
      ['事业单位', 4],
    ]);
    expect(await counts(tokens.analyst, { roundYear: 2027, groupBy: ['AREA'], filter: { ...filter, southernXinjiang: false } })).toEqual([
      ['乌鲁木齐市', 4],
    ]);
  });
});

// ─────────────────────────────── filters ───────────────────────────────

describe('applications(filter)', () => {
  type Row = Prisma.ApplicationGetPayload<{ include: { round: true; area: true; unit: true } }>;
  // A draft may leave its choices and birth date empty (NULL): no filter on them matches it.
  const birthMonth = (row: Row) => row.birthDate?.toISOString().slice(0, 7) ?? null;
  const isOneOf = (values: string[], value: string | null) => value !== null && values.includes(value);
  const byId = (ids: Iterable<string>) => [...ids].sort();
  let rows: Row[];
  beforeAll(async () => {
    rows = await api.prisma.application.findMany({ include: { round: true, area: true, unit: true } });
  });
  /** The expected rows, chosen here in JS from every stored row: the oracle the SQL is checked against. */
  const expectedIds = (predicate: (row: Row) => boolean) => byId(rows.filter(predicate).map((row) => row.id));

  const cases: Array<[string, () => Record<string, unknown>, (row: Row) => boolean]> = [
    ['roundYear', () => ({ roundYear: 2026 }), (row) => row.round.year === 2026],
    ['statuses', () => ({ statuses: ['ENDORSED', 'SELECTED'] }), (row) => ['ENDORSED', 'SELECTED'].includes(row.status)],
    ['mode', () => ({ mode: 'LOCAL' }), (row) => row.mode === 'LOCAL'],
    ['areaId', () => ({ areaId: globalId('Area', programme.urumqi.areaId) }), (row) => row.areaId === programme.urumqi.areaId],
    ['unitId', () => ({ unitId: globalId('EmployerUnit', programme.kashgar.otherUnitId) }), (row) => row.unitId === programme.kashgar.otherUnitId],
    ['unitNature', () => ({ unitNature: 'GOVERNMENT_AGENCY' }), (row) => row.unit.nature === 'GOVERNMENT_AGENCY'],
    ['southernXinjiang: true', () => ({ southernXinjiang: true }), (row) => row.area.isSouthernXinjiang],
    ['southernXinjiang: false', () => ({ southernXinjiang: false }), (row) => !row.area.isSouthernXinjiang],
    ['nameContains', () => ({ nameContains: rows[3]!.name.slice(-4) }), (row) => row.name.includes(rows[3]!.name.slice(-4))],
    ['gender', () => ({ gender: 'MALE' }), (row) => row.gender === 'MALE'],
    ['ethnicities', () => ({ ethnicities: ['HAN', 'KAZAKH'] }), (row) => isOneOf(['HAN', 'KAZAKH'], row.ethnicity)],
    ['educations', () => ({ educations: ['ASSOCIATE', 'DOCTORATE'] }), (row) => isOneOf(['ASSOCIATE', 'DOCTORATE'], row.education)],
    ['titleLevels', () => ({ titleLevels: ['JUNIOR', 'SENIOR'] }), (row) => isOneOf(['JUNIOR', 'SENIOR'], row.titleLevel)],
    ['trainingSpecialty', () => ({ trainingSpecialty: '临床医学' }), (row) => row.trainingSpecialty === '临床医学'],
    ['specialtyContains', () => ({ specialtyContains: '计算机' }), (row) => row.trainingSpecialty.includes('计算机')],
    [
      // Analysts filter birth dates by month at the finest (analyst-privacy.test.ts).
      'birthMonthFrom/birthMonthTo (both months included)',
      () => {
        const months = rows.map(birthMonth).filter((month) => month !== null).sort();
        return { birthMonthFrom: months[3], birthMonthTo: months[9] };
      },
      (row) => {
        const months = rows.map(birthMonth).filter((month) => month !== null).sort();
        const month = birthMonth(row);
        return month !== null && month >= months[3]! && month <= months[9]!;
      },
    ],
    [
      'submittedFrom/submittedTo',
      () => ({ submittedFrom: '2026-11-29T09:00:00+08:00', submittedTo: '2026-12-01T23:59:59.999+08:00' }),
      (row) => !!row.submittedAt && row.submittedAt >= beijing('2026-11-29T09:00') && row.submittedAt <= beijing('2026-12-01T23:59:59.999'),
    ],
    // U5 was decided at exactly 2026-11-30 15:00: both bounds include their instant.
    ['decidedFrom', () => ({ decidedFrom: '2026-11-30T15:00:00+08:00' }), (row) => !!row.decidedAt && row.decidedAt >= beijing('2026-11-30T15:00')],
    ['decidedTo', () => ({ decidedTo: '2026-06-01T00:00:00+08:00' }), (row) => !!row.decidedAt && row.decidedAt <= beijing('2026-06-01T00:00')],
    [
      'decidedFrom/decidedTo',
      () => ({ decidedFrom: '2026-04-10T10:00:00+08:00', decidedTo: '2026-11-30T15:00:00+08:00' }),
      (row) => !!row.decidedAt && row.decidedAt >= beijing('2026-04-10T10:00') && row.decidedAt <= beijing('2026-11-30T15:00'),
    ],
    // K7 (汉族 大专, 喀什) relies on both relaxations, G1 (本科 初级, 喀什) on the title's alone.
    ['relaxed: true', () => ({ relaxed: true }), (row) => relaxedByApplication.get(row.id)!.length > 0],
    ['relaxed: false', () => ({ relaxed: false }), (row) => relaxedByApplication.get(row.id)!.length === 0],
    ['relaxedRules: [ETHNICITY]', () => ({ relaxedRules: ['ETHNICITY'] }), (row) => relaxedByApplication.get(row.id)!.includes('ETHNICITY')],
    [
      'relaxedRules: [EDUCATION_TITLE]',
      () => ({ relaxedRules: ['EDUCATION_TITLE'] }),
      (row) => relaxedByApplication.get(row.id)!.includes('EDUCATION_TITLE'),
    ],
    [
      'ethnicities + educations + southernXinjiang + statuses, combined',
      () => ({ ethnicities: ['UYGHUR'], educations: ['BACHELOR'], southernXinjiang: true, statuses: ['SUBMITTED'] }),
      (row) => row.ethnicity === 'UYGHUR' && row.education === 'BACHELOR' && row.area.isSouthernXinjiang && row.status === 'SUBMITTED',
    ],
    [
      'gender + titleLevels + mode + unitNature, combined',
      () => ({ gender: 'MALE', titleLevels: ['INTERMEDIATE'], mode: 'REMOTE', unitNature: 'PUBLIC_INSTITUTION' }),
      (row) => row.gender === 'MALE' && row.titleLevel === 'INTERMEDIATE' && row.mode === 'REMOTE' && row.unit.nature === 'PUBLIC_INSTITUTION',
    ],
  ];

  it.each(cases)('filters by %s', async (_name, filter, predicate) => {
    const expected = expectedIds(predicate);
    const { ids, totalCount } = await pageThrough(tokens.analyst, { filter: filter() }, 100);
    expect(byId(ids)).toEqual(expected);
    expect(totalCount).toBe(expected.length);
    // Each case narrows the list, so that it proves something.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(rows.length);
  });

  it('keeps the row rules under every filter: a prefecture reviewer filtering for the other area gets nothing', async () => {
    const { ids } = await pageThrough(tokens['pref-653100'], { filter: { southernXinjiang: false } }, 100);
    expect(ids).toEqual([]);
  });

  it('offers no filter and no sort on a masked personal identifier', () => {
    const masked = /idnumber|id_number|phone|email|emergency/i;
    const filterFields = Object.keys((schema.getType('ApplicationFilter') as GraphQLInputObjectType).getFields());
    expect(filterFields.filter((field) => masked.test(field))).toEqual([]);
    expect(filterFields).toContain('nameContains');
    const sortFields = (schema.getType('ApplicationSortField') as GraphQLEnumType).getValues().map((value) => value.name);
    expect(sortFields.filter((field) => masked.test(field))).toEqual([]);
  });
});

// ─────────────────────────────── sorting ───────────────────────────────

describe('applications(orderBy)', () => {
  type Row = Prisma.ApplicationGetPayload<{ include: { area: true; unit: true } }>;
  let rows: Row[];
  let unitRank: Map<string, number>;
  beforeAll(async () => {
    rows = await api.prisma.application.findMany({ include: { area: true, unit: true } });
    // Unit names are compared as the database collates them.
    const units = await api.prisma.employerUnit.findMany({ orderBy: { name: 'asc' }, select: { id: true } });
    unitRank = new Map(units.map((unit, index) => [unit.id, index]));
  });

  const rank = (order: Record<string, string>, value: string | null) => (value === null ? null : Object.values(order).indexOf(value));
  /** Each field's value, as a number or string JS orders the way the database does; null sorts last. */
  const sortValue: Record<string, (row: Row) => number | string | null> = {
    SUBMITTED_AT: (row) => row.submittedAt?.getTime() ?? null,
    DECIDED_AT: (row) => row.decidedAt?.getTime() ?? null,
    UPDATED_AT: (row) => row.updatedAt.getTime(),
    WAITING_SINCE: (row) => row.statusChangedAt.getTime(),
    // Names share their prefix and end in a three-digit number: every collation agrees.
    NAME: (row) => row.name,
    BIRTH_DATE: (row) => row.birthDate?.getTime() ?? null,
    STATUS: (row) => rank(statusOrder, row.status),
    AREA: (row) => row.area.code,
    UNIT: (row) => unitRank.get(row.unitId)!,
    MODE: (row) => rank(modeOrder, row.mode),
    ETHNICITY: (row) => rank(ethnicityOrder, row.ethnicity),
    EDUCATION: (row) => rank(educationOrder, row.education),
    TITLE_LEVEL: (row) => rank(titleLevelOrder, row.titleLevel),
    RELAXED_RULES: (row) => relaxedByApplication.get(row.id)!.length,
  };

  function expectedOrder(orders: Array<{ field: string; direction: 'ASC' | 'DESC' }>): string[] {
    return [...rows]
      .sort((a, b) => {
        for (const { field, direction } of orders) {
          const [x, y] = [sortValue[field]!(a), sortValue[field]!(b)];
          if (x === y) continue;
          if (x === null) return 1;
          if (y === null) return -1;
          return (x < y ? -1 : 1) * (direction === 'DESC' ? -1 : 1);
        }
        return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      })
      .map((row) => row.id);
  }

  it('has a case for every sort field', () => {
    const fields = (schema.getType('ApplicationSortField') as GraphQLEnumType).getValues().map((value) => value.name);
    expect(Object.keys(sortValue).sort()).toEqual(fields.sort());
  });

  it.each(Object.keys(sortValue).flatMap((field) => (['ASC', 'DESC'] as const).map((direction) => [field, direction] as const)))(
    'sorts by %s %s, and pages of 4 return every row once, in that order',
    async (field, direction) => {
      const orderBy = [{ field, direction }];
      // Analysts may not sort by birth date: within a month the order is part of the ID number.
      const { ids, totalCount } = await pageThrough(field === 'BIRTH_DATE' ? tokens.admin! : tokens.analyst!, { orderBy }, 4);
      expect(totalCount).toBe(rows.length);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expectedOrder(orderBy));
    },
  );

  it('sorts by several fields in turn (mode, then birth date descending)', async () => {
    const orderBy = [
      { field: 'MODE', direction: 'ASC' },
      { field: 'BIRTH_DATE', direction: 'DESC' },
    ] as const;
    const { ids } = await pageThrough(tokens.admin!, { orderBy }, 3);
    expect(ids).toEqual(expectedOrder([...orderBy]));
  });

  it('sorts and pages within the row rules and the filter', async () => {
    const orderBy = [{ field: 'SUBMITTED_AT', direction: 'DESC' }] as const;
    const { ids } = await pageThrough(tokens['pref-653100'], { orderBy, filter: { roundYear: 2027 } }, 3);
    const kashgar2027 = new Set(
      rows.filter((row) => row.areaId === programme.kashgar.areaId && row.roundId === programme.roundId).map((row) => row.id),
    );
    expect(ids).toEqual(expectedOrder([...orderBy]).filter((id) => kashgar2027.has(id)));
  });
});

// ─────────────────────────────── deadline progress ───────────────────────────────

const progressQuery = /* GraphQL */ `
  query Progress($roundYear: Int) {
    deadlineProgress(roundYear: $roundYear) {
      round { year }
      daysLeftToApplicationDeadline
      daysLeftToRecommendationDeadline
      totals { applications submitted endorsed recommended }
      perDay { date submitted endorsed recommended }
    }
  }
`;

describe('deadlineProgress', () => {
  const d = (date: string, submitted: number, endorsed = 0, recommended = 0) => ({ date, submitted, endorsed, recommended });

  it("reports the current round's days left, totals and first arrivals per Beijing day", async () => {
    const response = await api.gql(progressQuery, {}, tokens.analyst);
    expect(response.errors).toBeUndefined();
    expect(response.data.deadlineProgress).toEqual({
      round: { year: 2027 },
      // 2026-12-01 → 2027-03-05 and → 2027-03-20, in Beijing calendar days.
      daysLeftToApplicationDeadline: 94,
      daysLeftToRecommendationDeadline: 109,
      totals: { applications: 15, submitted: 14, endorsed: 5, recommended: 2 },
      perDay: [
        d('2026-11-10', 1),
        d('2026-11-11', 1),
        d('2026-11-12', 0, 2),
        d('2026-11-13', 0, 0, 1),
        d('2026-11-15', 1),
        d('2026-11-16', 1),
        d('2026-11-17', 0, 1),
        d('2026-11-18', 1),
        d('2026-11-19', 0, 0, 1),
        // K5's first submission; its resubmission on 2026-11-25 is not a new arrival.
        d('2026-11-20', 1),
        d('2026-11-26', 1),
        d('2026-11-27', 1),
        d('2026-11-28', 0, 1),
        d('2026-11-29', 2),
        d('2026-11-30', 1),
        d('2026-12-01', 2),
        d('2026-12-02', 1, 1),
      ],
    });
  });

  it('buckets by the Beijing calendar day, not the UTC one', async () => {
    // K1 at 2026-12-01 07:30 (UTC: 11-30), K2 at 12-01 23:30 (UTC: 12-01), U1 at 12-02 00:30 (UTC: 12-01),
    // U4 at 11-30 09:00 (UTC: 11-30). By UTC day these would be 11-30: 2, 12-01: 2.
    const response = await api.gql(progressQuery, { roundYear: 2027 }, tokens.analyst);
    const perDay = response.data.deadlineProgress.perDay as Array<{ date: string; submitted: number }>;
    const submittedOn = (date: string) => perDay.find((entry) => entry.date === date)?.submitted ?? 0;
    expect([submittedOn('2026-11-30'), submittedOn('2026-12-01'), submittedOn('2026-12-02')]).toEqual([1, 2, 1]);
  });

  it("counts only a prefecture reviewer's own area", async () => {
    const response = await api.gql(progressQuery, { roundYear: 2027 }, tokens['pref-653100']);
    expect(response.data.deadlineProgress.totals).toEqual({ applications: 10, submitted: 9, endorsed: 4, recommended: 1 });
    expect(response.data.deadlineProgress.perDay).toEqual([
      d('2026-11-10', 1),
      d('2026-11-12', 0, 1),
      d('2026-11-15', 1),
      d('2026-11-16', 1),
      d('2026-11-17', 0, 1),
      d('2026-11-18', 1),
      d('2026-11-19', 0, 0, 1),
      d('2026-11-20', 1),
      d('2026-11-26', 1),
      d('2026-11-27', 1),
      d('2026-11-28', 0, 1),
      d('2026-12-01', 2),
      d('2026-12-02', 0, 1),
    ]);
  });

  it("counts only an employer reviewer's own unit", async () => {
    const response = await api.gql(progressQuery, { roundYear: 2027 }, tokens['unit-urumqi']);
    expect(response.data.deadlineProgress.totals).toEqual({ applications: 5, submitted: 5, endorsed: 1, recommended: 1 });
    expect(response.data.deadlineProgress.perDay).toEqual([
      d('2026-11-11', 1),
      d('2026-11-12', 0, 1),
      d('2026-11-13', 0, 0, 1),
      d('2026-11-29', 2),
      d('2026-11-30', 1),
      d('2026-12-02', 1),
    ]);
  });

  it('gives 0 days left once the deadlines have passed, and null for a year with no round', async () => {
    const past = await api.gql(progressQuery, { roundYear: 2026 }, tokens.admin);
    expect(past.data.deadlineProgress).toMatchObject({
      round: { year: 2026 },
      daysLeftToApplicationDeadline: 0,
      daysLeftToRecommendationDeadline: 0,
      // Both were turned down by the region, so both had been endorsed and recommended.
      totals: { applications: 2, endorsed: 2, recommended: 2 },
      perDay: [],
    });
    const none = await api.gql(progressQuery, { roundYear: 2019 }, tokens.admin);
    expect(none.data.deadlineProgress).toBeNull();
  });

  it('refuses an applicant', async () => {
    const response = await api.gql(progressQuery, {}, tokens.applicant);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

// ─────────────────────────────── review queue ───────────────────────────────

const queueQuery = /* GraphQL */ `
  query Queue { myReviewQueue { size oldestWaitingSince oldestApplication { id status } } }
`;

describe('myReviewQueue', () => {
  it.each([
    ['unit-kashgar', 'its SUBMITTED and RETURNED_TO_EMPLOYER applications', 4, 'K4', '2026-11-14T10:00', 'RETURNED_TO_EMPLOYER'],
    ['unit-kashgar-school', 'its SUBMITTED applications', 2, 'S1', '2026-11-26T09:00', 'SUBMITTED'],
    ['unit-urumqi', 'its SUBMITTED applications', 4, 'U2', '2026-11-29T09:00', 'SUBMITTED'],
    // K5 was submitted earlier than K6 but endorsed later: the wait counts from entering ENDORSED.
    ['pref-653100', "its area's ENDORSED applications", 2, 'K6', '2026-11-28T12:00', 'ENDORSED'],
    ['admin', 'every RECOMMENDED application', 1, 'K7', '2026-11-19T09:00', 'RECOMMENDED'],
  ] as const)('gives %s %s: size and the longest waiting', async (username, _what, size, oldest, since, status) => {
    const response = await api.gql(queueQuery, {}, tokens[username]);
    expect(response.errors).toBeUndefined();
    expect(response.data.myReviewQueue).toEqual({
      size,
      oldestWaitingSince: beijing(since).toISOString(),
      oldestApplication: { id: globalId('Application', world.ids[oldest]), status },
    });
  });

  it('gives an empty queue with no oldest item', async () => {
    const response = await api.gql(queueQuery, {}, tokens['pref-650100']);
    expect(response.data.myReviewQueue).toEqual({ size: 0, oldestWaitingSince: null, oldestApplication: null });
  });

  it.each(['analyst', 'applicant'] as const)('refuses the %s, who reviews nothing', async (who) => {
    const response = await api.gql(queueQuery, {}, tokens[who]);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

// ─────────────────────────────── the row rules in SQL ───────────────────────────────

describe('applicationsVisibleToSql', () => {
  const actors: Array<[string, () => Promise<Actor>]> = [
    ['an applicant', async () => ({ ...(await actorOf('admin')), role: 'APPLICANT', userId: world.applicantId, areaId: null, unitId: programme.kashgar.unitId })],
    ['an employer reviewer', () => actorOf('unit-kashgar')],
    ['another employer reviewer', () => actorOf('unit-kashgar-school')],
    ['a prefecture reviewer', () => actorOf('pref-653100')],
    ['another prefecture reviewer', () => actorOf('pref-650100')],
    ['a regional admin', () => actorOf('admin')],
    ['an analyst', () => actorOf('analyst')],
    ['an employer reviewer without a unit', async () => ({ ...(await actorOf('unit-kashgar')), unitId: null })],
    ['a prefecture reviewer without an area', async () => ({ ...(await actorOf('pref-653100')), areaId: null })],
  ];

  it.each(actors)('selects exactly the rows applicationsVisibleTo selects, for %s', async (_who, actorFor) => {
    const actor = await actorFor();
    const bySql = await api.prisma.$queryRaw<Array<{ id: string }>>`SELECT a.id FROM "Application" a WHERE ${applicationsVisibleToSql(actor)} ORDER BY a.id`;
    const byPrisma = await api.prisma.application.findMany({ where: applicationsVisibleTo(actor), select: { id: true }, orderBy: { id: 'asc' } });
    expect(bySql.map((row) => row.id)).toEqual(byPrisma.map((row) => row.id));
  });

  it('binds the actor’s ids as parameters, never as SQL text', async () => {
    const fragment = applicationsVisibleToSql(await actorOf('pref-653100'));
    expect(fragment.sql).toBe('a."areaId" = ?::uuid');
    expect(fragment.values).toEqual([programme.kashgar.areaId]);
  });
});
