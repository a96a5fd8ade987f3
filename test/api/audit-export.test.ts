// The audit log as Excel from the server (issue 12 item 6): GET /files/exports/audit-records.xlsx
// takes the `auditRecords` connection's own filter and answers the records the connection lists
// for the reader, in its order (newest first), read in keyset batches and streamed; analysts get
// the details masked as the connection masks them; whoever may not read the log is refused as
// the field refuses them; a bad filter is a 400 naming the problem's path; each download is
// audited.
import type { Actor } from '@tepei/api/auth/actor';
import { auditRecordList, auditRecordListExport } from '@tepei/api/modules/exports/audit-record-export';
import { auditRecordListColumns, auditRecordListExportPath, type AuditRecordListRow } from '@tepei/api/modules/exports/audit-record-sheet';
import { listXlsx } from '@tepei/api/modules/exports/list-export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { firstSheet } from '../support/downloaded-files.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const headers = auditRecordListColumns.map((column) => column.header);
/** Stored as audit/redact.ts stores them: the ID number's middle masked, the birth date whole. */
const personalDetails = { idNumber: '650102********123X', birthDate: '1990-05-17', reason: '联系电话 *******5678' };

let api: TestApi;
const tokens: Record<string, string> = {};
/** An applicant's account: its username is an ID number. */
let applicant: { id: string; username: string };

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  for (const username of ['admin', 'analyst', 'pref-653100', 'applicant']) tokens[username] = await api.login(username);
  const admin = await api.prisma.user.findFirstOrThrow({ where: { username: 'admin' }, select: { id: true } });
  applicant = await api.prisma.user.findFirstOrThrow({ where: { role: 'APPLICANT' }, select: { id: true, username: true }, orderBy: { username: 'asc' } });
  // Records enough for several batches of the small batch size below, some with personal data.
  await api.prisma.auditRecord.createMany({
    data: Array.from({ length: 30 }, (_, index) => ({
      at: new Date(now.getTime() - (30 - index) * 60_000),
      requestId: `export-test-${index}`,
      actorId: admin.id,
      actorRole: 'REGIONAL' as const,
      actorScope: 'region',
      operation: index % 3 ? 'updateApplication' : 'listOnBlacklist',
      targetType: 'Application',
      targetId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      result: index % 5 ? ('SUCCESS' as const) : ('REFUSED' as const),
      errorCode: index % 5 ? null : 'FORBIDDEN',
      details: index % 2 ? personalDetails : { version: index },
    })),
  });
  await api.prisma.auditRecord.createMany({
    data: [0, 1].map((index) => ({ at: now, requestId: `export-test-applicant-${index}`, actorId: applicant.id, actorRole: 'APPLICANT' as const, operation: 'updateApplication', result: 'SUCCESS' as const })),
  });
}, 600_000);
afterAll(() => api?.close());

async function actorNamed(username: string): Promise<Actor> {
  const user = await api.prisma.user.findFirstOrThrow({ where: { username } });
  return { userId: user.id, sessionId: 'test', username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, areaId: user.areaId };
}

async function download(path: string, token?: string) {
  const response = await api.yoga.fetch(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The sheet's lines, each as text cells. */
async function sheetLines(bytes: Uint8Array): Promise<{ header: string[]; rows: string[][] }> {
  const sheet = await firstSheet(bytes);
  const lines: string[][] = [];
  sheet.eachRow((row) => lines.push(Array.from({ length: headers.length }, (_, index) => String(row.getCell(index + 1).value ?? ''))));
  return { header: lines[0]!, rows: lines.slice(1) };
}

async function exported(path: string, token: string) {
  const { response, bytes } = await download(path, token);
  expect(response.status, new TextDecoder().decode(bytes).slice(0, 300)).toBe(200);
  return { response, ...(await sheetLines(bytes)) };
}

/** Every record `auditRecords(filter)` gives the reader, page after page, as the sheet's lines. */
async function listed(token: string, filter: object | null): Promise<string[][]> {
  const rows: string[][] = [];
  let after: string | null = null;
  do {
    const page: any = await api.gql(
      `query($filter: AuditFilter, $after: String) {
         auditRecords(first: 100, after: $after, filter: $filter) {
           pageInfo { hasNextPage endCursor }
           edges { node { at operation result actorUsername actorRole errorCode details targetType targetId } } } }`,
      { filter, after },
      token,
    );
    expect(page.errors).toBeUndefined();
    for (const { node } of page.data.auditRecords.edges) {
      const record: AuditRecordListRow = { ...node, at: new Date(node.at) };
      rows.push(auditRecordListColumns.map((column) => column.value(record) ?? ''));
    }
    after = page.data.auditRecords.pageInfo.hasNextPage ? page.data.auditRecords.pageInfo.endCursor : null;
  } while (after);
  return rows;
}

describe('the audit log as Excel', () => {
  it("gives a regional admin exactly the records and order of auditRecords(filter), with the console's headers", async () => {
    for (const filter of [null, { operation: 'updateApplication', result: 'SUCCESS' }, { actorUsername: 'admin' }, { actorUsername: applicant.username }]) {
      const expected = await listed(tokens.admin!, filter);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const { header, rows, response } = await exported(auditRecordListExportPath({ filter }), tokens.admin!);
      expect(header).toEqual(['时间', '操作', '结果', '操作人', '角色', '错误代码', '详情', '对象']);
      expect(rows).toEqual(expected);
      expect(response.headers.get('x-total-count')).toBe(String(expected.length));
    }
    const { rows } = await exported(auditRecordListExportPath({ filter: { operation: 'listOnBlacklist', result: 'REFUSED' } }), tokens.admin!);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => `${row[1]} ${row[2]} ${row[5]}`))).toEqual(new Set(['列入失信名单 被拒绝 无权进行此操作']));
    // The applicant's own records name them by role, never by their username (an ID number).
    expect(new Set((await listed(tokens.admin!, { actorUsername: applicant.username })).map((row) => row[3]))).toEqual(new Set(['申报人']));
  });

  it('reads the records in keyset batches and writes them all, in order, whatever the batch size', async () => {
    const actor = await actorNamed('admin');
    const filter = { targetId: null, from: new Date(now.getTime() - 3_600_000) };
    const expected = await listed(tokens.admin!, { from: filter.from.toISOString() });
    expect(expected.length).toBeGreaterThan(30);
    const batchSize = 7;
    const list = await auditRecordList(actor, { filter }, now, batchSize);
    expect(list.total).toBe(expected.length);
    let batches = 0;
    async function* counted() {
      for await (const batch of list.batches) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        batches += 1;
        yield batch;
      }
    }
    const reader = listXlsx(actor, auditRecordListExport, counted(), now, (error) => {
      throw error;
    }).getReader();
    const chunks: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(batches).toBe(Math.ceil(expected.length / batchSize));
    expect((await sheetLines(Buffer.concat(chunks))).rows).toEqual(expected);
  });

  it('gives an analyst the records with no ID number and birth dates to the month, and no look-up of applicants', async () => {
    const expected = await listed(tokens.analyst!, null);
    const { rows } = await exported(auditRecordListExportPath({}), tokens.analyst!);
    expect(rows).toEqual(expected);
    const details = rows.filter((row) => row[6]!.includes('idNumber')).map((row) => JSON.parse(row[6]!));
    expect(details.length).toBeGreaterThanOrEqual(15);
    for (const detail of details) expect(detail).toMatchObject({ idNumber: '******************', birthDate: '1990-05' });
    expect(rows.flat().join('\n')).not.toMatch(/650102|1990-05-17/);
    // An applicant's username is their ID number: analysts may not filter by it, in the list or the file.
    expect(await listed(tokens.analyst!, { actorUsername: applicant.username })).toEqual([]);
    expect((await exported(auditRecordListExportPath({ filter: { actorUsername: applicant.username } }), tokens.analyst!)).rows).toEqual([]);
    expect(rows.flat()).not.toContain(applicant.username);
  });

  it('refuses whoever the auditRecords field refuses: 403 to a prefecture reviewer and an applicant, 401 without a token', async () => {
    for (const username of ['pref-653100', 'applicant']) {
      const field = await api.gql('{ auditRecords(first: 1) { totalCount } }', {}, tokens[username]);
      expect(field.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
      const { response, bytes } = await download(auditRecordListExportPath({}), tokens[username]);
      expect(response.status, username).toBe(403);
      expect(JSON.parse(new TextDecoder().decode(bytes)).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await download(auditRecordListExportPath({}))).response.status).toBe(401);
  });

  it('answers a bad filter with 400 and each problem at its path', async () => {
    const cases: [string, string[]][] = [
      ['{not-json', ['filter']],
      [JSON.stringify({ result: 'NOPE' }), ['filter', 'result']],
      [JSON.stringify({ from: 'yesterday' }), ['filter', 'from']],
      [JSON.stringify({ idNumber: '1' }), ['filter', 'idNumber']],
    ];
    for (const [filter, path] of cases) {
      const { response, bytes } = await download(`/files/exports/audit-records.xlsx?filter=${encodeURIComponent(filter)}`, tokens.admin);
      expect(response.status, filter).toBe(400);
      const error = JSON.parse(new TextDecoder().decode(bytes)).errors[0];
      expect(error.extensions.code).toBe('VALIDATION_FAILED');
      expect(error.extensions.problems.map((problem: { path: string[] }) => problem.path)).toEqual([path]);
      expect(error.message).toMatch(new RegExp(`^输入有误：${path.join('\\.')}：`));
      expect(error.message).toMatch(/[\u4e00-\u9fff]{2}/);
    }
  });

  it('audits every download, with its filter and row count, and every refusal', async () => {
    const filter = { operation: 'updateApplication' };
    const { rows } = await exported(auditRecordListExportPath({ filter }), tokens.admin!);
    await download(auditRecordListExportPath({ filter }), tokens['pref-653100']);
    const records = await api.prisma.auditRecord.findMany({ where: { operation: 'exportAuditRecords' }, orderBy: { id: 'desc' }, take: 2 });
    expect(records.map((record) => [record.actorRole, record.result, record.errorCode, record.targetType])).toEqual([
      ['PREFECTURE', 'REFUSED', 'FORBIDDEN', 'AuditRecord'],
      ['REGIONAL', 'SUCCESS', null, 'AuditRecord'],
    ]);
    expect(records[1]!.details).toMatchObject({ filter: JSON.stringify(filter), rows: rows.length, fileName: '审计日志-2026-12-01.xlsx' });
  });
});
