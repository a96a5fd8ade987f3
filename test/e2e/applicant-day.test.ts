// An applicant's day in a real browser (issue 13 item 5), against a seeded database: the
// dashboard with status, days left and the next step; a draft saved with most fields empty and
// reopened as it was left, with birth date and gender following the ID number as it is typed; the warning before leaving unsaved
// changes (in the console and when the tab closes); a submission that lists what is missing; the
// photo on the form and the dashboard; withdrawal before selection; a returned application with
// the reviewers' findings in the form; and, after selection, abandonment whose dialog spells out
// the five-year blacklisting before anything is sent. Screenshots at 1440, 1280 and 390 wide.
import { composeResidentId } from '@tepei/db/reference/resident-id';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applicantQueries } from '../../admin/src/applicant/applicantRequests.ts';
import { applicationForm, person, type Person } from '../fixtures/programme.ts';
import { type TestApi } from '../support/api.ts';
import { photoPng, uploadSignedScans } from '../support/uploads.ts';
import { createApplication, employerReview, giveAccountTo, globalId, prefectureReview, rawIdOf, regionalDecision, registerApplicant, submitApplication } from '../support/workflow.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { choose, field } from './support/forms.ts';
import { screenshot, screenshotsAtSizes, signIn } from './support/pages.ts';

/** The API's clock: the seeded 2027 round takes applications until 2027-03-05 (94 days on). */
const now = new Date('2026-12-01T10:00:00+08:00');
/** registerApplicant's password. */
const password = 'Passw0rd2025';

/** The built console, a seeded API whose clock reads `now`, and a Chromium (support/console.ts). */
const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let unit: { unitId: string; name: string; areaName: string };

beforeAll(async () => {
  ({ api, server, browser } = consoleUnderTest);
  const units = await api.gql<{ registrationUnits: { unitId: string; name: string; areaName: string }[] }>(applicantQueries.registrationUnits);
  unit = units.data!.registrationUnits.find((candidate) => candidate.areaName === '乌鲁木齐市')!;
});

/** The page a failing test left, saved for whoever reads the failure. */
let currentPage: Page | null = null;
afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && currentPage && !currentPage.isClosed()) await screenshot(currentPage, 'applicant-day-failure');
  currentPage = null;
});

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();
/** The select's hidden input holds the value. */
const selected = (page: Page, name: string) => page.locator(`input[name="${name}"]`).first().inputValue();

async function newApplicant(sequence: number, birthDate: string, gender: 'MALE' | 'FEMALE'): Promise<Person & { token: string }> {
  const who = person(sequence, birthDate, gender, '650102');
  return { ...who, token: await registerApplicant(api, who, unit.unitId) };
}

/** Whether the page would stop the tab from closing (the browser then asks the user). */
const cancelsUnload = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

async function goToDashboard(page: Page) {
  await page.getByRole('menuitem', { name: '工作台' }).first().click();
  await page.getByTestId('applicant-card').waitFor();
}

describe("an applicant's day", () => {
  it('starts at a dashboard with the next step, saves a draft with most fields empty and reopens it as it was, warns before leaving, lists what is missing, shows the photo and withdraws', async () => {
    const who = await newApplicant(901, '1991-08-20', 'MALE');
    const page = await signIn(browser, server.url, who.idNumber, undefined, password);
    currentPage = page;

    // Nothing filed yet: the way in, the days left to the applicant deadline.
    await expect.poll(() => page.getByTestId('home-status').getAttribute('data-status')).toBe('NONE');
    expect(await text(page, 'home-next-step')).toBe('填写附件2《学员申报表》和附件3《申报培养单位志愿表》，可分次保存草稿');
    expect(await page.getByTestId('applicant-countdown').getAttribute('data-days')).toBe('94');
    expect(await text(page, 'applicant-countdown')).toContain('距个人申报截止还有 94 天');
    expect(await text(page, 'applicant-countdown')).toContain('2027-03-05 23:59');
    await screenshotsAtSizes(page, 'applicant-day-dashboard-new');

    await page.getByTestId('home-create').click();
    await page.getByTestId('form-two').waitFor();
    // Birth date and gender come from the registered ID number, and follow it as it is typed.
    await expect.poll(() => field(page, 'birthDate').inputValue()).toBe('1991-08-20');
    expect(await selected(page, 'gender')).toBe('MALE');
    await field(page, 'idNumber').fill(composeResidentId('650102', '1993-01-02', 'FEMALE', 33));
    await expect.poll(() => field(page, 'birthDate').inputValue()).toBe('1993-01-02');
    await expect.poll(() => selected(page, 'gender')).toBe('FEMALE');
    await field(page, 'idNumber').fill(who.idNumber);
    await expect.poll(() => field(page, 'birthDate').inputValue()).toBe('1991-08-20');
    await expect.poll(() => selected(page, 'gender')).toBe('MALE');

    // A draft with most fields empty — one text field typed, no choice made, the empty work
    // history row the form starts with — saves as it is: nothing left empty is a problem yet.
    await field(page, 'graduateSchool').fill('新疆大学');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('documents-panel').waitFor();
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    const draft = await api.prisma.application.findFirstOrThrow({ where: { idNumber: who.idNumber }, include: { hostPreferences: true, workHistory: true } });
    expect(draft).toMatchObject({
      status: 'DRAFT',
      graduateSchool: '新疆大学',
      majorStudied: '',
      gender: 'MALE',
      birthDate: new Date('1991-08-20T00:00:00Z'),
      ethnicity: null,
      // Unanswered, not 无/否: the form starts with neither chosen.
      hasDisqualifyingIllness: null,
      earlierTrainee: null,
      politicalStatus: null,
      chineseProficiency: null,
      education: null,
      titleLevel: null,
      mode: null,
    });
    expect(draft.workHistory).toHaveLength(0);
    expect(draft.hostPreferences).toHaveLength(0);

    // Reopened from the dashboard, it holds what was entered, and the choices are still to make.
    await goToDashboard(page);
    await page.getByTestId('home-edit').click();
    await page.getByTestId('form-two').waitFor();
    await expect.poll(() => field(page, 'graduateSchool').inputValue()).toBe('新疆大学');
    expect(await field(page, 'name').inputValue()).toBe(who.name);
    expect(await field(page, 'phone').inputValue()).toBe(who.phone);
    expect(await field(page, 'birthDate').inputValue()).toBe('1991-08-20');
    expect(await selected(page, 'gender')).toBe('MALE');
    expect(await selected(page, 'education')).toBe('');
    expect(await page.locator('input[type="radio"][name="mode"]:checked').count()).toBe(0);

    // The choices made, saved again.
    await field(page, 'ethnicity').fill('维吾尔');
    await page.getByRole('option', { name: '维吾尔族', exact: true }).click();
    await choose(page, 'politicalStatus', '群众');
    await page.locator('input[type="radio"][name="chineseProficiency"][value="GOOD"]').check();
    await choose(page, 'education', '本科');
    await choose(page, 'titleLevel', '中级');
    await page.locator('input[type="radio"][name="mode"][value="LOCAL"]').check();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(async () => (await api.prisma.application.findFirstOrThrow({ where: { idNumber: who.idNumber } })).mode).toBe('LOCAL');
    const stored = await api.prisma.application.findFirstOrThrow({ where: { idNumber: who.idNumber }, include: { hostPreferences: true } });
    expect(stored).toMatchObject({ status: 'DRAFT', graduateSchool: '新疆大学', majorStudied: '', ethnicity: 'UYGHUR', gender: 'MALE', education: 'BACHELOR', titleLevel: 'INTERMEDIATE' });
    expect(stored.hostPreferences).toHaveLength(0);
    await expect.poll(() => cancelsUnload(page)).toBe(false);

    // An unsaved change: leaving inside the console asks first, and staying keeps it.
    await field(page, 'majorStudied').fill('计算机科学与技术');
    expect(await cancelsUnload(page)).toBe(true);
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.message()), void dialog.dismiss())));
    await page.getByRole('menuitem', { name: '工作台' }).first().click();
    expect(await asked).toBe('部分修改尚未保存，确定放弃吗？');
    expect(page.url()).toContain(`#/myApplications/`);
    expect(await field(page, 'majorStudied').inputValue()).toBe('计算机科学与技术');
    // Closing or reloading the tab asks the browser's own question: the page cancels beforeunload.
    expect(await cancelsUnload(page)).toBe(true);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(async () => (await api.prisma.application.findFirstOrThrow({ where: { idNumber: who.idNumber } })).majorStudied).toBe('计算机科学与技术');
    await expect.poll(() => cancelsUnload(page)).toBe(false);

    // The 2-inch photo, shown where it was uploaded.
    await page.getByTestId('photo-upload-input').setInputFiles({ name: '一寸照片.png', mimeType: 'image/png', buffer: photoPng() });
    await expect.poll(() => page.getByTestId('documents-panel').getByTestId('applicant-photo').getAttribute('data-state')).toBe('shown');

    // Submitting the half-filled draft: every missing field is listed, nothing is sent on.
    await expect.poll(() => page.getByTestId('submit-application').isEnabled()).toBe(true);
    await page.getByTestId('submit-application').click();
    await page.getByRole('dialog').getByRole('button', { name: '提交申报' }).click();
    const missing = page.getByTestId('submit-missing');
    await missing.waitFor();
    const paths = await missing.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-path')));
    expect(paths).toEqual(expect.arrayContaining(['studyGoals', 'hostPreferences', 'unitAddress', 'emergencyContactPhone']));
    // The phone registered with and the school typed are there.
    expect(paths).not.toContain('phone');
    expect(paths).not.toContain('graduateSchool');
    expect(await missing.textContent()).toContain('单位地址：请填写单位地址');
    expect((await api.prisma.application.findFirstOrThrow({ where: { idNumber: who.idNumber } })).status).toBe('DRAFT');
    await page.getByTestId('submit-error').scrollIntoViewIfNeeded();
    await screenshotsAtSizes(page, 'applicant-day-missing', { fullPage: false, settle: () => page.getByTestId('submit-error').scrollIntoViewIfNeeded() });

    // The dashboard: the draft, its photo, the next step and the way back to it.
    await goToDashboard(page);
    await expect.poll(() => page.getByTestId('home-status').getAttribute('data-status')).toBe('DRAFT');
    expect(await text(page, 'home-status')).toContain('草稿');
    expect(await text(page, 'home-next-step')).toBe('填写附件2、附件3，上传一寸照片和证明材料，核对无误后提交申报');
    await expect.poll(() => page.getByTestId('applicant-card').getByTestId('applicant-photo').getAttribute('data-state')).toBe('shown');
    await screenshotsAtSizes(page, 'applicant-day-dashboard-draft');

    // Withdrawal before selection: a confirmation that wants the reason, then 已撤回.
    await page.getByTestId('home-open').click();
    await page.getByTestId('withdraw-application').click();
    const dialog = page.getByTestId('withdraw-dialog');
    expect(await dialog.textContent()).toContain('撤回后本申报即告结束');
    await page.getByTestId('confirm-withdraw').click();
    expect(await dialog.textContent()).toContain('请填写原因');
    await page.getByTestId('withdraw-reason').fill('工作调动，本年度不再申报');
    await screenshotsAtSizes(page, 'applicant-day-withdraw', { fullPage: false });
    await page.getByTestId('confirm-withdraw').click();
    await page.getByTestId('application-summary').locator('[data-status="WITHDRAWN"]').waitFor();
    const withdrawn = await api.prisma.application.findFirstOrThrow({ where: { idNumber: who.idNumber }, include: { statusChanges: true } });
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(withdrawn.statusChanges.find((change) => change.toStatus === 'WITHDRAWN')?.reason).toBe('工作调动，本年度不再申报');
    expect(await page.getByTestId('withdraw-application').count()).toBe(0);
    await goToDashboard(page);
    await expect.poll(() => text(page, 'home-next-step')).toBe('申报已撤回，本年度申报结束');
    await page.context().close();
  }, 300_000);

  it('shows a returned application’s findings at the parts of the form they concern, with the days left to correct it', async () => {
    const page = await signIn(browser, server.url, 'applicant2');
    currentPage = page;
    await expect.poll(() => page.getByTestId('home-status').getAttribute('data-status')).toBe('RETURNED_TO_APPLICANT');
    expect(await text(page, 'home-next-step')).toBe('按退回意见修改后重新提交');
    expect(await text(page, 'applicant-countdown')).toContain('距修改重新提交截止还有 109 天');
    await page.getByTestId('home-edit').click();
    await page.getByTestId('form-two').waitFor();
    await expect.poll(() => text(page, 'returned-part-education')).toContain('学历与职称 · 需修改：学历、学位证书扫描件不清晰，请重新上传');
    expect(await text(page, 'returned-part-workHistory')).toContain('主要工作经历第1条 · 需修改：工作经历起止时间填写不完整，请补充');
    expect(await page.locator('[data-testid^="returned-part-"]').count()).toBe(2);
    await page.getByTestId('returned-part-education').scrollIntoViewIfNeeded();
    await screenshotsAtSizes(page, 'applicant-day-returned', { fullPage: false, settle: () => page.getByTestId('returned-part-education').scrollIntoViewIfNeeded() });
    await page.context().close();
  });

  it('after selection offers only abandonment, spelling out the five-year blacklisting of applicant and unit before confirming', async () => {
    const who = await newApplicant(902, '1989-04-11', 'FEMALE');
    const created = await createApplication(api, who.token, globalId('Round', (await api.prisma.round.findFirstOrThrow({ where: { year: 2027 } })).id), applicationForm(who));
    const submitted = (await submitApplication(api, who.token, created.data!.id, created.data!.version)).data!;
    expect(submitted.serialNumber).toMatch(/^2027-650100-\d{4}$/);
    const application = await api.prisma.application.findUniqueOrThrow({ where: { id: rawIdOf(submitted.id) }, include: { area: true } });
    const employer = await api.prisma.user.findFirstOrThrow({ where: { role: 'EMPLOYER', unitId: application.unitId, disabled: false } });
    const prefecture = await api.prisma.user.findFirstOrThrow({ where: { role: 'PREFECTURE', areaId: application.areaId, disabled: false } });
    const unitToken = await api.login(employer.username);
    const prefectureToken = await api.login(prefecture.username);
    const endorsed = (await employerReview(api, unitToken, submitted.id, submitted.version, { decision: 'ENDORSE', conductConfirmed: true })).data!;
    const recommended = (await prefectureReview(api, prefectureToken, submitted.id, endorsed.version, { decision: 'RECOMMEND', conductConfirmed: true })).data!;
    await uploadSignedScans(api, { unitToken, prefectureToken, applicationId: submitted.id, roundId: globalId('Round', application.roundId), areaId: globalId('Area', application.areaId) });
    const chosen = await regionalDecision(api, await api.login('admin'), submitted.id, recommended.version, 'SELECT');
    expect(chosen.data?.status, JSON.stringify(chosen)).toBe('SELECTED');

    const page = await signIn(browser, server.url, who.idNumber, undefined, password);
    currentPage = page;
    await expect.poll(() => page.getByTestId('home-status').getAttribute('data-status')).toBe('SELECTED');
    expect(await text(page, 'home-status')).toContain(`学员编号：${submitted.serialNumber}`);
    expect(await text(page, 'home-next-step')).toBe('已成功入选：按通知参加训前培训');
    expect(await page.getByTestId('applicant-countdown').count()).toBe(0);

    await page.getByTestId('home-open').click();
    expect(await page.getByTestId('withdraw-application').count()).toBe(0);
    await page.getByTestId('abandon-application').click();
    const consequence = await text(page, 'abandon-consequence');
    expect(consequence).toContain(`申报人及派出单位（${unit.name}）均列入失信名单，5年内`);
    expect(consequence).toMatch(/至 203\d-\d{2}-\d{2}/);
    expect(await page.getByTestId('confirm-withdraw').textContent()).toBe('确认放弃，列入失信名单');
    await page.getByTestId('withdraw-reason').fill('家庭原因无法离岗一年');
    await screenshotsAtSizes(page, 'applicant-day-abandon', { fullPage: false });
    // Nothing is sent until confirmed.
    expect((await api.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe('SELECTED');
    await page.getByTestId('confirm-withdraw').click();
    await page.getByTestId('application-summary').locator('[data-status="ABANDONED"]').waitFor();
    const entries = await api.prisma.blacklistEntry.findMany({ where: { applicationId: application.id } });
    expect(entries.map((entry) => entry.reasonKind)).toEqual(expect.arrayContaining(['ABANDONMENT']));
    expect(entries.some((entry) => entry.unitId === application.unitId)).toBe(true);
    await screenshot(page, 'applicant-day-abandoned');
    await page.context().close();
  });

  it('starts the next round’s application from the last one, answering 参加过特培 from the record of the year trained', async () => {
    // A 2025 trainee with nothing yet in the open round, filed from an account (the demo data
    // keeps accounts for the open round only, so the account is registered and given the filing).
    const latest = await api.prisma.round.findFirstOrThrow({ orderBy: { year: 'desc' } });
    const trainee = await api.prisma.application.findFirstOrThrow({
      where: {
        round: { year: 2025 },
        training: { isNot: null },
        earlierTrainee: false,
        NOT: { idNumber: { in: (await api.prisma.application.findMany({ where: { roundId: latest.id }, select: { idNumber: true } })).map((row) => row.idNumber) } },
      },
      include: { training: true },
      orderBy: { id: 'asc' },
    });
    const account = await giveAccountTo(api, trainee);
    const page = await signIn(browser, server.url, account.username, undefined, password);
    currentPage = page;
    await expect.poll(() => page.getByTestId('home-status').getAttribute('data-status')).toBe('NONE');
    await page.getByTestId('home-create').click();
    await page.getByTestId('form-two').waitFor();
    expect(await text(page, 'carried-from')).toContain('已按您2025年度的申报预填');
    expect(await field(page, 'graduateSchool').inputValue()).toBe(trainee.graduateSchool);
    expect(await field(page, 'majorStudied').inputValue()).toBe(trainee.majorStudied);
    // Form 2 said 否 in 2025; the record says the applicant trained that year, and where.
    expect(await page.locator('input[name="earlierTrainee"]:checked').first().inputValue()).toBe('true');
    expect(await field(page, 'earlierTrainingYear').inputValue()).toBe('2025');
    expect(await field(page, 'earlierTrainingPlace').inputValue()).toBe(trainee.training!.hostInstitution);
    await screenshotsAtSizes(page, 'applicant-day-carried', { fullPage: false });

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('documents-panel').waitFor();
    const draft = await api.prisma.application.findFirstOrThrow({ where: { roundId: latest.id, idNumber: trainee.idNumber }, include: { hostPreferences: true } });
    expect(draft).toMatchObject({
      status: 'DRAFT',
      name: trainee.name,
      graduateSchool: trainee.graduateSchool,
      earlierTrainee: true,
      earlierTrainingYear: 2025,
      earlierTrainingPlace: trainee.training!.hostInstitution,
    });
    // The hosts' agreement was for 2025: asked again.
    expect(draft.hostPreferences.every((preference) => !preference.hostAgreed)).toBe(true);
    await page.context().close();
  });
});
