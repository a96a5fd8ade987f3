// Issue 14 in a real browser on the demo data (API clock 2026-12-01 10:00 Beijing): the regional
// admin creates the next year's round from the form pre-filled with the last round's settings
// and sees it in preparation with the next step offered; then, on a round in its placement
// phase, proposes a placement, moves a trainee by hand with a reason and confirms it.
// Screenshots at the three window sizes go to test/artifacts/.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrangePlacementRound } from '../fixtures/placement.ts';
import { type TestApi } from '../support/api.ts';
import { giveAccountTo, globalId } from '../support/workflow.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { screenshotsAtSizes, signIn } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const patiently = { timeout: 20_000 };

/** The built console, a seeded API whose clock reads `now`, and a Chromium (support/console.ts). */
const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ api, server, browser } = consoleUnderTest);
  page = await signIn(browser, server.url, 'admin');
  await page.clock.setFixedTime(now);
});

describe('the next round', () => {
  it('is created from the form pre-filled with the last round a year on, in preparation', async () => {
    const latest = await api.prisma.round.findFirstOrThrow({ orderBy: { year: 'desc' } });
    const year = latest.year + 1;
    await page.goto(`${server.url}/#/rounds/create`);
    await expect.poll(() => page.getByTestId('round-year').inputValue(), patiently).toBe(String(year));
    expect(await page.getByTestId('round-applicationDeadline').inputValue()).toBe(`${year}-03-05`);
    expect(await page.getByTestId('round-ageCutoffDate').inputValue()).toBe(`${year - 45}-01-01`);
    expect(await page.getByTestId('round-remotePlaces').inputValue()).toBe(String(latest.remotePlaces));
    await page.getByTestId('round-noticeNumber').fill(`新人社函〔${year}〕1号`);
    await screenshotsAtSizes(page, 'round-create', { fullPage: false });
    await page.getByTestId('round-create-save').click();
    await page.getByTestId('round-phase-actions').waitFor(patiently);
    expect(await page.locator('[data-testid="round-phase-actions"] [data-current]').textContent()).toBe('筹备中');
    expect(await page.getByTestId('advance-phase').textContent()).toContain('个人申报中');
    const created = await api.prisma.round.findUniqueOrThrow({ where: { year } });
    expect(created).toMatchObject({ stage: 'PREPARING', noticeNumber: `新人社函〔${year}〕1号` });
    // Publishing waits for the current round's applications and recommendations to end.
    await page.getByTestId('advance-phase').click();
    await page.getByTestId('advance-confirm').click();
    await expect.poll(() => page.getByTestId('advance-error').textContent(), patiently).toContain('仍在申报或审核推荐中');
  });
});

describe('placement', () => {
  let roundId: string;

  beforeAll(async () => {
    ({ roundId } = await arrangePlacementRound(api.prisma));
  });

  it('is proposed, moved by hand with a reason and confirmed', async () => {
    await page.goto(`${server.url}/#/placement?round=${encodeURIComponent(globalId('Round', roundId))}`);
    await page.getByTestId('propose-placement').click();
    await expect.poll(() => page.getByTestId('placement-summary').textContent(), patiently).toContain('已分配 2 名，未分配 1 名');
    expect(await page.getByTestId('placement-table').textContent()).toContain('所填志愿名额已满');
    await screenshotsAtSizes(page, 'placement-proposal', { fullPage: false });

    const unplaced = page.getByTestId('placement-table').locator('tr', { hasText: '未分配' }).getByRole('button');
    await unplaced.click();
    await page.getByTestId('move-host').click();
    await page.getByRole('option', { name: /四川大学华西医院/ }).click();
    await page.getByTestId('move-reason').fill('第一志愿名额已满，经华西医院同意接收');
    await screenshotsAtSizes(page, 'placement-move', { fullPage: false });
    await page.getByTestId('move-save').click();
    await expect.poll(() => page.getByTestId('placement-summary').textContent(), patiently).toContain('已分配 3 名，未分配 0 名');

    await page.getByTestId('confirm-placement').click();
    await page.getByTestId('placement-starts-on').fill('2026-06-01');
    await page.getByTestId('confirm-placement-ok').click();
    await expect.poll(() => page.getByTestId('placement-summary').textContent(), patiently).toContain('分配已确认');
    expect(await api.prisma.trainingRecord.count({ where: { application: { roundId } } })).toBe(3);
    const moved = await api.prisma.auditRecord.findFirstOrThrow({ where: { operation: 'movePlacement' }, orderBy: { id: 'desc' } });
    expect(moved.result).toBe('SUCCESS');
    await screenshotsAtSizes(page, 'placement-confirmed', { fullPage: false });
  });

  it('shows the trainee their host, mentor and dates once confirmed', async () => {
    // One of the trainees, signed in with an account of their own (the fixture's applications were filed without one).
    const trainee = await api.prisma.application.findFirstOrThrow({ where: { roundId }, include: { training: true }, orderBy: { id: 'asc' } });
    const account = await giveAccountTo(api, trainee);
    const own = await signIn(consoleUnderTest.browser, server.url, account.username, undefined, 'Passw0rd2025');
    await own.goto(`${server.url}/#/myApplications/${encodeURIComponent(globalId('Application', trainee.id))}/show`);
    const panel = own.getByTestId('training-panel');
    await panel.waitFor(patiently);
    const text = (await panel.textContent())!;
    expect(text).toContain(trainee.training!.hostInstitution);
    expect(text).toContain('2026-06-01');
    await screenshotsAtSizes(own, 'placement-trainee', { fullPage: false, settle: () => panel.waitFor() });
    await own.context().close();
  });
});
