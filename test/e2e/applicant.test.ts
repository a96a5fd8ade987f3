// The applicant's pages in a real browser, served as `pnpm start` serves them, against a seeded
// database: a new person registers from the sign-in page, files forms 2 and 3 (the browser's
// checks and the API's refusals shown at their fields), uploads a photo and evidence, records a
// classified item and submits; the API then holds exactly that. Returned with a comment by the
// employer unit, the application shows the comment, is corrected and resubmitted, and its
// history is there to follow. Screenshots go to test/artifacts/.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateApplicationForm } from '@tepei/api/modules/applications/application-form';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import { buildSchema, parse, validate } from 'graphql';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applicantMutations, applicantQueries } from '../../admin/src/applicant/applicantRequests.ts';
import { applicationFormProblems } from '../../admin/src/applicant/formValidation.ts';
import { mutationDocument } from '../../admin/src/dataProvider/callMutation.ts';
import { applicationForm, person } from '../fixtures/programme.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { pdfBytes, photoPng } from '../support/uploads.ts';
import { employerReview } from '../support/workflow.ts';
import { launchChromium } from './support/browser.ts';
import { ensureConsoleBuilt, serveConsole, type ConsoleServer } from './support/console.ts';
import { choose, errorOf, field } from './support/forms.ts';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** The API's clock; the browser's runs 9 days ahead, so that a date only the API refuses exists. */
const now = new Date('2026-12-01T10:00:00+08:00');
const browserNow = new Date('2026-12-10T10:00:00+08:00');

const newcomer = {
  idNumber: composeResidentId('650102', '1990-05-12', 'FEMALE', 217),
  name: '阿依努尔·买买提',
  phone: '13999120217',
  password: 'Tepei2027ok',
};
const returnComment = '请补充获奖证书扫描件，并核对单位联系人电话';

let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let adminToken: string;
let unit: { unitId: string; name: string; areaName: string };

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  await ensureConsoleBuilt();
  browser = await launchChromium();
  api = await startApi({ seeded: true, clock: () => now });
  server = await serveConsole(api);
  adminToken = await api.login('admin');
  const units = await api.gql<{ registrationUnits: { unitId: string; name: string; areaName: string }[] }>(applicantQueries.registrationUnits);
  unit = units.data!.registrationUnits.find((candidate) => candidate.areaName === '乌鲁木齐市')!;
}, 900_000);

/** The page a failing browser test left, saved for whoever reads the failure. */
let currentPage: Page | null = null;
afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && currentPage && !currentPage.isClosed()) await screenshot(currentPage, 'applicant-failure');
  currentPage = null;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
});

// ───────────────────────────── helpers ─────────────────────────────

async function newPage(): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.clock.setFixedTime(browserNow);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  currentPage = page;
  return page;
}

/** The whole page, scrolled to the top first so that the app bar and menu sit where users see them. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
}

async function autocomplete(page: Page, name: string, typed: string, option: string) {
  await field(page, name).fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function radio(page: Page, name: string, value: string) {
  await page.locator(`input[type="radio"][name="${name}"][value="${value}"]`).check();
}

/** The add button of an ArrayInput (work history, awards, …). */
const addButton = (page: Page, source: string) => page.locator(`.ra-input-${source}`).locator('.button-add').last();

interface StoredApplication {
  id: string;
  status: string;
  version: number;
  name: string;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  mode: string;
  unitContactPhone: string;
  awards: { awardedOn: string; name: string }[];
  workHistory: { startMonth: string; endMonth: string | null; work: string }[];
  hostPreferences: { rank: number; institution: string; mentor: string | null; hostAgreed: boolean; contactName: string | null; contactPhone: string | null }[];
  documents: { kind: string; mimeType: string; fileName: string; sizeBytes: number }[];
  classifiedItems: { kind: string; sentOfflineOn: string }[];
  reviews: { decision: string; comment: string | null }[];
  statusHistory: { fromStatus: string | null; toStatus: string }[];
  unit: { id: string; name: string };
}

async function storedApplication(): Promise<StoredApplication> {
  const user = await api.prisma.user.findUniqueOrThrow({ where: { username: newcomer.idNumber }, include: { applications: true } });
  expect(user.applications).toHaveLength(1);
  const { data, errors } = await api.gql<{ node: StoredApplication }>(
    `query($id: ID!) { node(id: $id) { ... on Application {
      id status version name ethnicity birthDate idNumber mode unitContactPhone
      awards { awardedOn name } workHistory { startMonth endMonth work }
      hostPreferences { rank institution mentor hostAgreed contactName contactPhone }
      documents { kind mimeType fileName sizeBytes } classifiedItems { kind sentOfflineOn }
      reviews { decision comment } statusHistory { fromStatus toStatus } unit { id name } } } }`,
    { id: Buffer.from(`Application:${user.applications[0]!.id}`).toString('base64') },
    adminToken,
  );
  expect(errors).toBeUndefined();
  return data!.node;
}

// ───────────────────────────── the tests ─────────────────────────────

describe('the console checks forms 2 and 3 as the API does', () => {
  const who = person(41, '1990-05-12');
  const today = '2026-12-01';
  const serverPaths = (form: Record<string, unknown>) => {
    try {
      validateApplicationForm(form as never, { today, path: [] });
      return [];
    } catch (error) {
      return (error as { problems: { path: string[]; message: string }[] }).problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`);
    }
  };
  const consolePaths = (form: Record<string, unknown>) =>
    applicationFormProblems(form as never, today).map((problem) => `${problem.path.join('.')}: ${problem.message}`);

  it.each([
    ['a complete form', {}],
    ['a wrong check character', { idNumber: `${who.idNumber.slice(0, 17)}${who.idNumber[17] === '0' ? '1' : '0'}` }],
    ['a birth date and gender the ID number contradicts', { birthDate: '1990-05-13', gender: 'MALE' }],
    ['four host preferences, one repeated', { hostPreferences: ['甲大学', '乙大学', '甲大学', '丙大学'].map((institution) => ({ institution, hostAgreed: false })) }],
    ['an agreed host without its contact', { hostPreferences: [{ institution: '北京协和医院', hostAgreed: true, contactPhone: '12345' }] }],
    ['phones, e-mail and postcode in wrong formats', { phone: '0991-1234567', unitContactPhone: '123', emergencyContactPhone: '1389912000', email: 'a@b', postcode: '84400' }],
    ['dates after today and a period ending before it starts', { awards: [{ awardedOn: '2026-12-02', name: '奖', level: '一等奖' }], workHistory: [{ startMonth: '2015-07', endMonth: '2014-01', work: '医生' }] }],
    ['an earlier trainee without year or place, and empty required fields', { earlierTrainee: true, name: '阿', studyGoals: '太短', graduateSchool: ' ', ethnicity: null }],
  ])('finds the same problems as the API in %s', (_case, overrides) => {
    const form = applicationForm(who, overrides);
    expect(serverPaths(form).length > 0, 'the API finds a problem in every broken form').toBe(Object.keys(overrides).length > 0);
    expect(consolePaths(form)).toEqual(serverPaths(form));
  });

  it('asks the API only what its schema accepts', () => {
    // The console bundles the same printed schema.
    const schema = buildSchema(readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8'));
    const documents = [...Object.values(applicantQueries).map((query) => parse(query)), ...Object.values(applicantMutations).map(mutationDocument)];
    expect(documents.flatMap((document) => validate(schema, document).map((error) => error.message))).toEqual([]);
  });
});

describe('the applicant pages', () => {
  it('let a new person register, file a complete application with a photo and evidence, and submit it', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('register-link').click();
    await page.getByTestId('register-page').waitFor();
    await field(page, 'idNumber').fill(newcomer.idNumber);
    await field(page, 'name').fill(newcomer.name);
    await field(page, 'phone').fill(newcomer.phone);
    await autocomplete(page, 'unitId', unit.name, `${unit.name}（${unit.areaName}）`);
    await field(page, 'password').fill(newcomer.password);
    await field(page, 'passwordAgain').fill(newcomer.password);
    await screenshot(page, 'applicant-register');
    await page.getByRole('button', { name: '注册并登录' }).click();

    // Signed in, on the new application, started with what the applicant registered with.
    await page.getByTestId('form-two').waitFor();
    expect(page.url()).toContain('#/myApplications/create');
    await expect.poll(() => field(page, 'name').inputValue()).toBe(newcomer.name);
    expect(await field(page, 'idNumber').inputValue()).toBe(newcomer.idNumber);
    expect(await page.getByTestId('applicant-unit').textContent()).toContain(unit.name);
    // The menu holds the applicant's own pages only.
    const menu = page.locator('.RaSidebar-fixed, .RaMenu-open, [class*="RaMenu"]').first();
    await expect.poll(() => menu.textContent()).toContain('我的申报');
    expect(await menu.textContent()).not.toContain('失信名单');

    // 学员申报表 (form 2)
    await choose(page, 'gender', '女');
    await autocomplete(page, 'ethnicity', '哈萨克', '哈萨克族');
    await field(page, 'birthDate').fill('1990-05-12');
    await choose(page, 'politicalStatus', '中共党员');
    await radio(page, 'chineseProficiency', 'FAIRLY_GOOD');
    await field(page, 'graduateSchool').fill('新疆大学');
    await choose(page, 'education', '硕士研究生');
    await field(page, 'majorStudied').fill('计算机科学与技术');
    await field(page, 'currentSpecialty').fill('软件工程');
    await field(page, 'foreignLanguage').fill('英语');
    await field(page, 'foreignLanguageLevel').fill('六级');
    await field(page, 'titleName').fill('工程师');
    await choose(page, 'titleLevel', '中级');
    await field(page, 'department').fill('信息中心');
    await field(page, 'administrativePost').fill('副主任');
    await field(page, 'unitAddress').fill('乌鲁木齐市天山区解放北路1号');
    await field(page, 'postcode').fill('830002');
    await field(page, 'email').fill('aynur@example.cn');
    await field(page, 'unitContactName').fill('王建华');
    await field(page, 'unitContactPhone').fill('0991-2822000');
    await field(page, 'emergencyContactName').fill('买买提·吐尔逊');
    await field(page, 'emergencyContactPhone').fill('13899120002');
    // The two declarations start unanswered: the applicant says 无 and 否 themselves.
    await radio(page, 'hasDisqualifyingIllness', 'false');
    await radio(page, 'earlierTrainee', 'false');
    await radio(page, 'mode', 'REMOTE');
    await field(page, 'trainingSpecialty').fill('人工智能');
    await field(page, 'workHistory.0.startMonth').fill('2015-07');
    await field(page, 'workHistory.0.endMonth').fill('2020-06');
    await field(page, 'workHistory.0.work').fill('新疆某信息技术公司软件开发');
    await field(page, 'workHistory.0.postOrTitle').fill('助理工程师');
    await addButton(page, 'workHistory').click();
    await field(page, 'workHistory.1.startMonth').fill('2020-07');
    await field(page, 'workHistory.1.work').fill('本单位信息中心系统建设');
    await addButton(page, 'awards').click();
    // A date the browser's today allows but the API's does not: the API's refusal shows at the field.
    await field(page, 'awards.0.awardedOn').fill('2026-12-05');
    await field(page, 'awards.0.name').fill('自治区科技进步奖');
    await field(page, 'awards.0.level').fill('二等奖');
    await addButton(page, 'publications').click();
    await field(page, 'publications.0.publishedOn').fill('2023-05-10');
    await field(page, 'publications.0.titleAndContent').fill('基于深度学习的维吾尔语语音识别研究');
    await field(page, 'publications.0.publisher').fill('计算机工程');
    await field(page, 'studyGoals').fill('系统学习人工智能与自然语言处理技术，返岗后建设本单位多语种智能客服系统，培养青年技术骨干。');

    // 申报培养单位志愿表 (form 3): two preferences, the first host agreed.
    await field(page, 'intendedSpecialty').fill('自然语言处理');
    await field(page, 'hostPreferences.0.institution').fill('清华大学');
    await field(page, 'hostPreferences.0.mentor').fill('孙茂松');
    await page.locator('input[name="hostPreferences.0.hostAgreed"]').check();
    await field(page, 'hostPreferences.0.contactName').fill('李明');
    await field(page, 'hostPreferences.0.contactDepartment').fill('计算机系');
    await field(page, 'hostPreferences.0.contactPost').fill('办公室主任');
    await field(page, 'hostPreferences.0.contactPhone').fill('010-62781234');
    await addButton(page, 'hostPreferences').click();
    await field(page, 'hostPreferences.1.institution').fill('北京大学');
    await field(page, 'preferenceRemarks').fill('第一志愿已征得培养单位同意接收');

    // A wrong check character is caught in the browser, at the field, before any request.
    const wrongCheck = `${newcomer.idNumber.slice(0, 17)}${newcomer.idNumber[17] === '1' ? '2' : '1'}`;
    await field(page, 'idNumber').fill(wrongCheck);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => errorOf(page, 'idNumber')).toContain('身份证号校验位不正确，请核对');
    expect(await api.prisma.application.count({ where: { idNumber: newcomer.idNumber } })).toBe(0);
    await field(page, 'idNumber').fill(newcomer.idNumber);

    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => errorOf(page, 'awards.0.awardedOn')).toContain('获奖日期不能晚于今天（2026-12-01）');
    await field(page, 'awards.0.awardedOn').fill('2022-12-01');
    await page.getByRole('button', { name: '保存草稿' }).click();

    // Saved as a draft: the edit page takes the photo, evidence and classified items.
    await page.getByTestId('documents-panel').waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/myApplications\/[^/]+$/);
    await page.getByTestId('photo-upload-input').setInputFiles({ name: '一寸照片.png', mimeType: 'image/png', buffer: photoPng() });
    await expect.poll(() => page.getByTestId('photo-name').textContent()).toContain('一寸照片');
    await page.getByTestId('evidence-title').fill('2022年自治区科技进步奖证书');
    await page.getByTestId('evidence-upload-input').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes('certificate')) });
    await expect.poll(() => page.getByTestId('evidence-list').textContent()).toContain('2022年自治区科技进步奖证书');
    await page.getByTestId('classified-date').fill('2026-11-20');
    await page.getByTestId('classified-record').click();
    await expect.poll(() => page.getByTestId('classified-items').textContent()).toContain('涉密论文或专著：2026-11-20 已线下报送');
    await screenshot(page, 'applicant-form');

    await page.getByTestId('submit-application').click();
    await page.getByRole('dialog').getByRole('button', { name: '提交申报' }).click();
    await page.getByTestId('application-summary').locator('[data-status="SUBMITTED"]').waitFor();
    await page.context().close();

    const stored = await storedApplication();
    expect(stored).toMatchObject({
      status: 'SUBMITTED',
      name: newcomer.name,
      idNumber: newcomer.idNumber,
      ethnicity: 'KAZAKH',
      birthDate: '1990-05-12',
      mode: 'REMOTE',
      unit: { name: unit.name },
      awards: [{ awardedOn: '2022-12-01', name: '自治区科技进步奖' }],
      classifiedItems: [{ kind: 'PAPER', sentOfflineOn: '2026-11-20' }],
    });
    expect(stored.workHistory.map((item) => [item.startMonth.slice(0, 7), item.endMonth?.slice(0, 7) ?? null])).toEqual([
      ['2015-07', '2020-06'],
      ['2020-07', null],
    ]);
    expect(stored.hostPreferences).toEqual([
      { rank: 1, institution: '清华大学', mentor: '孙茂松', hostAgreed: true, contactName: '李明', contactPhone: '010-62781234' },
      { rank: 2, institution: '北京大学', mentor: null, hostAgreed: false, contactName: null, contactPhone: null },
    ]);
    expect(stored.documents.map(({ kind, mimeType }) => ({ kind, mimeType })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'EVIDENCE', mimeType: 'application/pdf' },
      { kind: 'PHOTO', mimeType: 'image/png' },
    ]);
    expect(stored.documents.find((document) => document.kind === 'PHOTO')!.sizeBytes).toBe(photoPng().length);
    // Filling two whole forms takes a person's minutes, and a loaded machine's two.
  }, 300_000);

  it('show a return with the reviewer’s comment, take the correction and the resubmission, and the history', async () => {
    const submitted = await storedApplication();
    const reviewer = await api.prisma.user.findFirstOrThrow({ where: { role: 'EMPLOYER', unitId: (await api.prisma.application.findFirstOrThrow({ where: { idNumber: newcomer.idNumber } })).unitId } });
    const returned = await employerReview(api, await api.login(reviewer.username), submitted.id, submitted.version, {
      decision: 'RETURN',
      comment: returnComment,
      findings: [{ item: 'unitContactPhone', result: 'NEEDS_CORRECTION', comment: '电话无法接通' }],
    });
    expect(returned.data?.status).toBe('RETURNED_TO_APPLICANT');

    // Signing in with the ID number as the username.
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.locator('input[name="username"]').fill(newcomer.idNumber);
    await page.locator('input[name="password"]').fill(newcomer.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('welcome-card').waitFor();
    await page.goto(`${server.url}/#/myApplications`);
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().click();

    const notice = page.getByTestId('return-notice');
    await expect.poll(() => page.getByTestId('return-comment').textContent()).toBe(returnComment);
    expect(await notice.textContent()).toContain('单位联系人电话：需修改（电话无法接通）');
    // …and at the field itself, in the form.
    expect(await page.getByTestId('returned-field-unitContactPhone').textContent()).toContain('需修改：电话无法接通');
    await field(page, 'unitContactPhone').fill('0991-2822001');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByTestId('submit-application').isEnabled()).toBe(true);
    await page.getByTestId('submit-application').click();
    await page.getByRole('dialog').getByRole('button', { name: '提交申报' }).click();
    await page.getByTestId('application-summary').locator('[data-status="SUBMITTED"]').waitFor();

    // The progress tab: every status change, in Beijing time, and the reviewers' comments.
    const history = page.getByTestId('status-history');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(4);
    expect(await history.textContent()).toContain('退回申报人修改');
    expect(await page.getByTestId('reviews').textContent()).toContain(returnComment);
    expect(await history.textContent()).toContain('2026-12-01 10:00');
    await screenshot(page, 'applicant-status');

    // The English switch reaches the new labels.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('tab').first().textContent()).toBe('Progress');
    await page.context().close();

    const resubmitted = await storedApplication();
    expect(resubmitted.status).toBe('SUBMITTED');
    expect(resubmitted.unitContactPhone).toBe('0991-2822001');
    expect(resubmitted.reviews).toContainEqual({ decision: 'RETURN', comment: returnComment });
    expect(resubmitted.statusHistory.map((change) => change.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'RETURNED_TO_APPLICANT', 'SUBMITTED']);
  });
});
