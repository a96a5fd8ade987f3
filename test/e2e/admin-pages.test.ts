// The regional bureau's admin pages in a real browser, served beside the API as `pnpm start`
// serves them, on the demo data: quotas (a refusal while the shares add up to too many, then a
// save the API reports; a concurrent change the API refuses, shown in its words), a round's
// deadline, a blacklist listing made and lifted, a prefecture reviewer's account created and
// signing in, an account disabled and one unlocked, and the audit log holding all of it.
// Screenshots go to test/artifacts/.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { buildSchema, print, validate } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFailedLoginDelay, setFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import { mutationDocument } from '../../admin/src/dataProvider/callMutation.ts';
import { liftBlacklistEntryMutation, listOnBlacklistMutation } from '../../admin/src/blacklist/blacklistMutations.ts';
import { setAreaAllocationMutation, setModePlacesMutation } from '../../admin/src/quotas/quotaMutations.ts';
import { updateRoundMutation } from '../../admin/src/rounds/roundMutations.ts';
import { createUserMutation, revokeUserSessionsMutation, setUserDisabledMutation, unlockUserMutation } from '../../admin/src/users/userMutations.ts';
import { demoPassword, startApi, type TestApi } from '../support/api.ts';
import { launchChromium } from './support/browser.ts';
import { downloadBy } from './support/pages.ts';
import { ensureConsoleBuilt, serveConsole, type ConsoleServer } from './support/console.ts';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const now = new Date('2026-12-01T10:00:00+08:00');
/** The embedded database answers a page's requests slower than expect.poll's default second. */
const patience = { timeout: 20_000, interval: 100 };

describe('the admin pages change data with mutations the schema accepts', () => {
  it('validates every mutation the admin pages send against api/schema.graphql', () => {
    const schema = buildSchema(readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8'));
    const specs = [
      updateRoundMutation,
      setModePlacesMutation,
      setAreaAllocationMutation,
      listOnBlacklistMutation,
      liftBlacklistEntryMutation,
      createUserMutation,
      setUserDisabledMutation,
      unlockUserMutation,
      revokeUserSessionsMutation,
    ];
    const errors = specs.map(mutationDocument).flatMap((document) => validate(schema, document).map((error) => `${error.message}\n${print(document)}`));
    expect(errors).toEqual([]);
  });
});

describe('the regional administrator in the console', () => {
  let api: TestApi;
  let server: ConsoleServer;
  let browser: Browser;
  let adminToken: string;
  let page: Page;
  let round: { id: string; year: number; applicationDeadline: string };
  const areaIds: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    setFailedLoginDelay(() => 0);
    await ensureConsoleBuilt();
    browser = await launchChromium();
    api = await startApi({ seeded: true, clock: () => now });
    server = await serveConsole(api);
    adminToken = await api.login('admin');
    round = (await api.gql('{ currentRound { id year applicationDeadline } }', {}, adminToken)).data.currentRound;
    for (const area of (await api.gql('{ areas { id code } }', {}, adminToken)).data.areas) areaIds[area.code] = area.id;
    page = await signIn('admin');
  }, 900_000);

  afterAll(async () => {
    setFailedLoginDelay(defaultFailedLoginDelay);
    await browser?.close();
    await server?.close();
    await api?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const signedIn = await context.newPage();
    signedIn.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
    await signedIn.goto(`${server.url}/`);
    await signedIn.locator('input[name="username"]').fill(username);
    await signedIn.locator('input[name="password"]').fill(demoPassword);
    await signedIn.locator('button[type="submit"]').click();
    await signedIn.getByTestId('welcome-card').waitFor();
    return signedIn;
  }

  async function screenshot(name: string, { fullPage = true } = {}) {
    // The app bar and menu are fixed to the window: a whole-page shot starts from the top.
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${artifacts}${name}.png`, fullPage });
  }

  function listRoute(resource: string, filter: Record<string, unknown> = {}, extra = '') {
    return `${server.url}/#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
  }

  async function quotaLines() {
    const response = await api.gql('query($roundId: ID!) { quotaUsage(roundId: $roundId) { mode area { id } places used } }', { roundId: round.id }, adminToken);
    return response.data.quotaUsage as { mode: string; area: { id: string } | null; places: number; used: number }[];
  }
  const shareOf = (lines: Awaited<ReturnType<typeof quotaLines>>, mode: string, code: string) => lines.find((line) => line.mode === mode && line.area?.id === areaIds[code])!.places;

  it('shows the menu of the regional bureau in Chinese', async () => {
    for (const label of ['年度与截止时间', '名额管理', '失信名单', '账户', '用人单位', '推荐主管部门', '审计日志']) {
      await expect.poll(() => page.getByRole('menuitem', { name: label }).count(), { ...patience, message: label }).toBe(1);
    }
  });

  it('refuses area shares that add up to more than the places while they are typed, then saves a move between areas that quotaUsage reports', async () => {
    const before = await quotaLines();
    const kashgar = shareOf(before, 'REMOTE', '653100');
    const urumqi = shareOf(before, 'REMOTE', '650100');
    const places = before.find((line) => line.mode === 'REMOTE' && !line.area)!.places;

    await page.goto(`${server.url}/#/quotas`);
    const urumqiInput = page.getByTestId('allocation-REMOTE-650100');
    await urumqiInput.waitFor();
    await expect.poll(() => page.getByTestId('allocation-total-REMOTE').getAttribute('data-total'), patience).toBe(String(places));

    await urumqiInput.fill(String(urumqi + 5));
    await expect.poll(() => page.getByTestId('allocation-total-REMOTE').getAttribute('data-total'), patience).toBe(String(places + 5));
    await expect.poll(() => page.getByTestId('allocation-refusal').textContent(), patience).toBe(`异地培养各地区分配合计 ${places + 5} 名，超过总名额 ${places} 名，不能保存`);
    expect(await page.getByTestId('allocation-save').isDisabled()).toBe(true);
    await screenshot('admin-quotas');

    await page.getByTestId('allocation-REMOTE-653100').fill(String(kashgar - 5));
    await expect.poll(() => page.getByTestId('allocation-refusal').count(), patience).toBe(0);
    await page.getByTestId('allocation-save').click();
    await expect.poll(async () => shareOf(await quotaLines(), 'REMOTE', '650100'), patience).toBe(urumqi + 5);
    const after = await quotaLines();
    expect(shareOf(after, 'REMOTE', '653100')).toBe(kashgar - 5);
    expect(after.filter((line) => line.mode === 'REMOTE' && line.area).reduce((sum, line) => sum + line.places, 0)).toBe(places);
    // The page shows what the API now holds.
    await expect.poll(() => page.getByTestId('allocation-save').textContent(), patience).toContain('0 项修改');
    expect(await page.getByTestId('allocation-REMOTE-650100').inputValue()).toBe(String(urumqi + 5));
  });

  it("shows the API's refusal in its words when another admin changed the quotas meanwhile", async () => {
    await page.goto(`${server.url}/#/quotas`);
    await page.getByTestId('allocation-LOCAL-650100').waitFor();
    const lines = await quotaLines();
    const kashgar = shareOf(lines, 'LOCAL', '653100');
    const urumqi = shareOf(lines, 'LOCAL', '650100');
    const localPlaces = lines.find((line) => line.mode === 'LOCAL' && !line.area)!.places;

    // Another admin takes 10 of Kashgar's local places away and lowers the local places by 10.
    const other = await api.login('admin');
    const allocate = await api.gql(
      'mutation($roundId: ID!, $areaId: ID!, $places: Int!) { setAreaAllocation(roundId: $roundId, mode: LOCAL, areaId: $areaId, places: $places) { __typename } }',
      { roundId: round.id, areaId: areaIds['653100'], places: kashgar - 10 },
      other,
    );
    expect(allocate.data.setAreaAllocation.__typename).toBe('MutationSetAreaAllocationSuccess');
    const lower = await api.gql(
      'mutation($roundId: ID!) { setModePlaces(roundId: $roundId, remotePlaces: 200, localPlaces: 190) { __typename ... on Error { message } } }',
      { roundId: round.id },
      other,
    );
    expect(lower.data.setModePlaces.__typename, JSON.stringify(lower)).toBe('MutationSetModePlacesSuccess');

    // This page still counts Kashgar's old share: moving 5 from it to Urumqi looks fine here.
    await page.getByTestId('allocation-LOCAL-653100').fill(String(kashgar - 5));
    await page.getByTestId('allocation-LOCAL-650100').fill(String(urumqi + 5));
    await expect.poll(() => page.getByTestId('allocation-refusal').count(), patience).toBe(0);
    await page.getByTestId('allocation-save').click();
    await expect
      .poll(() => page.getByTestId('allocation-error').textContent(), patience)
      .toBe(`未能保存：各地区分配合计 ${localPlaces - 10 + 5} 名，超过当地培养总名额 ${localPlaces - 10} 名`);
    // Re-read from the API, the page now refuses the same totals itself.
    await expect.poll(() => page.getByTestId('allocation-refusal').textContent(), patience).toContain(`超过总名额 ${localPlaces - 10} 名`);
    await screenshot('admin-quotas-refused');
    expect(shareOf(await quotaLines(), 'LOCAL', '653100')).toBe(kashgar - 10);
  });

  it("changes the open round's application deadline, refusing deadlines out of order first", async () => {
    await page.goto(listRoute('rounds'));
    await page.getByTestId(`edit-round-${round.year}`).click();
    const applicationDeadline = page.getByTestId('round-applicationDeadline');
    await applicationDeadline.waitFor();
    expect(await applicationDeadline.inputValue()).toBe(`${round.year}-03-05`);

    await applicationDeadline.fill(`${round.year}-03-25`);
    await expect.poll(() => page.getByTestId('round-settings').textContent(), patience).toContain('审核推荐截止日期须晚于个人申报截止日期');
    expect(await page.getByTestId('round-save').isDisabled()).toBe(true);

    await applicationDeadline.fill(`${round.year}-03-10`);
    await page.getByTestId('round-save').click();
    await expect.poll(() => page.getByTestId('round-confirm').textContent(), patience).toContain(`个人申报截止：${round.year}-03-05 → ${round.year}-03-10`);
    await screenshot('admin-round-edit', { fullPage: false });
    await page.getByRole('button', { name: '保存' }).last().click();
    await page.getByTestId('round-list').waitFor();
    await expect.poll(() => page.getByTestId('round-list').textContent(), patience).toContain(`${round.year}-03-10 23:59`);
    await screenshot('admin-rounds');

    const rounds = await api.gql('{ rounds { year applicationDeadline } }', {}, adminToken);
    expect(rounds.data.rounds.find((candidate: { year: number }) => candidate.year === round.year).applicationDeadline).toBe(
      new Date(`${round.year}-03-10T23:59:59.999+08:00`).toISOString(),
    );
  });

  it('lists a person on the blacklist behind a confirmation, then lifts the listing with a reason, showing the API refusal of an empty reason', async () => {
    const idNumber = composeResidentId('650104', '1986-04-12', 'MALE', 77);
    await page.goto(listRoute('blacklist'));
    await page.getByTestId('create-listing').click();
    await page.locator('input[name="applicantName"]').fill('艾力·测试');
    await page.locator('input[name="applicantIdNumber"]').fill(idNumber);
    await page.locator('textarea[name="reason"]').fill('伪造获奖证书，经核查属实');
    await page.getByTestId('listing-submit').click();
    await page.getByRole('dialog').getByText('将艾力·测试列入失信名单').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '列入失信名单' }).click();
    await page.getByTestId('blacklist-list').waitFor();

    const row = page.locator('.RaDatagrid-tbody .RaDatagrid-row', { hasText: '艾力·测试' });
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status'), patience).toBe('ACTIVE');
    // 有效至: five years from the API's today.
    await expect.poll(() => row.locator('td.column-expiresAt').textContent(), patience).toBe('2031-12-01');
    await screenshot('admin-blacklist');

    await row.getByTestId('lift-listing').click();
    const dialog = page.getByTestId('lift-dialog');
    await dialog.getByTestId('lift-confirm').click();
    await expect.poll(() => dialog.getByTestId('lift-error').textContent(), patience).toBe('请填写解除原因（至少4字）');
    await dialog.getByTestId('lift-reason').fill('经复核系误报，予以解除');
    await dialog.getByTestId('lift-confirm').click();
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status'), patience).toBe('LIFTED');
    await screenshot('admin-blacklist-lifted');

    const entries = await api.prisma.blacklistEntry.findMany({ where: { applicantIdNumber: idNumber } });
    expect(entries).toHaveLength(1);
    const listing = await api.gql(
      'query($id: ID!) { node(id: $id) { ... on BlacklistEntry { liftedAt liftReason isActive } } }',
      { id: Buffer.from(`BlacklistEntry:${entries[0]!.id}`).toString('base64') },
      adminToken,
    );
    expect(listing.data.node).toEqual({ liftedAt: now.toISOString(), liftReason: '经复核系误报，予以解除', isActive: false });
  });

  it('exports the blacklist to Excel: a workbook with every listing the API gives the admin, each with its person and reason', async () => {
    await page.goto(listRoute('blacklist'));
    await page.getByTestId('blacklist-list').waitFor();
    const exported = await downloadBy(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
    expect(exported.download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const response = await api.gql<{ blacklist: { totalCount: number; edges: Array<{ node: { applicantName: string | null; reason: string } }> } }>(
      '{ blacklist(first: 100) { totalCount edges { node { applicantName reason } } } }',
      {},
      adminToken,
    );
    const blacklist = response.data!.blacklist;
    // A header row, then one row a listing, each with its person and its reason.
    expect(sheet.actualRowCount).toBe(blacklist.totalCount + 1);
    const text = sheet.getSheetValues().flat().map(String).join(' ');
    for (const { node } of blacklist.edges) {
      if (node.applicantName) expect(text).toContain(node.applicantName);
      expect(text).toContain(node.reason);
    }
    // And says how many rows it wrote.
    await expect.poll(() => page.getByText(`已导出 ${blacklist.totalCount} 条`).count()).toBe(1);
  });

  it('exports the whole units list from the server, past the 1000 rows a browser export held, saying how many', async () => {
    // More units than the browser export used to write (1000), removed after.
    const kashgar = await api.prisma.area.findFirstOrThrow({ where: { code: '653100' } });
    const before = await api.prisma.employerUnit.count();
    const added = Array.from({ length: Math.max(0, 1001 - before) }, (_, index) => ({
      name: `导出测试单位${String(index).padStart(4, '0')}`,
      nature: 'OTHER' as const,
      areaId: kashgar.id,
      address: '喀什市',
    }));
    await api.prisma.employerUnit.createMany({ data: added });
    try {
      const total = before + added.length;
      expect(total).toBeGreaterThan(1000);
      await page.goto(listRoute('units'));
      await page.getByTestId('export-units').waitFor();
      const exported = await downloadBy(page, () => page.getByTestId('export-units').click());
      expect(exported.download.suggestedFilename()).toMatch(/^用人单位-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer);
      // A header row, then every unit: none left out.
      const sheet = workbook.worksheets[0]!;
      expect(sheet.actualRowCount).toBe(total + 1);
      expect(sheet.getRow(1).getCell(1).value).toBe('单位名称');
      const names = new Set(sheet.getColumn(1).values.slice(2).map(String));
      for (const unit of added) expect(names.has(unit.name), unit.name).toBe(true);
      await expect.poll(() => page.getByText(`已导出 ${total} 条`).count()).toBe(1);
    } finally {
      await api.prisma.employerUnit.deleteMany({ where: { name: { in: added.map((unit) => unit.name) } } });
    }
  });

  it('exports the whole audit log from the server, past what a browser export holds, saying how many', async () => {
    const before = await api.prisma.auditRecord.count();
    const missing = Math.max(0, 1001 - before);
    await api.prisma.auditRecord.createMany({
      data: Array.from({ length: missing }, (_, index) => ({ requestId: `export-test-${index}`, operation: 'login', result: 'REFUSED' as const, errorCode: 'INVALID_CREDENTIALS', at: new Date(now.getTime() - (index + 1) * 60_000) })),
    });
    await page.goto(listRoute('auditRecords'));
    await page.getByRole('button', { name: '导出 Excel' }).waitFor();
    const exported = await downloadBy(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    // Every record the list had when the export began (a header row, then one row a record), and the count said.
    const rows = workbook.worksheets[0]!.actualRowCount - 1;
    expect(rows).toBeGreaterThanOrEqual(before + missing);
    expect(rows).toBeLessThanOrEqual(await api.prisma.auditRecord.count());
    await expect.poll(() => page.getByText(`已导出 ${rows} 条`).count()).toBe(1);
  });

  it('creates a prefecture reviewer for an area, who can then sign in to the API with that scope', async () => {
    await page.goto(listRoute('users', { role: 'PREFECTURE' }));
    await page.getByTestId('create-user').click();
    await page.locator('input[name="username"]').fill('pref-653100-b');
    await page.locator('input[name="displayName"]').fill('阿不都·审核');
    await page.getByRole('combobox', { name: /角色/ }).click();
    await page.getByRole('option', { name: '地州市人社局审核人' }).click();
    await page.getByRole('combobox', { name: /所辖地区/ }).click();
    await page.getByRole('option', { name: '喀什地区' }).click();
    await page.locator('input[name="password"]').fill('Review2025x');
    await page.getByTestId('user-submit').click();
    await page.getByTestId('user-list').waitFor();
    await expect.poll(() => page.getByTestId('user-list').textContent(), patience).toContain('pref-653100-b');

    const token = await api.login('pref-653100-b', 'Review2025x');
    const me = await api.gql('{ me { role area { code } } }', {}, token);
    expect(me.data.me).toEqual({ role: 'PREFECTURE', area: { code: '653100' } });
  });

  it('disables an account (the API then refuses its sign-in) and unlocks one locked by failed sign-ins', async () => {
    await page.goto(listRoute('users', { role: 'PREFECTURE' }));
    const created = page.locator('.RaDatagrid-tbody .RaDatagrid-row', { hasText: 'pref-653100-b' });
    await created.locator('[data-action="disable"]').click();
    await page.getByTestId('account-confirm').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => created.locator('[data-status]').getAttribute('data-status'), patience).toBe('DISABLED');
    await expect(api.login('pref-653100-b', 'Review2025x')).rejects.toThrow('账户已停用，请联系管理员');

    // unit-002 types a wrong password five times and is locked.
    for (let attempt = 0; attempt < 5; attempt++) await expect(api.login('unit-002', 'wrong-password-1')).rejects.toThrow();
    await expect(api.login('unit-002')).rejects.toThrow('账户已临时锁定');
    await page.goto(listRoute('users', { role: 'EMPLOYER' }, '&perPage=100'));
    const locked = page.locator('.RaDatagrid-tbody .RaDatagrid-row', { hasText: 'unit-002' });
    await expect.poll(() => locked.locator('[data-status]').getAttribute('data-status'), patience).toBe('LOCKED');
    await locked.scrollIntoViewIfNeeded();
    await screenshot('admin-users', { fullPage: false });
    await locked.locator('[data-action="unlock"]').click();
    await page.getByRole('dialog').getByRole('button', { name: '解除锁定' }).click();
    await expect.poll(() => locked.locator('[data-status]').getAttribute('data-status'), patience).toBe('ACTIVE');
    expect(await api.login('unit-002')).toBeTruthy();
  });

  it('finds every one of these actions in the audit log, with a record whose details are masked', async () => {
    for (const [operation, label] of [
      ['setAreaAllocation', '分配地区名额'],
      ['updateRound', '修改年度设置'],
      ['listOnBlacklist', '列入失信名单'],
      ['liftBlacklistEntry', '解除失信名单'],
      ['createUser', '新建账户'],
      ['setUserDisabled', '停用或启用账户'],
      ['unlockUser', '解除锁定'],
    ] as const) {
      await page.goto(listRoute('auditRecords', { actorUsername: 'admin', operation }));
      const rows = page.locator('.RaDatagrid-tbody .RaDatagrid-row');
      // The list keeps the previous filter's rows until the new ones arrive.
      await expect.poll(() => rows.first().textContent(), { ...patience, message: operation }).toContain(label);
      const expected = await api.prisma.auditRecord.count({ where: { operation, actor: { username: 'admin' } } });
      expect(expected, operation).toBeGreaterThan(0);
      await expect.poll(() => rows.count(), { ...patience, message: operation }).toBe(Math.min(expected, 25));
      expect(await rows.first().textContent()).toContain(label);
    }

    await page.goto(listRoute('auditRecords', { actorUsername: 'admin', operation: 'listOnBlacklist', result: 'SUCCESS' }));
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().click();
    const details = page.getByTestId('audit-details');
    await details.waitFor();
    const shown = await details.textContent();
    expect(shown).toContain('650104********');
    expect(shown).not.toContain(composeResidentId('650104', '1986-04-12', 'MALE', 77));
    await screenshot('admin-audit-record');

    // A day filter in Beijing time: nothing on the day before the API's today.
    await page.goto(listRoute('auditRecords', { actorUsername: 'admin', from: '2026-11-30', to: '2026-11-30' }));
    await page.getByText('没有符合当前筛选条件的审计日志').waitFor();
    expect(await page.locator('.RaDatagrid-tbody .RaDatagrid-row').count()).toBe(0);
    await page.goto(listRoute('auditRecords', { actorUsername: 'admin', from: '2026-12-01', to: '2026-12-01' }));
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().waitFor();
    await screenshot('admin-audit');
  });

  it('lists areas with their unit and application counts, filtered by kind, and units with their applications', async () => {
    const areas = (await api.gql('{ areas { id code name kind units { id } } }', {}, adminToken)).data.areas as { id: string; code: string; name: string; kind: string; units: unknown[] }[];
    const counts = await api.gql(
      'query($year: Int) { applicationCounts(roundYear: $year, groupBy: [AREA]) { ... on QueryApplicationCountsSuccess { data { count keys { value } } } } }',
      { year: round.year },
      adminToken,
    );
    const kashgar = areas.find((area) => area.code === '653100')!;
    const kashgarApplications = counts.data.applicationCounts.data.find((line: { keys: { value: string }[] }) => line.keys[0]!.value === kashgar.id).count;

    await page.goto(listRoute('areas', { kind: 'PREFECTURE' }));
    const rows = page.locator('.RaDatagrid-tbody .RaDatagrid-row');
    await expect.poll(() => rows.count(), patience).toBe(areas.filter((area) => area.kind === 'PREFECTURE').length);
    const row = rows.filter({ hasText: '喀什地区' });
    expect(await row.locator('td.column-unitCount').textContent()).toBe(String(kashgar.units.length));
    await expect.poll(() => row.getByTestId(`area-applications-${kashgar.id}`).textContent(), patience).toBe(String(kashgarApplications));
    await screenshot('admin-areas', { fullPage: false });
    // The filter is the API's (AreaFilter), so the file holds the rows shown, not every area.
    const exported = await downloadBy(page, () => page.getByTestId('export-areas').click());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    const codes = workbook.worksheets[0]!.getColumn(1).values.slice(2).map(String);
    expect(codes.sort()).toEqual(areas.filter((area) => area.kind === 'PREFECTURE').map((area) => area.code).sort());
    // The file's columns are the list's, 本年度申报数 as the list shows it.
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(-2)).toEqual(['用人单位数', '本年度申报数']);
    const kashgarLine = sheet.getRows(2, sheet.rowCount - 1)!.find((line) => String(line.getCell(1).value) === '653100')!;
    expect(String(kashgarLine.getCell(headers.length).value)).toBe(String(kashgarApplications));

    await page.goto(listRoute('units', { areaId: kashgar.id }));
    const unitRows = page.locator('.RaDatagrid-tbody .RaDatagrid-row');
    await expect.poll(() => unitRows.count(), patience).toBe(kashgar.units.length);
    const shown = (await unitRows.locator('td.column-applications\\.totalCount').allTextContents()).reduce((sum, text) => sum + Number(text), 0);
    const all = await api.gql('query($id: ID!) { applications(filter: { areaId: $id }) { totalCount } }', { id: kashgar.id }, adminToken);
    expect(shown).toBe(all.data.applications.totalCount);
  });

  it('lets an analyst read the admin pages without any button that changes data', async () => {
    const analyst = await signIn('analyst');
    await analyst.goto(`${server.url}/#/quotas`);
    await analyst.getByTestId('allocation-REMOTE-650100').waitFor();
    expect(await analyst.getByTestId('allocation-REMOTE-650100').isDisabled()).toBe(true);
    expect(await analyst.getByTestId('allocation-save').count()).toBe(0);
    await analyst.goto(listRoute('rounds'));
    await analyst.getByTestId('round-list').waitFor();
    expect(await analyst.getByTestId(`edit-round-${round.year}`).count()).toBe(0);
    await analyst.goto(listRoute('blacklist'));
    await analyst.getByTestId('blacklist-list').waitFor();
    expect(await analyst.getByTestId('lift-listing').count()).toBe(0);
    expect(await analyst.getByTestId('create-listing').count()).toBe(0);
    await analyst.context().close();
  });

  it('shows prefecture reviewers none of the regional pages', async () => {
    const reviewer = await signIn('pref-653100');
    for (const label of ['年度与截止时间', '名额管理', '账户', '审计日志']) {
      expect(await reviewer.getByRole('menuitem', { name: label }).count(), label).toBe(0);
    }
    await reviewer.context().close();
  });
});
