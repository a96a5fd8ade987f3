// Every list the console shows beside the applications and the audit log is exported whole by the
// server (issue 12 item 6): GET /files/exports/<list>.xlsx for the accounts, employer units,
// recommending authorities, rounds and blacklist. One class of behaviour, checked for each list
// the same way: for each reader the list's field admits, the file's rows are the rows the field
// gives that reader for the same arguments — same row rules, same order, personal data masked as
// the field masks it — however small the keyset batches; whoever the field refuses is refused
// with 403 and the refusal is audited; a bad argument is a 400 naming its path; no token is a
// 401; each download is audited with its arguments and row count.
import type { Actor } from '@tepei/api/auth/actor';
import { areaListExport } from '@tepei/api/modules/exports/area-list-export';
import { blacklistExport } from '@tepei/api/modules/exports/blacklist-export';
import { type ListExport, listXlsx } from '@tepei/api/modules/exports/list-export';
import { listExportPath } from '@tepei/api/modules/exports/list-sheet';
import { roundListExport } from '@tepei/api/modules/exports/round-list-export';
import { unitListExport } from '@tepei/api/modules/exports/unit-list-export';
import { userListExport } from '@tepei/api/modules/exports/user-list-export';
import { schema } from '@tepei/api/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { firstSheet } from '../support/downloaded-files.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const everyone = ['admin', 'analyst', 'pref-653100', 'unit-001', 'applicant'] as const;
type Username = (typeof everyone)[number];
type Node = Record<string, any>;
const date = (value: string | null) => (value === null ? null : new Date(value));

/** One list: its export, the field it exports, how the field's node becomes a row of the sheet, who may read it, what to ask. */
interface ListCase {
  export: ListExport<any, any>;
  field: string;
  paginated: boolean;
  selection: string;
  /** The field's own arguments, as variable definitions. */
  variables: Record<string, string>;
  /** What the console shows beside the field, read for the reader (the areas' counts of the current round). */
  beside?: (username: Username) => Promise<unknown>;
  row(node: Node, beside: any): unknown;
  headers: string[];
  readers: readonly Username[];
  arguments: () => Record<string, unknown>[];
  /** [argument, its query parameter's text, the path of the problem]. */
  badArguments: [string, string, string[]][];
}

let api: TestApi;
const tokens = {} as Record<Username, string>;
const actors = {} as Record<Username, Actor>;
let kashgarId: string;

const cases: ListCase[] = [
  {
    export: userListExport,
    field: 'users',
    paginated: true,
    selection: 'username displayName role area { name } unit { name } disabled isLocked lastLoginAt',
    variables: { role: 'Role' },
    row: (node) => ({ ...node, lastLoginAt: date(node.lastLoginAt) }),
    headers: ['用户名', '姓名', '角色', '所辖地区', '所在单位', '状态', '最近登录'],
    readers: ['admin', 'analyst'],
    arguments: () => [{}, { role: 'PREFECTURE' }, { role: 'APPLICANT' }],
    badArguments: [
      ['role', '"NOPE"', ['role']],
      ['role', 'PREFECTURE', ['role']],
    ],
  },
  {
    export: unitListExport,
    field: 'units',
    paginated: true,
    selection: 'name area { name } nature address postcode applications(first: 1) { totalCount }',
    variables: { areaId: 'ID' },
    row: ({ applications, ...node }) => ({ ...node, applicationCount: applications.totalCount }),
    headers: ['单位名称', '推荐主管部门', '单位性质', '单位地址', '邮政编码', '申报数（全部年度）'],
    readers: everyone,
    arguments: () => [{}, { areaId: kashgarId }],
    badArguments: [
      ['areaId', '"not-an-id"', ['areaId']],
      ['areaId', JSON.stringify(Buffer.from('Round:1').toString('base64')), ['areaId']],
      ['areaId', '{"id":1}', ['areaId']],
    ],
  },
  {
    export: areaListExport,
    field: 'areas',
    paginated: false,
    selection: 'id code name kind isSouthernXinjiang units { id }',
    variables: { filter: 'AreaFilter' },
    // The console's 本年度申报数: applicationCounts by AREA for the current round; none for whom it refuses.
    beside: async (username) => {
      const { currentRound } = (await api.gql('{ currentRound { year } }', {}, tokens[username])).data;
      const answer = await api.gql(
        'query($year: Int) { applicationCounts(roundYear: $year, groupBy: [AREA]) { ... on QueryApplicationCountsSuccess { data { count keys { value } } } } }',
        { year: currentRound.year },
        tokens[username],
      );
      // An applicant is refused the counts (an error, no data): the column is empty for them.
      const lines: { count: number; keys: { value: string }[] }[] | undefined = answer.data?.applicationCounts?.data;
      return lines && new Map(lines.map((line) => [line.keys[0]!.value, line.count]));
    },
    row: ({ units, ...node }, counts: Map<string, number> | undefined) => ({ ...node, unitCount: units.length, applicationCount: counts ? (counts.get(node.id) ?? 0) : null }),
    headers: ['代码', '名称', '类别', '南疆地区', '用人单位数', '本年度申报数'],
    readers: everyone,
    arguments: () => [
      {},
      { filter: { kind: 'PREFECTURE', isSouthernXinjiang: true } },
      { filter: { isSouthernXinjiang: false, search: '65' } },
      { filter: { search: '喀什' } },
      { filter: { kind: 'CORPS' } },
    ],
    badArguments: [
      ['filter', '{"kind":"CITY"}', ['filter', 'kind']],
      ['filter', '{"areaId":"x"}', ['filter', 'areaId']],
      ['filter', '喀什', ['filter']],
    ],
  },
  {
    export: roundListExport,
    field: 'rounds',
    paginated: false,
    selection: 'name phase applicationDeadline recommendationDeadline ageCutoffDate remotePlaces localPlaces shortageSpecialties',
    variables: {},
    row: (node) => ({ ...node, applicationDeadline: date(node.applicationDeadline), recommendationDeadline: date(node.recommendationDeadline) }),
    headers: ['年度', '进度', '个人申报截止', '审核推荐截止', '出生日期不早于', '异地培养名额', '当地培养名额', '紧缺专业'],
    readers: everyone,
    arguments: () => [{}],
    badArguments: [],
  },
  {
    export: blacklistExport,
    field: 'blacklist',
    paginated: true,
    selection: 'applicantName applicantIdNumber unit { name } reasonKind reason listedAt expiresAt isActive liftedAt liftReason',
    variables: { activeOnly: 'Boolean' },
    row: (node) => ({ ...node, listedAt: date(node.listedAt), expiresAt: date(node.expiresAt), liftedAt: date(node.liftedAt) }),
    headers: ['申报人', '身份证号', '派出单位', '列入原因', '情况说明', '列入时间', '有效至（列入满5年）', '状态', '解除时间', '解除原因'],
    readers: ['admin', 'analyst', 'pref-653100', 'unit-001'],
    arguments: () => [{}, { activeOnly: true }, { activeOnly: false }],
    badArguments: [
      ['activeOnly', '"yes"', ['activeOnly']],
      ['activeOnly', '{not-json', ['activeOnly']],
    ],
  },
];

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  for (const username of everyone) {
    tokens[username] = await api.login(username);
    const user = await api.prisma.user.findFirstOrThrow({ where: { username } });
    actors[username] = { userId: user.id, sessionId: 'test', username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, areaId: user.areaId };
  }
  kashgarId = (await api.gql('{ areas { id code } }', {}, tokens.admin)).data.areas.find((area: { code: string }) => area.code === '653100').id;
  // A listing lifted and one run out, so that the blacklist's rows differ in status and activeOnly matters.
  const listings = await api.prisma.blacklistEntry.findMany({ orderBy: { id: 'asc' }, take: 2 });
  expect(listings.length).toBe(2);
  await api.prisma.blacklistEntry.update({ where: { id: listings[0]!.id }, data: { liftedAt: new Date(now.getTime() - 86_400_000), liftReason: '经复核予以解除' } });
  await api.prisma.blacklistEntry.update({ where: { id: listings[1]!.id }, data: { listedAt: new Date('2020-01-01T00:00:00Z'), expiresAt: new Date('2025-01-01T00:00:00Z') } });
}, 600_000);
afterAll(() => api?.close());

async function download(path: string, token?: string) {
  const response = await api.yoga.fetch(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The sheet's lines, each as text cells. */
async function sheetLines(list: ListCase, bytes: Uint8Array): Promise<{ header: string[]; rows: string[][] }> {
  const sheet = await firstSheet(bytes);
  const lines: string[][] = [];
  sheet.eachRow((row) => lines.push(Array.from({ length: list.headers.length }, (_, index) => String(row.getCell(index + 1).value ?? ''))));
  return { header: lines[0]!, rows: lines.slice(1) };
}

/** The file's lines for `args`, downloaded as `username`. */
async function exported(list: ListCase, args: Record<string, unknown>, username: Username) {
  const { response, bytes } = await download(listExportPath(list.export.pathname, args as Record<string, string | boolean>), tokens[username]);
  expect(response.status, textOf(bytes).slice(0, 300)).toBe(200);
  return { total: response.headers.get('x-total-count'), ...(await sheetLines(list, bytes)) };
}

/** Every row the field gives `username` for `args`, page after page, as the sheet's lines. */
async function listed(list: ListCase, args: Record<string, unknown>, username: Username): Promise<string[][]> {
  const definitions = Object.entries(list.variables).map(([name, type]) => `$${name}: ${type}`);
  const passed = Object.keys(list.variables).map((name) => `${name}: $${name}`);
  const nodes: Node[] = [];
  if (!list.paginated) {
    const answer = await api.gql(`query${definitions.length ? `(${definitions})` : ''} { ${list.field}${passed.length ? `(${passed})` : ''} { ${list.selection} } }`, args, tokens[username]);
    expect(answer.errors).toBeUndefined();
    nodes.push(...answer.data[list.field]);
  } else {
    let after: string | null = null;
    do {
      const answer: any = await api.gql(
        `query(${[...definitions, '$after: String']}) { ${list.field}(first: 100, after: $after, ${passed}) { pageInfo { hasNextPage endCursor } edges { node { ${list.selection} } } } }`,
        { ...args, after },
        tokens[username],
      );
      expect(answer.errors).toBeUndefined();
      nodes.push(...answer.data[list.field].edges.map((edge: { node: Node }) => edge.node));
      after = answer.data[list.field].pageInfo.hasNextPage ? answer.data[list.field].pageInfo.endCursor : null;
    } while (after);
  }
  const beside = await list.beside?.(username);
  return nodes.map((node) => list.export.columns.map((column) => column.value(list.row(node, beside)) ?? ''));
}

/** Whether the field refuses `username` (as GraphQL answers it). */
async function fieldRefuses(list: ListCase, username: Username): Promise<boolean> {
  const answer = await api.gql(`{ ${list.field}${list.paginated ? '(first: 1) { totalCount }' : ' { __typename }'} }`, {}, tokens[username]);
  return answer.errors?.[0]?.extensions?.code === 'FORBIDDEN';
}

describe.each(cases.map((list) => [list.export.pathname, list] as const))('the list at %s as Excel', (_pathname, list) => {
  it("declares the field's own authScopes", () => {
    const field = schema.getQueryType()!.getFields()[list.field]!;
    expect(list.export.authScopes).toEqual((field.extensions as { pothosOptions: { authScopes: unknown } }).pothosOptions.authScopes);
  });

  it("gives each reader the field admits exactly the field's rows for the same arguments, in its order, with the console's headers", async () => {
    let rowsSeen = 0;
    for (const username of list.readers) {
      expect(await fieldRefuses(list, username), username).toBe(false);
      for (const args of list.arguments()) {
        const expected = await listed(list, args, username);
        const { header, rows, total } = await exported(list, args, username);
        expect(header).toEqual(list.headers);
        expect(rows, `${username} ${JSON.stringify(args)}`).toEqual(expected);
        expect(total).toBe(String(expected.length));
        rowsSeen += rows.length;
      }
    }
    expect(rowsSeen).toBeGreaterThan(0);
  });

  it('reads the rows in keyset batches on the list order, whatever the batch size', async () => {
    for (const username of list.readers) {
      const [args] = list.arguments();
      const expected = await listed(list, args!, username);
      const batchSize = 3;
      const { total, batches } = await list.export.list(actors[username], Object.fromEntries(Object.keys(list.export.parameters).map((name) => [name, null])), now, batchSize);
      expect(total, username).toBe(expected.length);
      let count = 0;
      const rows: string[][] = [];
      async function* counted() {
        for await (const batch of batches) {
          expect(batch.length).toBeLessThanOrEqual(batchSize);
          count += 1;
          rows.push(...batch.map((row) => list.export.columns.map((column) => column.value(row) ?? '')));
          yield batch;
        }
      }
      const reader = listXlsx(actors[username], list.export, counted(), now, (error) => {
        throw error;
      }).getReader();
      const chunks: Uint8Array[] = [];
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
      expect((await sheetLines(list, Buffer.concat(chunks))).rows, username).toEqual(expected);
      // The rows already as the field gives them, before the sheet's last-exit policy (shownText):
      // a field's own masking (shownIdNumber, hidden usernames) left out of a list is caught here.
      expect(rows, username).toEqual(expected);
      expect(count, username).toBe(Math.ceil(expected.length / batchSize));
    }
  });

  it('refuses with 403 whoever the field refuses, and audits the refusal; 401 without a token', async () => {
    for (const username of everyone.filter((name) => !list.readers.includes(name))) {
      expect(await fieldRefuses(list, username), username).toBe(true);
      const { response, bytes } = await download(list.export.pathname, tokens[username]);
      expect(response.status, username).toBe(403);
      expect(JSON.parse(textOf(bytes)).errors[0].extensions.code).toBe('FORBIDDEN');
      const [record] = await api.prisma.auditRecord.findMany({ where: { operation: list.export.operation }, orderBy: { id: 'desc' }, take: 1 });
      expect([record?.actorId, record?.result, record?.errorCode, record?.targetType]).toEqual([actors[username].userId, 'REFUSED', 'FORBIDDEN', list.export.targetType]);
    }
    expect((await download(list.export.pathname)).response.status).toBe(401);
    const [record] = await api.prisma.auditRecord.findMany({ where: { operation: list.export.operation }, orderBy: { id: 'desc' }, take: 1 });
    expect([record?.actorId, record?.result, record?.errorCode]).toEqual([null, 'REFUSED', 'UNAUTHENTICATED']);
  });

  it.skipIf(list.badArguments.length === 0)('answers a bad argument with 400 and the problem at its path', async () => {
    for (const [name, text, path] of list.badArguments) {
      const { response, bytes } = await download(`${list.export.pathname}?${name}=${encodeURIComponent(text)}`, tokens.admin);
      expect(response.status, text).toBe(400);
      const error = JSON.parse(textOf(bytes)).errors[0];
      expect(error.extensions.code).toBe('VALIDATION_FAILED');
      expect(error.extensions.problems.map((problem: { path: string[] }) => problem.path), text).toEqual([path]);
      expect(error.message).toMatch(/[\u4e00-\u9fff]{2}/);
    }
  });

  it('audits every download with its arguments, file name and row count', async () => {
    const args = list.arguments().at(-1)!;
    const { rows } = await exported(list, args, list.readers[0]!);
    const [record] = await api.prisma.auditRecord.findMany({ where: { operation: list.export.operation }, orderBy: { id: 'desc' }, take: 1 });
    expect([record?.actorId, record?.result, record?.targetType]).toEqual([actors[list.readers[0]!].userId, 'SUCCESS', list.export.targetType]);
    const passed = Object.fromEntries(Object.keys(list.export.parameters).map((name) => [name, name in args ? JSON.stringify(args[name]) : null]));
    expect(record?.details).toEqual({ ...passed, fileName: list.export.fileName(now), rows: rows.length });
  });
});

describe('personal data in the exported lists', () => {
  it("gives analysts the blacklist's ID numbers with none of their characters, as the field does, and admins them whole", async () => {
    const blacklist = cases.find((list) => list.export === blacklistExport)!;
    const analyst = (await exported(blacklist, {}, 'analyst')).rows;
    const admin = (await exported(blacklist, {}, 'admin')).rows;
    const withNumber = admin.filter((row) => row[1]);
    expect(withNumber.length).toBeGreaterThan(0);
    expect(withNumber.every((row) => /^\d{17}[\dX]$/.test(row[1]!))).toBe(true);
    expect(new Set(analyst.filter((row) => row[1]).map((row) => row[1]))).toEqual(new Set(['*'.repeat(18)]));
    // Names are no identifiers under the policy: the analyst reads them as the field gives them.
    expect(analyst.map((row) => row[0])).toEqual(admin.map((row) => row[0]));
    expect(analyst.flat().join('\n')).not.toMatch(/\d{17}[\dX]/);
    expect(new Set(admin.map((row) => row[7]))).toEqual(new Set(['生效中', '已解除', '已到期']));
  });

  it("gives analysts applicants' usernames (their ID numbers) hidden, and the regional admin them whole", async () => {
    const users = cases.find((list) => list.export === userListExport)!;
    const analyst = (await exported(users, { role: 'APPLICANT' }, 'analyst')).rows;
    const admin = (await exported(users, { role: 'APPLICANT' }, 'admin')).rows;
    expect(analyst.length).toBeGreaterThan(0);
    expect(new Set(analyst.map((row) => row[0]))).toEqual(new Set(['*'.repeat(18)]));
    expect(admin.some((row) => /^\d{17}[\dX]$/.test(row[0]!))).toBe(true);
    expect(admin.some((row) => row[0]!.includes('*'))).toBe(false);
  });
});

describe('the filter of the recommending authorities', () => {
  it('narrows the list and its file alike: kind, southern Xinjiang, and text in the name or the code', async () => {
    const areas = cases.find((list) => list.export === areaListExport)!;
    const all = (await exported(areas, {}, 'admin')).rows;
    const southern = (await exported(areas, { filter: { kind: 'PREFECTURE', isSouthernXinjiang: true } }, 'admin')).rows;
    expect(southern.length).toBeGreaterThan(0);
    expect(southern.length).toBeLessThan(all.length);
    expect(new Set(southern.map((row) => [row[2], row[3]].join('/'))).size).toBe(1);
    const kashgar = (await exported(areas, { filter: { search: ' 喀什 ' } }, 'admin')).rows;
    expect(kashgar.map((row) => row[0])).toEqual(['653100']);
    const byCode = (await exported(areas, { filter: { search: '6531' } }, 'admin')).rows;
    expect(byCode.map((row) => row[1])).toEqual(kashgar.map((row) => row[1]));
  });
});
