// The reviewers' console in a real browser against a seeded database: each role's dashboard
// shows the numbers the API counts for that role; the employer unit, the prefecture bureau
// and the regional bureau each work one application through their queue with item-by-item
// findings (endorse, recommend, select), and the API then reports the new status and the
// findings; saved views of the queue; a bulk recommendation of two rows; signed scans uploaded; forms 2, 4 and 5
// downloaded as real PDF and XLSX files; a list exported to Excel with the list's rows.
// Screenshots go to test/artifacts/.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApi } from '../support/api.ts';
import { pdfBytes } from '../support/uploads.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { downloadBy, screenshot, signIn } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');

/** The built console, a seeded API whose clock reads `now`, and a Chromium (support/console.ts). */
const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
const tokens: Record<string, string> = {};
let round: { id: string; year: number };

const accounts = { employer: 'unit-001', prefecture: 'pref-653100', regional: 'admin', analyst: 'analyst' } as const;
type Role = keyof typeof accounts;

beforeAll(async () => {
  ({ api, server, browser } = consoleUnderTest);
  for (const [role, username] of Object.entries(accounts)) tokens[role] = await api.login(username);
  round = (await gql<{ currentRound: { id: string; year: number } }>('regional', '{ currentRound { id year } }')).currentRound;
});

/** The API's answer to `query` as `role`, failing the test on any error. */
async function gql<Data>(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await api.gql<Data>(query, variables, tokens[role]);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** The console refetches after a change while the machine is busy with other tests: wait up to 20 s. */
const patiently = { timeout: 20_000 };

const open = (role: Role) => signIn(browser, server.url, accounts[role]);
const rows = (page: Page) => page.locator('.RaDatagrid-tbody .RaDatagrid-row');
const attribute = (page: Page, testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);

interface QueueRow {
  id: string;
  version: number;
  name: string;
  status: string;
  mode: string;
  eligibility: { blocking: boolean }[];
}

/** A reviewer's queue as the console's list asks for it: these statuses, longest in its status first (queueSort). */
async function queue(role: Role, statuses: string[]): Promise<{ totalCount: number; rows: QueueRow[] }> {
  const data = await gql<{ applications: { totalCount: number; edges: { node: QueueRow }[] } }>(
    role,
    `query($filter: ApplicationFilter) { applications(first: 25, filter: $filter, orderBy: [{ field: WAITING_SINCE, direction: ASC }]) {
      totalCount edges { node { id version name status mode eligibility { blocking } } } } }`,
    { filter: { statuses } },
  );
  return { totalCount: data.applications.totalCount, rows: data.applications.edges.map((edge) => edge.node) };
}

const eligible = (row: QueueRow) => !row.eligibility.some((rule) => rule.blocking);

interface Reviewed {
  status: string;
  reviews: { stage: string; decision: string; findings: { item: string; result: string; comment: string | null }[] }[];
}

async function reviewed(id: string): Promise<Reviewed> {
  const data = await gql<{ node: Reviewed }>(
    'regional',
    'query($id: ID!) { node(id: $id) { ... on Application { status reviews { stage decision findings { item result comment } } } } }',
    { id },
  );
  return data.node;
}

/** Works one application through the review dialog: findings, conduct, comment, confirm. */
async function review(page: Page, id: string, decision: string, findings: { item: string; result: string; comment?: string }[], dialogScreenshot?: string) {
  await page.goto(`${server.url}/#/applications/${encodeURIComponent(id)}/show`);
  await page.getByTestId('application-summary').waitFor();
  await page.locator(`[data-decision="${decision}"]`).click();
  const dialog = page.getByTestId('review-dialog');
  for (const finding of findings) {
    await dialog.getByTestId(`finding-${finding.item}`).locator(`[data-result="${finding.result}"]`).click();
    if (finding.comment) await dialog.getByTestId(`finding-${finding.item}-comment`).fill(finding.comment);
  }
  const conduct = dialog.getByTestId('review-conduct');
  if (await conduct.count()) await conduct.locator('input').check();
  await dialog.getByTestId('review-comment').fill('经逐项审核，同意');
  if (dialogScreenshot) await screenshot(page, dialogScreenshot, { fullPage: false });
  await dialog.getByTestId('review-confirm').click();
  await dialog.waitFor({ state: 'detached' });
}

/** No i18n key is shown untranslated. */
async function expectTranslated(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b(tepei|resources|ra)\.[a-zA-Z]+\.[a-zA-Z.]+/);
}

// ─────────────────────────────── dashboards ───────────────────────────────

const progressQuery = `query($year: Int) { deadlineProgress(roundYear: $year) {
  daysLeftToApplicationDeadline daysLeftToRecommendationDeadline totals { applications submitted endorsed recommended selected } } }`;

interface QuotaLine {
  mode: string;
  area: { id: string } | null;
  places: number;
  used: number;
  reserved: number;
  remaining: number;
}

async function expectDashboardOf(role: Role, page: Page) {
  const { deadlineProgress: progress } = await gql<{
    deadlineProgress: {
      daysLeftToApplicationDeadline: number;
      daysLeftToRecommendationDeadline: number;
      totals: Record<'applications' | 'submitted' | 'endorsed' | 'recommended' | 'selected', number>;
    };
  }>(role, progressQuery, { year: round.year });
  await expect.poll(() => attribute(page, 'progress-submitted', 'data-count'), patiently).toBe(String(progress.totals.submitted));
  expect(await attribute(page, 'progress-endorsed', 'data-count')).toBe(String(progress.totals.endorsed));
  expect(await attribute(page, 'progress-recommended', 'data-count')).toBe(String(progress.totals.recommended));
  expect(await page.getByTestId('progress-applications').textContent()).toBe(String(progress.totals.applications));
  expect(await attribute(page, 'progress-days-application', 'data-value')).toBe(String(progress.daysLeftToApplicationDeadline));
  expect(await attribute(page, 'progress-days-recommendation', 'data-value')).toBe(String(progress.daysLeftToRecommendationDeadline));
  for (const step of ['applications', 'submitted', 'endorsed', 'recommended', 'selected'] as const) {
    expect(await attribute(page, `funnel-${step}`, 'data-count'), step).toBe(String(progress.totals[step]));
  }
  await page.getByTestId('deadline-progress').locator('svg.recharts-surface').first().waitFor();
  await page.getByTestId('funnel').locator('svg.recharts-surface').first().waitFor();

  if (role !== 'analyst') {
    const { myReviewQueue } = await gql<{ myReviewQueue: { size: number } }>(role, 'query($year: Int) { myReviewQueue(roundYear: $year) { size } }', { year: round.year });
    await expect.poll(() => attribute(page, 'review-queue-size', 'data-value'), patiently).toBe(String(myReviewQueue.size));
  }

  const statuses = await gql<{ applicationCounts: { data: { count: number }[] } }>(
    role,
    'query($year: Int) { applicationCounts(roundYear: $year, groupBy: [STATUS]) { ... on QueryApplicationCountsSuccess { data { count } } } }',
    { year: round.year },
  );
  const statusTotal = statuses.applicationCounts.data.reduce((sum, group) => sum + group.count, 0);
  await expect.poll(() => page.getByTestId('status-counts-total').textContent(), patiently).toBe(`合计 ${statusTotal} 份`);

  const blacklist = await gql<{ blacklist: { totalCount: number } }>(role, '{ blacklist(first: 1, activeOnly: true) { totalCount } }');
  await expect.poll(() => attribute(page, 'blacklist-count', 'data-value'), patiently).toBe(String(blacklist.blacklist.totalCount));

  if (role !== 'employer') {
    const { quotaUsage } = await gql<{ quotaUsage: QuotaLine[] }>(
      role,
      'query($id: ID!) { quotaUsage(roundId: $id) { mode area { id } places used reserved remaining } }',
      { id: round.id },
    );
    for (const mode of ['REMOTE', 'LOCAL']) {
      const regionLine = quotaUsage.find((candidate) => candidate.mode === mode && !candidate.area)!;
      // A prefecture bureau's own figures are its area's allocation, the region's remainder beside them.
      const ownAreaLine = role === 'prefecture' ? quotaUsage.find((candidate) => candidate.mode === mode && candidate.area) : undefined;
      const line = ownAreaLine ?? regionLine;
      await expect.poll(() => page.getByTestId(`quota-${mode}-used`).textContent(), patiently).toBe(String(line.used));
      expect(await page.getByTestId(`quota-${mode}-places`).getAttribute('data-scope')).toBe(ownAreaLine ? 'area' : 'region');
      if (ownAreaLine) expect(await page.getByTestId(`quota-${mode}-region-remaining`).getAttribute('data-value')).toBe(String(regionLine.remaining));
      expect(await page.getByTestId(`quota-${mode}-reserved`).textContent()).toBe(String(line.reserved));
      expect(await page.getByTestId(`quota-${mode}-remaining`).textContent()).toBe(String(line.remaining));
      const areaLines = quotaUsage.filter((candidate) => candidate.mode === mode && candidate.area);
      const shown = page.getByTestId(`quota-${mode}-area`);
      expect(await shown.count(), `${role} ${mode} area lines`).toBe(areaLines.length);
      for (const areaLine of areaLines) {
        const row = page.locator(`[data-testid="quota-${mode}-area"][data-area="${areaLine.area!.id}"]`);
        expect(await row.locator('[data-field="used"]').textContent()).toBe(String(areaLine.used));
        expect(await row.locator('[data-field="remaining"]').textContent()).toBe(String(areaLine.remaining));
      }
    }
  } else {
    expect(await page.getByTestId('quota-REMOTE').count(), 'employers read no quotas').toBe(0);
  }

  if (role === 'regional' || role === 'analyst') {
    const areas = await gql<{ applicationCounts: { data: { count: number }[] } }>(
      role,
      'query($year: Int) { applicationCounts(roundYear: $year, groupBy: [AREA]) { ... on QueryApplicationCountsSuccess { data { count } } } }',
      { year: round.year },
    );
    const counts = areas.applicationCounts.data.map((group) => group.count);
    expect(counts.length).toBeGreaterThan(1);
    await expect.poll(() => attribute(page, 'area-counts-total', 'data-value'), patiently).toBe(String(counts.reduce((sum, count) => sum + count, 0)));
    const labels = page.getByTestId('area-counts').locator('.recharts-label-list text');
    await expect.poll(() => labels.count(), patiently).toBe(counts.length);
    expect((await labels.allTextContents()).map(Number)).toEqual(counts);
  } else {
    expect(await page.getByTestId('area-counts').count()).toBe(0);
  }

  // The programme year by year: the API's whole-scope line of each year in the table.
  const { programmeHistory } = await gql<{ programmeHistory: { data: Array<Record<'year' | 'submitted' | 'recommended' | 'selected' | 'placed' | 'completed', number>> } }>(
    role,
    '{ programmeHistory { ... on QueryProgrammeHistorySuccess { data { year submitted recommended selected placed completed } } } }',
  );
  expect(programmeHistory.data.map((line) => line.year)).toContain(2025);
  await page.getByTestId('history-table').waitFor(patiently);
  expect(await page.getByTestId('history-table').locator('tbody tr').count()).toBe(programmeHistory.data.length);
  for (const line of programmeHistory.data) {
    for (const step of ['submitted', 'recommended', 'selected', 'placed', 'completed'] as const) {
      expect(await attribute(page, `history-${line.year}-${step}`, 'data-value'), `${role} ${line.year} ${step}`).toBe(String(line[step]));
    }
  }
  await page.getByTestId('programme-history').locator('svg.recharts-surface').first().waitFor();
}

describe("each role's dashboard shows the API's aggregates for that role", () => {
  it.each([
    ['employer', 'dashboard-employer'],
    ['prefecture', 'dashboard-prefecture'],
    ['regional', 'dashboard-regional'],
    ['analyst', 'dashboard-analyst'],
  ] as const)('%s', async (role, name) => {
    const page = await open(role);
    await expectDashboardOf(role, page);
    await expectTranslated(page);
    await screenshot(page, name);
    await page.context().close();
  });
});

// ─────────────────────────────── queues ───────────────────────────────

describe('the review queues', () => {
  it('lets the employer endorse with item-by-item findings, upload the signed form-4 scan and download forms 2 and 4', async () => {
    const waiting = await queue('employer', ['SUBMITTED']);
    const application = waiting.rows.find(eligible);
    expect(application, 'unit-001 has an eligible SUBMITTED application').toBeDefined();
    const page = await open('employer');

    await review(
      page,
      application!.id,
      'ENDORSE',
      [
        { item: 'education', result: 'PASS' },
        { item: 'health', result: 'PASS', comment: '已核实无影响培训的疾病史' },
      ],
      'review-dialog',
    );
    await page.getByTestId('application-summary').locator('[data-status="ENDORSED"]').waitFor();
    const after = await reviewed(application!.id);
    expect(after.status).toBe('ENDORSED');
    const endorsement = after.reviews.filter((entry) => entry.stage === 'EMPLOYER' && entry.decision === 'ENDORSE').at(-1);
    expect([...(endorsement?.findings ?? [])].sort((a, b) => a.item.localeCompare(b.item))).toEqual([
      { item: 'education', result: 'PASS', comment: null },
      { item: 'health', result: 'PASS', comment: '已核实无影响培训的疾病史' },
    ]);
    await page.getByRole('tab', { name: '审核记录' }).click();
    await expect.poll(() => page.getByTestId('reviews').textContent(), patiently).toContain('健康状况：符合（已核实无影响培训的疾病史）');

    // The signed and sealed 用人单位审核表 of this application, then forms 2 and 4 as files.
    await page.getByRole('tab', { name: '表格与材料' }).click();
    await page.getByTestId('upload-form4-scan-input').setInputFiles({ name: '用人单位审核表.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes('form 4')) });
    await page.getByTestId('download-document-FORM4_SCAN').waitFor();
    const documents = await gql<{ node: { documents: { kind: string; mimeType: string }[] } }>(
      'employer',
      'query($id: ID!) { node(id: $id) { ... on Application { documents(kind: FORM4_SCAN) { kind mimeType } } } }',
      { id: application!.id },
    );
    expect(documents.node.documents).toEqual([{ kind: 'FORM4_SCAN', mimeType: 'application/pdf' }]);

    const form2 = await downloadBy(page, () => page.getByTestId('download-form2').click());
    expect(form2.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(form2.download.suggestedFilename()).toMatch(/\.pdf$/);

    await page.goto(`${server.url}/#/applications`);
    await rows(page).first().waitFor();
    const form4 = await downloadBy(page, () => page.getByTestId('download-form4').click());
    expect(form4.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(form4.bytes.length).toBeGreaterThan(1000);
    await page.context().close();
  });

  it('lets the prefecture bureau recommend one application with findings, then several at once (the one overtaken fails alone), and download and upload its summary list', async () => {
    const page = await open('prefecture');
    const before = await queue('prefecture', ['ENDORSED']);
    await page.goto(`${server.url}/#/applications`);
    await rows(page).first().waitFor();
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent(), patiently).toContain(`共 ${before.totalCount} 条`);
    await expect.poll(() => page.getByTestId('eligibility-badge').count(), patiently).toBeGreaterThan(0);
    await expectTranslated(page);
    await screenshot(page, 'queue-prefecture');

    // Saved views: 全部申报 lists the whole area; a view this reviewer saves is there after a reload.
    const everything = await gql<{ applications: { totalCount: number } }>('prefecture', '{ applications { totalCount } }');
    const displayed = page.locator('.MuiTablePagination-displayedRows');
    await page.getByTestId('saved-view').filter({ hasText: '全部申报' }).click();
    await expect.poll(() => displayed.textContent(), patiently).toContain(`共 ${everything.applications.totalCount} 条`);
    await page.getByTestId('save-view').click();
    await page.getByTestId('save-view-name').fill('喀什全部申报');
    await page.getByTestId('save-view-confirm').click();
    await page.reload();
    await page.locator('[data-testid="saved-view"][data-name="喀什全部申报"]').waitFor();
    await page.getByTestId('saved-view').filter({ hasText: '待我审核' }).click();
    await expect.poll(() => displayed.textContent(), patiently).toContain(`共 ${before.totalCount} 条`);

    const single = before.rows.find(eligible)!;
    expect(single, 'pref-653100 has an eligible ENDORSED application').toBeDefined();
    await page.goto(`${server.url}/#/applications/${encodeURIComponent(single.id)}/show`);
    await page.getByTestId('eligibility').locator('tbody tr').first().waitFor();
    await expectTranslated(page);
    await screenshot(page, 'application');
    await review(page, single.id, 'RECOMMEND', [
      { item: 'hosts', result: 'PASS' },
      { item: 'goals', result: 'NEEDS_CORRECTION', comment: '学习计划请细化到季度' },
    ]);
    await page.getByTestId('application-summary').locator('[data-status="RECOMMENDED"]').waitFor();
    const recommended = await reviewed(single.id);
    expect(recommended.status).toBe('RECOMMENDED');
    const findings = recommended.reviews.find((entry) => entry.stage === 'PREFECTURE')?.findings ?? [];
    expect([...findings].sort((a, b) => a.item.localeCompare(b.item))).toEqual([
      { item: 'goals', result: 'NEEDS_CORRECTION', comment: '学习计划请细化到季度' },
      { item: 'hosts', result: 'PASS', comment: null },
    ]);

    // Bulk: three eligible rows of the queue as the list shows it; the third is recommended by
    // someone else while the dialog is open, so only that one fails, in the API's words.
    const listed = await queue('prefecture', ['ENDORSED']);
    const picks = listed.rows.map((row, index) => ({ row, index })).filter(({ row }) => eligible(row)).slice(0, 3);
    expect(picks).toHaveLength(3);
    await page.goto(`${server.url}/#/applications`);
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent(), patiently).toContain(`共 ${listed.totalCount} 条`);
    for (const { row, index } of picks) {
      // The name is the cell's first line (on a laptop the trainee number is stacked under it).
      await expect.poll(() => rows(page).nth(index).locator('td.column-name span').first().textContent(), patiently).toBe(row.name);
      await rows(page).nth(index).locator('input[type="checkbox"]').check();
    }
    await page.getByTestId('bulk-review').click();
    const bulk = page.getByTestId('bulk-review-dialog');
    await bulk.getByTestId('bulk-review-conduct').locator('input').check();
    const [first, second, overtaken] = picks.map(({ row }) => row) as [QueueRow, QueueRow, QueueRow];
    const meanwhile = await api.gql(
      `mutation($id: ID!, $version: Int!) { prefectureReview(id: $id, version: $version, decision: RECOMMEND, conductConfirmed: true) { __typename } }`,
      { id: overtaken.id, version: overtaken.version },
      tokens.prefecture,
    );
    expect(meanwhile.data?.prefectureReview.__typename).toBe('MutationPrefectureReviewSuccess');
    await bulk.getByTestId('bulk-review-confirm').click();
    const result = bulk.getByTestId('bulk-review-result');
    await expect.poll(() => result.getAttribute('data-failed'), patiently).toBe('1');
    expect(await result.getAttribute('data-succeeded')).toBe('2');
    const failure = await bulk.getByTestId('bulk-review-failures').innerText();
    expect(failure).toContain(overtaken.name);
    expect(failure.replace(overtaken.name, '')).toMatch(/[\u4e00-\u9fff]{4,}/);
    await screenshot(page, 'bulk-review', { fullPage: false });
    await bulk.getByTestId('bulk-review-close').click();
    for (const row of [first, second]) expect((await reviewed(row.id)).status).toBe('RECOMMENDED');

    // 名单汇总表 of the area as Excel: it lists the applications just recommended.
    await page.getByTestId('summary-list-menu').click();
    const form5 = await downloadBy(page, () => page.getByTestId('download-form5-xlsx').click());
    expect(form5.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load(form5.bytes as unknown as ArrayBuffer);
    const cells = summary.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
    expect(cells).toContain(single.name);

    await page.getByTestId('upload-form5-scan-input').setInputFiles({ name: '名单汇总表.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes('form 5')) });
    await expect.poll(() => page.getByTestId('form5-scan-uploaded').textContent(), patiently).toBe('已上传：名单汇总表.pdf');
    const area = await gql<{ me: { area: { id: string } } }>('prefecture', '{ me { area { id } } }');
    const scans = await gql<{ node: { form5Scans: { kind: string }[] } }>(
      'prefecture',
      'query($id: ID!, $year: Int!) { node(id: $id) { ... on Area { form5Scans(roundYear: $year) { kind } } } }',
      { id: area.me.area.id, year: round.year },
    );
    expect(scans.node.form5Scans).toEqual([{ kind: 'FORM5_SCAN' }]);

    // The queue exported to Excel: a real workbook with the list's rows.
    const remaining = await queue('prefecture', ['ENDORSED']);
    const exported = await downloadBy(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
    expect(exported.download.suggestedFilename()).toMatch(/^申报-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(expect.arrayContaining(['姓名', '申报状态', '培养方式', '推荐条件核验']));
    expect(sheet.actualRowCount - 1).toBe(remaining.totalCount);
    await expect.poll(() => page.getByText(`已导出 ${remaining.totalCount} 条`).count()).toBe(1);
    const nameColumn = header.indexOf('姓名') + 1;
    const names = Array.from({ length: sheet.actualRowCount - 1 }, (_, index) => String(sheet.getRow(index + 2).getCell(nameColumn).value));
    expect(names.slice(0, remaining.rows.length)).toEqual(remaining.rows.map((row) => row.name));
    expect(new Set((sheet.getColumn(header.indexOf('申报状态') + 1).values as unknown[]).slice(2).map(String))).toEqual(new Set(['单位审核通过，待地州市审核']));
    await page.context().close();
  });

  it('lets the regional bureau select a recommended application with a finding, within the quota', async () => {
    const waiting = await queue('regional', ['RECOMMENDED']);
    const { quotaUsage } = await gql<{ quotaUsage: QuotaLine[] }>('regional', 'query($id: ID!) { quotaUsage(roundId: $id) { mode area { id } remaining } }', { id: round.id });
    const application = waiting.rows.find((row) => eligible(row) && quotaUsage.some((line) => line.mode === row.mode && !line.area && line.remaining > 0));
    expect(application, 'a recommended application with places left in its mode').toBeDefined();
    const page = await open('regional');
    await review(page, application!.id, 'SELECT', [{ item: 'hosts', result: 'PASS', comment: '培养单位已同意接收' }]);
    await page.getByTestId('application-summary').locator('[data-status="SELECTED"]').waitFor();
    const after = await reviewed(application!.id);
    expect(after.status).toBe('SELECTED');
    expect(after.reviews.find((entry) => entry.stage === 'REGIONAL')).toEqual({
      stage: 'REGIONAL',
      decision: 'SELECT',
      findings: [{ item: 'hosts', result: 'PASS', comment: '培养单位已同意接收' }],
    });
    await page.context().close();
  });
});
