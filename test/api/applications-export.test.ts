// The applications list as Excel from the server (issue 12 item 6): GET
// /files/exports/applications.xlsx takes the `applications` connection's own filter and order
// and answers the same rows in the same order, within the reader's row rules, with analysts'
// identifiers masked as everywhere else; bad input is a 400 in Chinese, no token a 401; each
// download is audited; and the rows are read in batches after a cursor and streamed, so that a
// long list never sits whole in memory.
import { applicationList, applicationListExport } from '@tepei/api/modules/exports/application-list-export';
import { listXlsx } from '@tepei/api/modules/exports/list-export';
import { applicationListColumns, applicationListExportPath } from '@tepei/api/modules/exports/application-list-sheet';
import type { Actor } from '@tepei/api/auth/actor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { firstSheet } from '../support/downloaded-files.ts';
import { recordStatements } from '../support/sql-count.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const headers = applicationListColumns.map((column) => column.header);

let api: TestApi;
const tokens: Record<string, string> = {};
let kashgar: { id: string; name: string };
let year: number;

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  for (const username of ['admin', 'analyst', 'pref-653100', 'applicant']) tokens[username] = await api.login(username);
  kashgar = await api.prisma.area.findFirstOrThrow({ where: { code: '653100' }, select: { id: true, name: true } });
  year = (await api.gql<{ currentRound: { year: number } }>('{ currentRound { year } }', {}, tokens.admin)).data!.currentRound.year;
}, 600_000);
afterAll(() => api?.close());

async function download(path: string, token?: string) {
  const response = await api.yoga.fetch(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The sheet's lines below its header, each as text cells. */
async function exported(path: string, token: string): Promise<{ header: string[]; rows: string[][] }> {
  const { response, bytes } = await download(path, token);
  expect(response.status, new TextDecoder().decode(bytes).slice(0, 300)).toBe(200);
  const sheet = await firstSheet(bytes);
  const lines: string[][] = [];
  sheet.eachRow((row) => lines.push(Array.from({ length: headers.length }, (_, index) => String(row.getCell(index + 1).value ?? ''))));
  return { header: lines[0]!, rows: lines.slice(1) };
}

/** Every row `applications(filter, orderBy)` gives, page after page. */
async function listed(token: string, filter: object, orderBy: object[]) {
  const rows: { serialNumber: string | null; name: string; area: { name: string } }[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const page: any = await api.gql(
      `query($filter: ApplicationFilter, $orderBy: [ApplicationOrder!], $after: String) {
         applications(first: 100, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { serialNumber name area { name } } } } }`,
      { filter, orderBy, after },
      token,
    );
    expect(page.errors).toBeUndefined();
    totalCount = page.data.applications.totalCount;
    rows.push(...page.data.applications.edges.map((edge: { node: (typeof rows)[number] }) => edge.node));
    after = page.data.applications.pageInfo.hasNextPage ? page.data.applications.pageInfo.endCursor : null;
  } while (after);
  return { totalCount, rows };
}

describe('the applications list as Excel', () => {
  it("gives a reviewer exactly the rows and order of applications(filter, orderBy), with the console's headers", async () => {
    const filter = { roundYear: year, mode: 'LOCAL' };
    const orderBy = [{ field: 'NAME', direction: 'DESC' }];
    const expected = await listed(tokens['pref-653100']!, filter, orderBy);
    expect(expected.totalCount).toBeGreaterThan(0);
    const { header, rows } = await exported(applicationListExportPath({ filter, orderBy }), tokens['pref-653100']!);
    expect(header).toEqual(['学员编号', '姓名', '性别', '申报状态', '培养方式', '培养专业', '提交时间', '进入当前状态', '最后修改', '用人单位', '推荐主管部门', '推荐条件核验', '签字盖章扫描件']);
    expect(rows).toHaveLength(expected.totalCount);
    expect(rows.map((row) => [row[0], row[1]])).toEqual(expected.rows.map((row) => [row.serialNumber ?? '', row.name]));
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(['当地培养']));
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(row[7]!))).toBe(true);
    expect(rows.some((row) => /^(年龄|民族)：/.test(row[11]!))).toBe(true);
  });

  it("never gives a prefecture another area's rows", async () => {
    const { rows } = await exported(applicationListExportPath({}), tokens['pref-653100']!);
    expect(rows).toHaveLength(await api.prisma.application.count({ where: { areaId: kashgar.id } }));
    expect(new Set(rows.map((row) => row[10]))).toEqual(new Set([kashgar.name]));
    // A filter on another area narrows the reader's rows; it does not widen them.
    const other = await api.prisma.area.findFirstOrThrow({ where: { code: { not: '653100' }, applications: { some: {} } } });
    expect((await exported(applicationListExportPath({ filter: { areaId: other.id } }), tokens['pref-653100']!)).rows).toEqual([]);
  });

  it('gives an analyst the whole list with no ID number and no birth date in it', async () => {
    const { header, rows } = await exported(applicationListExportPath({ orderBy: [{ field: 'AREA', direction: 'ASC' }] }), tokens.analyst!);
    const all = await api.prisma.application.findMany({ select: { idNumber: true, birthDate: true } });
    expect(rows).toHaveLength(all.length);
    expect(header.join()).not.toMatch(/身份证|出生/);
    const text = rows.flat().join('\n');
    expect(text).not.toMatch(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/);
    const ids = new Set(all.map((application) => application.idNumber.toUpperCase()));
    const days = new Set(all.flatMap((application) => (application.birthDate ? [application.birthDate.toISOString().slice(0, 10)] : [])));
    for (const cell of rows.flat()) {
      expect(ids.has(cell.toUpperCase())).toBe(false);
      expect(days.has(cell.slice(0, 10))).toBe(false);
    }
    // The filter is held to the analysts' rules: no birth days.
    const refused = await download(applicationListExportPath({ filter: { birthDateFrom: '1990-01-01' } }), tokens.analyst);
    expect(refused.response.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(refused.bytes)).errors[0].message).toContain('数据分析账号不能按出生日期筛选');
  });

  it('answers a bad filter or order with 400 in Chinese', async () => {
    for (const search of ['filter=%7Bnot-json', 'filter=%7B%22statuses%22%3A%5B%22NOPE%22%5D%7D', 'filter=%7B%22idNumber%22%3A%221%22%7D', 'orderBy=%5B%7B%22field%22%3A%22NAME%22%7D%5D']) {
      const { response, bytes } = await download(`/files/exports/applications.xlsx?${search}`, tokens.admin);
      expect(response.status, search).toBe(400);
      const error = JSON.parse(new TextDecoder().decode(bytes)).errors[0];
      expect(error.extensions.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/^输入有误：(filter|orderBy)/);
      expect(error.message).toMatch(/[\u4e00-\u9fff]{4}/);
    }
  });

  it('refuses without a token (401) and to an applicant (403), and knows no other export', async () => {
    expect((await download(applicationListExportPath({}))).response.status).toBe(401);
    expect((await download(applicationListExportPath({}), tokens.applicant)).response.status).toBe(403);
    expect((await download('/files/exports/host-institutions.xlsx', tokens.admin)).response.status).toBe(404);
  });

  it('audits every download, with its filter and row count, and every refusal', async () => {
    const filter = { roundYear: year };
    const { rows } = await exported(applicationListExportPath({ filter }), tokens['pref-653100']!);
    await download(applicationListExportPath({ filter }));
    const records = await api.prisma.auditRecord.findMany({ where: { operation: 'exportApplications', at: { gte: now } }, orderBy: { id: 'desc' }, take: 2 });
    expect(records.map((record) => [record.actorRole, record.result, record.errorCode, record.targetType])).toEqual([
      [null, 'REFUSED', 'UNAUTHENTICATED', 'Application'],
      ['PREFECTURE', 'SUCCESS', null, 'Application'],
    ]);
    expect(records[1]!.details).toMatchObject({ filter: JSON.stringify(filter), rows: rows.length, fileName: '申报-2026-12-01.xlsx' });
  });
});

describe('reading and writing the export', () => {
  const admin = async (): Promise<Actor> => {
    const user = await api.prisma.user.findFirstOrThrow({ where: { username: 'admin' } });
    return { userId: user.id, sessionId: 'test', username: user.username, displayName: user.displayName, role: user.role, unitId: null, areaId: null };
  };

  it('reads the rows in batches after a cursor: one bounded statement a batch, never the whole list at once', async () => {
    const total = await api.prisma.application.count();
    const batchSize = 50;
    let batches = 0;
    let rows = 0;
    const statements = await recordStatements(async () => {
      const list = await applicationList(await admin(), { filter: null, orderBy: [{ field: 'UNIT', direction: 'ASC' }] }, now, batchSize);
      for await (const batch of list.batches) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        batches += 1;
        rows += batch.length;
      }
    });
    expect(rows).toBe(total);
    expect(batches).toBe(Math.ceil(total / batchSize));
    const pages = statements.filter((sql) => /^SELECT\b[\s\S]*FROM "public"\."Application"[\s\S]*\bLIMIT\b/i.test(sql) && !/COUNT\(/i.test(sql));
    expect(pages).toHaveLength(batches);
  });

  it('sends the first bytes before the last batch is read, and reads on only as the client takes them', async () => {
    const total = await api.prisma.application.count();
    const batchSize = 20;
    const actor = await admin();
    const list = await applicationList(actor, { filter: null, orderBy: null }, now, batchSize);
    let read = 0;
    async function* counted() {
      for await (const batch of list.batches) {
        read += 1;
        yield batch;
      }
    }
    const reader = listXlsx(actor, applicationListExport, counted(), now, (error) => {
      throw error;
    }).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(read).toBeLessThan(Math.ceil(total / batchSize));
    const chunks = [first.value!];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(read).toBe(Math.ceil(total / batchSize));
    const sheet = await firstSheet(Buffer.concat(chunks));
    expect(sheet.actualRowCount).toBe(total + 1);
  });
});
