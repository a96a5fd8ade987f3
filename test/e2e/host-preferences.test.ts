// Form 3's hosts from 培养单位名录 in a real browser (issue 14 item 2), against the seeded
// registry: an applicant training in another province (异地培养) is offered the hosts outside
// Xinjiang with their province, picks one with the keyboard and one of its listed mentors, types
// a host the registry does not list (the row says the regional bureau will decide on it), and
// saves the draft: the listed host's preference is linked to the registry, the other is a pending
// proposal. A Xinjiang host typed in by hand is not offered, is marked in the row, and the API's
// refusal of it shows at the field. Screenshots at 1440, 1280 and 390 wide.
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applicantQueries } from '../../admin/src/applicant/applicantRequests.ts';
import { person } from '../fixtures/programme.ts';
import { type TestApi } from '../support/api.ts';
import { registerApplicant } from '../support/workflow.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { errorOf, field } from './support/forms.ts';
import { screenshot, screenshotsAtSizes, signIn } from './support/pages.ts';

/** The API's clock: the seeded 2027 round takes applications. */
const now = new Date('2026-12-01T10:00:00+08:00');
/** registerApplicant's password. */
const password = 'Passw0rd2025';
const unlistedHost = '上海市第六人民医院';

const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let unitId: string;

beforeAll(async () => {
  ({ api, server, browser } = consoleUnderTest);
  const units = await api.gql<{ registrationUnits: { unitId: string; areaName: string }[] }>(applicantQueries.registrationUnits);
  unitId = units.data!.registrationUnits.find((candidate) => candidate.areaName === '乌鲁木齐市')!.unitId;
});

let currentPage: Page | null = null;
afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && currentPage && !currentPage.isClosed()) await screenshot(currentPage, 'host-preferences-failure');
  currentPage = null;
});

const institution = (page: Page, row: number) => field(page, `hostPreferences.${row}.institution`);
const mentor = (page: Page, row: number) => field(page, `hostPreferences.${row}.mentor`);
const suggestions = (page: Page) => page.getByRole('listbox').getByRole('option');

describe('form 3 picks its hosts from the registry', () => {
  it('offers the hosts of the mode with their mentors, links a listed host, proposes an unlisted one and shows the refusal of a host of the other mode at its field', async () => {
    const listed = await api.prisma.hostInstitution.findUniqueOrThrow({ where: { name: '北京协和医院' } });
    const inXinjiang = await api.prisma.hostInstitution.findUniqueOrThrow({ where: { name: '新疆医科大学第一附属医院' } });
    expect(listed.mentors.length).toBeGreaterThan(1);
    expect(await api.prisma.hostInstitution.count({ where: { name: unlistedHost } })).toBe(0);

    const who = person(951, '1990-03-14', 'FEMALE', '650102');
    await registerApplicant(api, who, unitId);
    const page = await signIn(browser, server.url, who.idNumber, undefined, password);
    currentPage = page;
    await page.getByTestId('home-create').click();
    await page.getByTestId('form-three').waitFor();
    await page.locator('input[type="radio"][name="mode"][value="REMOTE"]').check();

    // 异地培养: typing part of a name offers the listed hosts outside Xinjiang, each with its province.
    await institution(page, 0).fill('医院');
    await expect.poll(() => suggestions(page).allTextContents()).toContain('北京协和医院 北京市');
    const offered = await suggestions(page).allTextContents();
    expect(offered.some((text) => text.includes('新疆'))).toBe(false);
    // The province finds hosts too; the keyboard picks one, spelt as the registry spells it.
    await institution(page, 0).fill('北京市');
    await expect.poll(() => suggestions(page).allTextContents()).toContain('北京协和医院 北京市');
    await screenshotsAtSizes(page, 'host-preferences-suggestions', { fullPage: false, settle: () => institution(page, 0).scrollIntoViewIfNeeded() });
    // The screenshots resize the page, which may close the list: open it again at the input, then
    // step down until the keyboard's highlight is on the host (not a count of presses from a list
    // that may have closed or reflowed meanwhile).
    await institution(page, 0).focus();
    await institution(page, 0).press('End');
    await expect.poll(() => suggestions(page).allTextContents()).toContain('北京协和医院 北京市');
    const highlighted = page.getByRole('listbox').locator('[role="option"].Mui-focused');
    for (let step = 0; step < 20 && (await highlighted.count() === 0 || (await highlighted.textContent()) !== '北京协和医院 北京市'); step++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await highlighted.textContent()).toBe('北京协和医院 北京市');
    await page.keyboard.press('Enter');
    expect(await institution(page, 0).inputValue()).toBe('北京协和医院');
    expect(await errorOf(page, 'hostPreferences.0.institution')).toBe('名录内单位（北京市）');

    // The mentor input offers that host's listed mentors, and only them.
    await mentor(page, 0).click();
    await expect.poll(async () => (await suggestions(page).allTextContents()).sort()).toEqual([...listed.mentors].sort());
    await suggestions(page).filter({ hasText: listed.mentors[1]! }).click();
    expect(await mentor(page, 0).inputValue()).toBe(listed.mentors[1]);

    // A second preference names a host the registry does not list: allowed, and the row says what follows.
    await page.getByTestId('form-three').getByRole('button', { name: '添加' }).click();
    await institution(page, 1).fill(unlistedHost);
    await page.keyboard.press('Escape');
    expect(await errorOf(page, 'hostPreferences.1.institution')).toBe('名录外单位，保存后将报自治区人社厅审核是否列入名录');
    await institution(page, 1).scrollIntoViewIfNeeded();
    await screenshotsAtSizes(page, 'host-preferences-rows', { fullPage: false, settle: () => institution(page, 1).scrollIntoViewIfNeeded() });

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('documents-panel').waitFor();
    const saved = await api.prisma.application.findFirstOrThrow({ where: { idNumber: who.idNumber }, include: { hostPreferences: { orderBy: { rank: 'asc' } } } });
    expect(saved.hostPreferences.map(({ rank, institution, mentor, hostInstitutionId }) => ({ rank, institution, mentor, hostInstitutionId }))).toEqual([
      { rank: 1, institution: '北京协和医院', mentor: listed.mentors[1], hostInstitutionId: listed.id },
      { rank: 2, institution: unlistedHost, mentor: null, hostInstitutionId: null },
    ]);
    expect(await api.prisma.hostProposal.findUniqueOrThrow({ where: { name: unlistedHost } })).toMatchObject({ status: 'PENDING', hostInstitutionId: null });

    // A Xinjiang host is not offered for 异地培养; typed in full it is marked, and the API's refusal shows at the field.
    await institution(page, 1).fill('新疆医科大学');
    expect(await suggestions(page).count()).toBe(0);
    const otherMode = `${inXinjiang.name}位于新疆维吾尔自治区：异地培养须选择新疆以外的培养单位`;
    await institution(page, 1).fill(inXinjiang.name);
    await page.keyboard.press('Escape');
    expect(await errorOf(page, 'hostPreferences.1.institution')).toBe(otherMode);
    expect(await institution(page, 1).getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => institution(page, 1).getAttribute('aria-invalid')).toBe('true');
    expect(await errorOf(page, 'hostPreferences.1.institution')).toBe(otherMode);
    await page.getByTestId('save-error').waitFor();
    const unchanged = await api.prisma.hostPreference.findMany({ where: { applicationId: saved.id }, orderBy: { rank: 'asc' } });
    expect(unchanged.map((preference) => preference.institution)).toEqual(['北京协和医院', unlistedHost]);
    await institution(page, 1).scrollIntoViewIfNeeded();
    await screenshotsAtSizes(page, 'host-preferences-refused', { fullPage: false, settle: () => institution(page, 1).scrollIntoViewIfNeeded() });

    // 当地培养 offers the Xinjiang hosts instead, and the listed host outside Xinjiang is now the one marked.
    await page.locator('input[type="radio"][name="mode"][value="LOCAL"]').check();
    expect(await errorOf(page, 'hostPreferences.0.institution')).toBe('北京协和医院位于北京市：当地培养须选择新疆境内的培养单位');
    await institution(page, 1).fill('新疆医科大学');
    await expect.poll(() => suggestions(page).allTextContents()).toContain(`${inXinjiang.name} 新疆维吾尔自治区`);
  });
});
