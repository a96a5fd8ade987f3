// 训前培训 and the start of training in a real browser (issue 14, round lifecycle), on the demo
// data and a 2026 round in its orientation phase whose placement is confirmed
// (fixtures/placement.ts): the regional admin opens 训前培训与开始培养 from the menu, schedules a
// session, records the attendance of the checked trainees (one refused, as a trainee changed
// meanwhile, and listed with the API's words), records the refused one from its application
// page, then starts the training of the checked trainees at the hosts of the placement, and the
// last one from its page. Screenshots at three sizes go to test/artifacts/.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrangeOrientationRound, type OrientationRound } from '../fixtures/placement.ts';
import type { TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { screenshot, screenshotsAtSizes, settled, signIn, windowSizes } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const patiently = { timeout: 20_000 };
const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let round: OrientationRound;
let names: string[];

beforeAll(async () => {
  ({ api, server, browser } = consoleUnderTest);
  round = await arrangeOrientationRound(api.prisma);
  const trainees = await api.prisma.application.findMany({ where: { id: { in: round.applicationIds } }, select: { id: true, name: true } });
  names = round.applicationIds.map((id) => trainees.find((trainee) => trainee.id === id)!.name);
  page = await signIn(browser, server.url, 'admin');
  await page.clock.setFixedTime(now);
});

const row = (name: string) => page.getByTestId('trainee-table').locator('tr', { hasText: name });
const statusOf = async (index: number) => (await api.prisma.application.findUniqueOrThrow({ where: { id: round.applicationIds[index]! } })).status;
const applicationPage = (index: number) => `${server.url}/#/applications/${encodeURIComponent(globalId('Application', round.applicationIds[index]!))}/show`;

describe('训前培训与开始培养', () => {
  it('opens from the menu on the round in its orientation phase, with its trainees and their confirmed hosts', async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('menuitem', { name: '训前培训与开始培养' }).click();
    await page.getByTestId('orientation-page').waitFor(patiently);
    await expect.poll(() => page.getByTestId('orientation-round').textContent(), patiently).toContain('2026年度（训前培训）');
    await expect.poll(() => page.getByTestId('trainee-table').locator('tbody tr').count(), patiently).toBe(3);
    expect(await row(names[0]!).textContent()).toContain('北京协和医院');
    expect(await row(names[2]!).textContent()).toContain('四川大学华西医院');
    expect(await page.getByTestId('orientation-sessions').textContent()).toContain('本年度尚未安排训前培训');
  });

  it('schedules a session, asked in a dialog first', async () => {
    await page.getByTestId('add-session').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('session-save').isDisabled()).toBe(true);
    await page.getByTestId('session-title').fill('2026年度特培学员训前培训');
    await page.getByTestId('session-held-on').fill('20260520');
    expect(await page.getByTestId('session-held-on').inputValue()).toBe('2026-05-20');
    await page.getByTestId('session-place').fill('乌鲁木齐市');
    await screenshotsAtSizes(page, 'orientation-session-dialog', { fullPage: false, settle: () => settled(page) });
    await page.getByTestId('session-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('orientation-sessions').textContent(), patiently).toContain('2026年度特培学员训前培训');
    const session = await api.prisma.orientationSession.findFirstOrThrow({ where: { roundId: round.roundId } });
    expect(session).toMatchObject({ title: '2026年度特培学员训前培训', place: '乌鲁木齐市', heldOn: new Date('2026-05-20T00:00:00Z') });
    expect((await api.prisma.auditRecord.findFirstOrThrow({ where: { operation: 'createOrientationSession' }, orderBy: { id: 'desc' } })).result).toBe('SUCCESS');
  });

  it('records the attendance of the checked trainees one by one, listing the one the API refused', async () => {
    // The third trainee's application changes behind the page: its version no longer matches.
    await api.prisma.application.update({ where: { id: round.applicationIds[2]! }, data: { version: { increment: 1 } } });
    for (const name of names) await row(name).locator('input[type="checkbox"]').check();
    expect(await page.getByTestId('bulk-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('bulk-orientation').textContent()).toContain('登记参加训前培训（3）');
    await page.getByTestId('bulk-orientation').click();
    const dialog = page.getByTestId('training-step-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('training-step-trainees').textContent()).toContain(names[1]!);
    // The round's only session is chosen already; nothing is sent before 确认.
    expect(await page.getByTestId('training-step-session').textContent()).toContain('2026年度特培学员训前培训');
    expect(await statusOf(0)).toBe('SELECTED');
    await page.getByTestId('training-step-confirm').click();
    const result = page.getByTestId('training-step-result');
    await expect.poll(() => result.getAttribute('data-failed'), patiently).toBe('1');
    expect(await result.getAttribute('data-succeeded')).toBe('2');
    const failures = (await page.getByTestId('training-step-failures').textContent())!;
    expect(failures).toContain(names[2]!);
    await settled(page);
    await screenshot(page, 'orientation-bulk-result', { fullPage: false });
    await page.getByTestId('training-step-close').click();
    await dialog.waitFor({ state: 'detached' });

    const session = await api.prisma.orientationSession.findFirstOrThrow({ where: { roundId: round.roundId } });
    const attended = await api.prisma.orientationAttendance.findMany({ where: { sessionId: session.id } });
    expect(attended.map((attendance) => attendance.applicationId).sort()).toEqual(round.applicationIds.slice(0, 2).sort());
    expect([await statusOf(0), await statusOf(1), await statusOf(2)]).toEqual(['ORIENTATION_ATTENDED', 'ORIENTATION_ATTENDED', 'SELECTED']);
    await expect.poll(() => row(names[0]!).textContent(), patiently).toContain('2026年度特培学员训前培训');
    expect(await api.prisma.auditRecord.count({ where: { operation: 'recordOrientation', result: 'SUCCESS' } })).toBe(2);
  });

  it('records the refused one from its application page', async () => {
    await page.goto(applicationPage(2));
    const panel = page.getByTestId('training-panel');
    await panel.waitFor(patiently);
    expect(await page.getByTestId('training-orientation').textContent()).toBe('—');
    await page.getByTestId('record-orientation').click();
    await page.getByTestId('training-step-dialog').waitFor();
    await page.getByTestId('training-step-confirm').click();
    await expect.poll(() => page.getByTestId('training-step-result').getAttribute('data-succeeded'), patiently).toBe('1');
    await page.getByTestId('training-step-close').click();
    await expect.poll(() => page.getByTestId('training-orientation').textContent(), patiently).toContain('2026年度特培学员训前培训');
    expect(await statusOf(2)).toBe('ORIENTATION_ATTENDED');
    expect(await api.prisma.orientationAttendance.count({ where: { applicationId: round.applicationIds[2]! } })).toBe(1);
    // The next step is offered where the first was.
    await page.getByTestId('start-training').waitFor(patiently);
    // The panel in the window (the whole page is the long form below it).
    await screenshotsAtSizes(page, 'orientation-panel', { fullPage: false, settle: () => panel.scrollIntoViewIfNeeded().then(() => settled(page)) });
  });

  it('starts the training of the checked trainees at the hosts and mentors of the placement', async () => {
    // The menu stored closed, as a phone's user finds it: open, it would be a drawer over the page at 390 px.
    await page.evaluate(() => localStorage.setItem('RaStore.sidebar.open', 'false'));
    await page.goto(`${server.url}/#/orientation?round=${encodeURIComponent(globalId('Round', round.roundId))}`);
    await page.reload();
    await expect.poll(() => page.getByTestId('trainee-table').locator('tbody tr').count(), patiently).toBe(3);
    for (const name of names.slice(0, 2)) await row(name).locator('input[type="checkbox"]').check();
    // The dialog at each window size (on a phone the rows are a list, still checked).
    const dialog = page.getByTestId('training-step-dialog');
    for (const size of windowSizes) {
      await page.setViewportSize(size);
      await page.getByTestId('bulk-start').first().click();
      await dialog.waitFor();
      await settled(page);
      await screenshot(page, `orientation-start-dialog-${size.width}x${size.height}`, { fullPage: false });
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('bulk-start').first().click();
    expect(await page.getByTestId('training-step-trainees').textContent()).toContain('北京协和医院');
    // The placement's planned start is offered; the actual one is typed.
    expect(await page.getByTestId('training-step-date').inputValue()).toBe('2026-06-01');
    await page.getByTestId('training-step-date').fill('2026-06-03');
    await page.getByTestId('training-step-confirm').click();
    await expect.poll(() => page.getByTestId('training-step-result').getAttribute('data-succeeded'), patiently).toBe('2');
    expect(await page.getByTestId('training-step-result').getAttribute('data-failed')).toBe('0');
    await page.getByTestId('training-step-close').click();
    await dialog.waitFor({ state: 'detached' });

    for (const index of [0, 1]) {
      expect(await statusOf(index)).toBe('IN_TRAINING');
      const record = await api.prisma.trainingRecord.findUniqueOrThrow({ where: { applicationId: round.applicationIds[index]! }, include: { host: true } });
      expect(record).toMatchObject({ hostInstitution: '北京协和医院', mentor: `导师${index + 1}`, startedOn: new Date('2026-06-03T00:00:00Z'), plannedEndOn: new Date('2027-06-03T00:00:00Z') });
      expect(record.host?.name).toBe('北京协和医院');
    }
    await expect.poll(() => row(names[0]!).textContent(), patiently).toContain('2026-06-03');
    // The checked rows' toolbar gone (it slides away once the rows are unchecked).
    await screenshotsAtSizes(page, 'orientation-page', { settle: () => page.getByTestId('trainee-table').first().waitFor().then(() => settled(page)) });
  });

  it('starts the last trainee’s training from its application page, at the host it was moved to', async () => {
    await page.goto(applicationPage(2));
    await page.getByTestId('start-training').click();
    await page.getByTestId('training-step-dialog').waitFor();
    expect(await page.getByTestId('training-step-trainees').textContent()).toContain('四川大学华西医院');
    await page.getByTestId('training-step-confirm').click();
    await expect.poll(() => page.getByTestId('training-step-result').getAttribute('data-succeeded'), patiently).toBe('1');
    await page.getByTestId('training-step-close').click();
    // Completion belongs to the training phase: in orientation the page says when it comes instead of offering it.
    await page.getByTestId('step-closed-completeTraining').waitFor(patiently);
    expect(await page.getByTestId('step-closed-completeTraining').textContent()).toBe('2026年度当前为“训前培训”阶段；登记结业在“培养中”阶段进行。');
    expect(await page.getByTestId('complete-training').count()).toBe(0);
    expect(await statusOf(2)).toBe('IN_TRAINING');
    const record = await api.prisma.trainingRecord.findUniqueOrThrow({ where: { applicationId: round.applicationIds[2]! } });
    expect(record).toMatchObject({ hostInstitution: '四川大学华西医院', mentor: '导师3', startedOn: new Date('2026-06-01T00:00:00Z') });
    expect(await api.prisma.auditRecord.count({ where: { operation: 'startTraining', result: 'SUCCESS' } })).toBe(3);
  });
});
