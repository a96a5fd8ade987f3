// The reads shaped like the page (api/src/modules/applications/application-reads.ts) answer
// exactly what the Prisma path answers: for every reader role over the seeded round, the bench's
// queue page, the console's list pages (its own queries, page N by offset) under each filter and
// order, and the detail page are run once through the one-statement path and once with it turned
// off, and the answers compared whole. A few drafts that left their choices and list dates empty
// (NULL) are among the rows.
import { shapedReads } from '@tepei/api/modules/applications/application-reads';
import { operations } from '@tepei/bench/operations';
import { print } from 'graphql';
import { buildQueryFactory } from '../../admin/src/dataProvider/buildQuery.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type GqlResponse, type TestApi } from '../support/api.ts';
import { countStatements, recordStatements } from '../support/sql-count.ts';
import { insertPartialDrafts } from '../fixtures/applications.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
let api: TestApi;
const tokens: Record<string, string> = {};
const readers = ['admin', 'analyst', 'pref-653100', 'pref-650100', 'unit-001', 'applicant'] as const;

const operation = (name: string) => operations.find((candidate) => candidate.name === name)!.document;
/** The bench's queue page (bench/src/operations.ts): the prefecture reviewer's 50 endorsed applications. */
const queuePage = operation('queue');
/** The console's show page (applicationFields of admin/src/dataProvider/resources.ts) through node(id). */
const nodeDetail = operation('detail');
const fieldDetail = `query Detail($id: ID!) { application(id: $id) { id name status unit { name area { name } } eligibility { rule outcome reason } reviews { stage decidedAt } } }`;

const buildQuery = buildQueryFactory(undefined as never);

/** A page of the console's application list as its data provider asks for it (page N by offset). */
function consolePage(page: number, perPage: number, filter: Record<string, unknown>, sort = { field: 'updatedAt', order: 'ASC' }) {
  const built = buildQuery('GET_LIST', 'applications', { pagination: { page, perPage }, sort, filter });
  return { query: print(built.query), variables: built.variables as Record<string, unknown> };
}

/** Drafts that left their choices and list dates empty (NULL), among the seeded applications. */
let partialDrafts: string[] = [];

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  const unit = await api.prisma.employerUnit.findFirstOrThrow({ where: { area: { code: '653100' } }, orderBy: { name: 'asc' } });
  const round = await api.prisma.round.findFirstOrThrow({ orderBy: { year: 'desc' } });
  partialDrafts = await insertPartialDrafts(api.prisma, { roundId: round.id, unitId: unit.id, areaId: unit.areaId }, 3);
  for (const username of readers) {
    tokens[username] = await api.login(username);
    // The first request of a session looks it up; later ones find it kept (auth/sessions.ts).
    await api.gql('{ me { id } }', {}, tokens[username]);
  }
}, 600_000);
afterAll(() => {
  shapedReads.enabled = true;
  return api?.close();
});

interface Run {
  shaped: GqlResponse;
  prisma: GqlResponse;
  shapedStatements: number;
}

/** The same request through the shaped read and through Prisma. */
async function bothPaths(query: string, variables: Record<string, unknown>, username: string): Promise<Run> {
  let shaped!: GqlResponse;
  let prisma!: GqlResponse;
  shapedReads.enabled = true;
  const shapedStatements = await countStatements(async () => {
    shaped = await api.gql(query, variables, tokens[username]);
  });
  shapedReads.enabled = false;
  try {
    prisma = await api.gql(query, variables, tokens[username]);
  } finally {
    shapedReads.enabled = true;
  }
  return { shaped, prisma, shapedStatements };
}

async function expectSameAnswers(query: string, variables: Record<string, unknown>, username: string): Promise<Run> {
  const run = await bothPaths(query, variables, username);
  const request = `${username} ${JSON.stringify(variables)}`;
  expect(run.prisma.errors, `${request}: ${JSON.stringify(run.prisma.errors)}`).toBeUndefined();
  expect(run.shaped, request).toEqual(run.prisma);
  return run;
}

const ids = async () => {
  const kashgar = await api.prisma.area.findFirstOrThrow({ where: { code: '653100' } });
  const unit = await api.prisma.employerUnit.findFirstOrThrow({ where: { areaId: kashgar.id }, orderBy: { name: 'asc' } });
  const round = await api.prisma.round.findFirstOrThrow({ orderBy: { year: 'desc' } });
  const specialty = await api.prisma.application.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { trainingSpecialty: true } });
  return { kashgar, unit, round, specialty: specialty.trainingSpecialty };
};

describe('the queue page', () => {
  it.each(readers)('answers %s as the Prisma path does, in at most 3 statements with the session', async (username) => {
    const run = await expectSameAnswers(queuePage, { first: 50 }, username);
    expect(run.shapedStatements).toBeLessThanOrEqual(3);
  });

  it('puts in its statement only the columns the request reads, of the rows and of each relation in them', async () => {
    const statementOf = async (query: string, variables: Record<string, unknown>) => {
      const statements = await recordStatements(() => api.gql(query, variables, tokens['pref-653100']));
      return statements.find((text) => text.startsWith('WITH "page"'))!;
    };
    const keys = (text: string) => new Set([...text.matchAll(/'(\w+)', "t\d+"\."\w+"/g)].map((match) => match[1]));
    const queue = keys(await statementOf(queuePage, { first: 50 }));
    // Shown on the queue page: the unit's nature, its area's name, the host preferences' mentor, the reviews' stage.
    for (const shown of ['serialNumber', 'nature', 'name', 'mentor', 'stage', 'isSouthernXinjiang']) expect(queue).toContain(shown);
    // Not shown: the application's contact details and essays, the unit's address, the hosts' contacts, the reviews' comments, the areas' codes.
    for (const hidden of ['phone', 'studyGoals', 'address', 'contactPhone', 'contactName', 'comment', 'code', 'sortOrder']) expect(queue).not.toContain(hidden);
    const { kashgar } = await ids();
    const one = await api.prisma.application.findFirstOrThrow({ where: { areaId: kashgar.id, status: { not: 'DRAFT' } }, select: { id: true } });
    const detail = keys(await statementOf(nodeDetail, { id: Buffer.from(`Application:${one.id}`).toString('base64') }));
    // The detail page shows them.
    for (const shown of ['phone', 'studyGoals', 'contactPhone', 'contactName', 'comment']) expect(detail).toContain(shown);
  });
});

describe('list pages', () => {
  it('answer every filter as the Prisma path does, for each reader', async () => {
    const { kashgar, unit, round, specialty } = await ids();
    const filters: Record<string, unknown>[] = [
      {},
      { roundYear: round.year },
      { statuses: ['SUBMITTED', 'ENDORSED', 'RECOMMENDED'] },
      { statuses: [] },
      { mode: 'LOCAL' },
      { areaId: kashgar.id },
      { unitId: unit.id },
      { unitNature: 'PUBLIC_INSTITUTION' },
      { southernXinjiang: true },
      { southernXinjiang: false, mode: 'REMOTE' },
      { nameContains: '阿' },
      { nameContains: '%' },
      { nameContains: '_' },
      { gender: 'FEMALE' },
      { ethnicities: ['UYGHUR', 'KAZAKH'] },
      { educations: ['BACHELOR'] },
      { titleLevels: ['INTERMEDIATE', 'SUB_SENIOR'] },
      { trainingSpecialty: ` ${specialty} ` },
      { specialtyContains: specialty.slice(0, 2) },
      { relaxed: true },
      { relaxed: false },
      { relaxedRules: ['EDUCATION_TITLE', 'ETHNICITY'] },
      { birthMonthFrom: '1985-03', birthMonthTo: '1992-11' },
      { submittedFrom: '2025-02-20T00:00:00+08:00', submittedTo: '2025-03-01T00:00:00+08:00' },
      { decidedFrom: '2025-01-01T00:00:00Z' },
    ];
    for (const username of readers) {
      for (const filter of filters) {
        const { query, variables } = consolePage(1, 25, filter);
        const run = await expectSameAnswers(query, variables, username);
        expect(run.shapedStatements, JSON.stringify(filter)).toBeLessThanOrEqual(3);
      }
    }
  });

  it('answer every order and offset page as the Prisma path does, for each reader', async () => {
    const fields = ['SUBMITTED_AT', 'DECIDED_AT', 'UPDATED_AT', 'NAME', 'BIRTH_DATE', 'STATUS', 'AREA', 'UNIT', 'MODE', 'ETHNICITY', 'EDUCATION', 'TITLE_LEVEL', 'RELAXED_RULES'];
    const { query, variables } = consolePage(3, 20, {});
    for (const username of readers) {
      for (const field of fields) {
        for (const direction of ['ASC', 'DESC']) {
          // BIRTH_DATE is refused for analysts, by both paths alike.
          const ordered = { ...variables, orderBy: [{ field, direction }] };
          const run = await bothPaths(query, ordered, username);
          expect(run.shaped, `${username} ${JSON.stringify(ordered)}`).toEqual(run.prisma);
        }
      }
      await expectSameAnswers(query, { ...variables, orderBy: [{ field: 'AREA', direction: 'DESC' }, { field: 'NAME', direction: 'ASC' }] }, username);
      // Past the last row: an empty page that still counts the list.
      const beyond = consolePage(10_000, 10, {}, { field: 'unit.name', order: 'DESC' });
      await expectSameAnswers(beyond.query, beyond.variables, username);
    }
  });

  it('answer pages holding drafts that left their choices and dates empty as the Prisma path does, in each order on them', async () => {
    const { unit } = await ids();
    const { query, variables } = consolePage(1, 100, { unitId: unit.id, statuses: ['DRAFT'] });
    for (const username of ['admin', 'analyst', 'pref-653100']) {
      for (const field of ['MODE', 'ETHNICITY', 'BIRTH_DATE', 'EDUCATION', 'TITLE_LEVEL']) {
        for (const direction of ['ASC', 'DESC']) {
          const ordered = { ...variables, orderBy: [{ field, direction }] };
          const run = await bothPaths(query, ordered, username);
          expect(run.shaped, `${username} ${JSON.stringify(ordered)}`).toEqual(run.prisma);
        }
      }
    }
    const admin = await bothPaths(query, { ...variables, orderBy: [{ field: 'MODE', direction: 'DESC' }] }, 'admin');
    const modes = admin.prisma.data.page.edges.map((edge: { node: { id: string; mode: string | null } }) => edge.node.mode);
    // The drafts without a mode are there, last.
    expect(modes.slice(-partialDrafts.length)).toEqual(partialDrafts.map(() => null));
  });

  it('are the same rows whether read by offset or along the cursors', async () => {
    const connection = `applications(first: 10, after: $after, offset: $offset, orderBy: [{ field: SUBMITTED_AT, direction: DESC }])`;
    const page = `query($after: String, $offset: Int) { ${connection} { edges { cursor node { id } } pageInfo { hasPreviousPage } } }`;
    const ids = (response: GqlResponse) => response.data.applications.edges.map((edge: { node: { id: string } }) => edge.node.id);
    const second = await api.gql(page, { offset: 10 }, tokens.admin);
    const third = await api.gql(page, { after: second.data.applications.edges[9].cursor }, tokens.admin);
    const byOffset = await api.gql(page, { offset: 20 }, tokens.admin);
    expect(ids(byOffset)).toEqual(ids(third));
    expect(byOffset.data.applications.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('the detail page', () => {
  it('answers node(id) and application(id) as the Prisma path does, for each reader', async () => {
    for (const username of readers) {
      const { query, variables } = consolePage(1, 100, {}, { field: 'status', order: 'DESC' });
      const page = await api.gql(query, variables, tokens[username]);
      const visible: string[] = page.data.page.edges.map((edge: { node: { id: string } }) => edge.node.id);
      // Several statuses, and one the reader may not see (answered null by both paths).
      const picked = [...new Set([visible[0], visible[Math.floor(visible.length / 2)], visible.at(-1)])].filter(Boolean) as string[];
      const hidden = username === 'admin' || username === 'analyst' ? [] : await invisibleTo(visible);
      // A draft with its choices and list dates empty, whoever may see it (the others get null).
      const draft = Buffer.from(`Application:${partialDrafts[0]}`).toString('base64');
      for (const id of [...picked, ...hidden, draft]) {
        for (const query of [nodeDetail, fieldDetail]) {
          const run = await expectSameAnswers(query, { id }, username);
          expect(run.shapedStatements).toBeLessThanOrEqual(4);
        }
      }
    }
  });
});

/** A global ID of an application outside the reader's list. */
async function invisibleTo(visible: string[]): Promise<string[]> {
  const all = await api.gql(`{ applications(first: 100) { edges { node { id } } } }`, {}, tokens.admin);
  const other = all.data.applications.edges.map((edge: { node: { id: string } }) => edge.node.id).find((id: string) => !visible.includes(id));
  return other ? [other] : [];
}

describe('offset pages', () => {
  const units = `query($offset: Int, $after: String) { units(first: 5, offset: $offset, after: $after) { totalCount pageInfo { hasPreviousPage } edges { node { id } } } }`;

  it('take any offset up to the limit on every connection, and refuse one past it, a negative one and one beside a cursor', async () => {
    const atLimit = await api.gql(units, { offset: 100_000 }, tokens.admin);
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data.units.edges).toEqual([]);
    for (const variables of [{ offset: 100_001 }, { offset: -1 }]) {
      const refused = await api.gql(units, variables, tokens.admin);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toContain('offset 应在 0 至 100000 之间');
    }
    const cursor = Buffer.from('GPC:S:00000000-0000-0000-0000-000000000000').toString('base64');
    const beside = await api.gql(units, { offset: 5, after: cursor }, tokens.admin);
    expect(beside.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('skip the rows of the pages before, on a connection the shaped reads do not answer', async () => {
    const all = await api.gql(`{ units(first: 10) { edges { node { id } } } }`, {}, tokens.admin);
    const second = await api.gql(units, { offset: 5 }, tokens.admin);
    expect(second.data.units.edges).toEqual(all.data.units.edges.slice(5, 10));
    expect(second.data.units.pageInfo.hasPreviousPage).toBe(true);
  });
});
