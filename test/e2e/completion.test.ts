// 结业 in a real browser (issue 14 item 5) on the demo data: the regional admin opens a trainee
// still in training, records the completion as 合格 and gets the certificate number, downloads the
// certificate; the round's completion list downloads from the rounds list; signed out, anyone
// checks the number on the public page (the holder's surname only) and a wrong number is not
// found. Screenshots at three sizes go to test/artifacts/.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';
import { firstSheet, pdfPages } from '../support/downloaded-files.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { downloadBy, screenshot, screenshotsAtSizes, signIn, windowSizes } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;

beforeAll(() => {
  ({ api, server, browser } = consoleUnderTest);
});

let certificateNumber = '';
let holderName = '';

describe('the regional admin records a completion', () => {
  it('on the trainee’s page: 登记结业 as 合格 gives the next certificate number, and the certificate downloads', async () => {
    const trainee = await api.prisma.application.findFirstOrThrow({ where: { status: 'IN_TRAINING', round: { year: 2025 } }, orderBy: { id: 'asc' } });
    holderName = trainee.name;
    const page = await signIn(browser, server.url, 'admin');
    await page.clock.setFixedTime(now);
    await page.goto(`${server.url}/#/applications/${encodeURIComponent(globalId('Application', trainee.id))}/show`);
    const panel = page.getByTestId('training-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('培养单位');
    // The dialog at each window size, opened there (a phone's layout is another page's).
    const dialog = page.getByRole('dialog');
    for (const size of windowSizes) {
      await page.setViewportSize(size);
      await page.getByTestId('complete-training').click();
      await dialog.waitFor();
      await screenshot(page, `completion-dialog-${size.width}x${size.height}`);
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('complete-training').click();
    expect(await dialog.textContent()).toContain('系统按年度顺序编发结业证书编号');
    // Nothing to confirm before an assessment is chosen.
    expect(await page.getByTestId('completion-confirm').isDisabled()).toBe(true);
    await page.getByTestId('completion-date').fill('2026-11-30');
    await page.getByTestId('assessment-QUALIFIED').check();
    await page.getByTestId('completion-confirm').click();

    await expect.poll(() => page.getByTestId('certificate-number').textContent()).toMatch(/^XJTP-2025-\d{4}$/);
    certificateNumber = (await page.getByTestId('certificate-number').textContent())!;
    const stored = await api.prisma.trainingRecord.findUniqueOrThrow({ where: { applicationId: trainee.id } });
    expect(stored).toMatchObject({ assessment: 'QUALIFIED', certificateNumber, completedOn: new Date('2026-11-30T00:00:00Z') });
    expect(await page.getByTestId('complete-training').count()).toBe(0);

    const { download, bytes } = await downloadBy(page, () => page.getByTestId('certificate-download').click());
    expect(download.suggestedFilename()).toBe(`结业证书-${certificateNumber}-${trainee.name}.pdf`);
    const [certificate] = await pdfPages(new Uint8Array(bytes));
    expect(certificate!.text.replace(/\s+/g, '')).toContain(`证书编号：${certificateNumber}`);
    await screenshotsAtSizes(page, 'completion-panel', { settle: () => panel.waitFor() });
    await page.context().close();
  });

  it('downloads the round’s completion list from the rounds list, the new completion in it', async () => {
    const page = await signIn(browser, server.url, 'admin');
    await page.goto(`${server.url}/#/rounds`);
    const { download, bytes } = await downloadBy(page, () => page.getByTestId('completion-list-2025').first().click());
    expect(download.suggestedFilename()).toBe('2025年结业名单.xlsx');
    const sheet = await firstSheet(new Uint8Array(bytes));
    const numbers: string[] = [];
    sheet.eachRow((row, index) => {
      if (index > 2) numbers.push(String(row.getCell(2).value));
    });
    expect(numbers).toContain(certificateNumber);
    await page.context().close();
  });
});

describe('checking a certificate, signed out', () => {
  async function verifyPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('verify-link').click();
    await page.getByTestId('verify-page').waitFor();
    return page;
  }

  it('confirms the number with the holder’s surname only, and says a wrong number is not found', async () => {
    const page = await verifyPage();
    await page.getByTestId('verify-number').fill(certificateNumber.toLowerCase());
    await page.getByTestId('verify-submit').click();
    const found = page.getByTestId('verify-found');
    await found.waitFor();
    const text = (await found.textContent())!;
    expect(text).toContain('该证书真实有效');
    expect(text).toContain(`${[...holderName][0]}＊＊`);
    expect(text).not.toContain(holderName);
    expect(text).toContain('2025');
    expect(page.url()).toContain(`number=${certificateNumber.toLowerCase()}`);
    await screenshotsAtSizes(page, 'certificate-verify', { settle: () => found.waitFor() });

    await page.getByTestId('verify-number').fill('XJTP-2025-9999');
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.getByTestId('verify-not-found').textContent()).toContain('未查到编号为 XJTP-2025-9999 的结业证书');
    await page.getByTestId('verify-number').fill('2025-0001');
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.getByTestId('verify-error').textContent()).toContain('XJTP-年份-序号');
    await page.context().close();
  });

  it('opens a shared link with the number already checked', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/verify?number=${certificateNumber}`);
    await expect.poll(() => page.getByTestId('verify-found').textContent()).toContain(certificateNumber);
    await context.close();
  });
});

describe('a trainee of an earlier round applying again', () => {
  it('shows reviewers the earlier round, host and assessment on record, and that form 2 denies it', async () => {
    // A 2025 trainee's ID number on a submitted application of the open round, declared 未参加过.
    const earlier = await api.prisma.application.findFirstOrThrow({
      where: { round: { year: 2025 }, training: { isNot: null } },
      include: { training: true },
      orderBy: { id: 'desc' },
    });
    const latest = await api.prisma.round.findFirstOrThrow({ orderBy: { year: 'desc' } });
    const again = await api.prisma.application.findFirstOrThrow({ where: { roundId: latest.id, status: 'SUBMITTED' }, orderBy: { id: 'asc' } });
    await api.prisma.application.update({
      where: { id: again.id },
      data: { idNumber: earlier.idNumber, earlierTrainee: false, earlierTrainingYear: null, earlierTrainingPlace: null },
    });
    const page = await signIn(browser, server.url, 'admin');
    await page.clock.setFixedTime(now);
    await page.goto(`${server.url}/#/applications/${encodeURIComponent(globalId('Application', again.id))}/show`);
    const panel = page.getByTestId('earlier-participations');
    await panel.waitFor();
    const text = (await panel.textContent())!;
    expect(text).toContain('2025年度');
    expect(text).toContain(earlier.training!.hostInstitution);
    expect(await page.getByTestId('earlier-declared-no').textContent()).toContain('未参加过特培');
    await screenshotsAtSizes(page, 'earlier-participations', { settle: () => panel.waitFor() });

    // An application with no earlier selection shows no such panel.
    const other = await api.prisma.application.findFirstOrThrow({ where: { roundId: latest.id, status: 'SUBMITTED', id: { not: again.id } }, orderBy: { id: 'desc' } });
    const answered = page.waitForResponse((response) => response.request().postData()?.includes('query ApplicationLifecycle') === true);
    await page.goto(`${server.url}/#/applications/${encodeURIComponent(globalId('Application', other.id))}/show`);
    await answered;
    await page.getByText('推荐条件核验').first().waitFor();
    expect(await page.getByTestId('earlier-participations').count()).toBe(0);
    await page.context().close();
  });
});
