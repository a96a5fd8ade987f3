// Issue 13 in a real browser on the demo data, the API's clock fixed at 2026-12-01 10:00 (Beijing)
// and the browser's clock set to the same instant. Round settings: a saved deadline is what the
// edit page shows when opened again, and saving another setting keeps it; a change that closes
// a phase asks for confirmation naming the phase; a passed deadline is extended again (reopening
// the phase), which the audit log holds; quotas stay editable while the selection runs after
// recommendations closed. Reviewers: required fields marked, decisions disabled with a banner
// after the deadline, the remaining places in the selection dialog, 下一份 after a decision,
// lists opening on the current round with a round select. Screenshots at 1440×900, 1280×720
// and 390×844 go to test/artifacts/.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApi } from '../support/api.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { screenshotsAtSizes, signIn } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
/** The console refetches after a change while the machine is busy with other tests: wait up to 20 s. */
const patiently = { timeout: 20_000 };

/** The built console, a seeded API whose clock reads `now`, and a Chromium (support/console.ts). */
const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let adminToken: string;
let round: { id: string; year: number; name: string };
const pages: Page[] = [];

beforeAll(async () => {
  ({ api, server, browser } = consoleUnderTest);
  adminToken = await api.login('admin');
  round = (await gql<{ currentRound: typeof round }>('{ currentRound { id year name } }')).currentRound;
});

async function gql<Data>(query: string, variables: Record<string, unknown> = {}, token = adminToken): Promise<Data> {
  const response = await api.gql<Data>(query, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** Signed in as `username`, the browser's clock at the API's. */
async function open(username: string): Promise<Page> {
  const page = await signIn(browser, server.url, username);
  await page.clock.setFixedTime(now);
  pages.push(page);
  return page;
}

interface RoundState {
  applicationDeadline: string;
  recommendationDeadline: string;
  ageCutoffDate: string;
  isOpenForApplications: boolean;
  isOpenForRecommendations: boolean;
  isFinished: boolean;
}

async function roundState(): Promise<RoundState> {
  const data = await gql<{ node: RoundState }>(
    'query($id: ID!) { node(id: $id) { ... on Round { applicationDeadline recommendationDeadline ageCutoffDate isOpenForApplications isOpenForRecommendations isFinished } } }',
    { id: round.id },
  );
  return data.node;
}

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

async function openEdit(page: Page) {
  await page.goto(`${server.url}/#/rounds`);
  await page.getByTestId(`edit-round-${round.year}`).click();
  await page.getByTestId('round-applicationDeadline').waitFor();
}

/** Saves the form behind its confirmation; returns the confirmation's text. */
async function saveRound(page: Page, shot?: string): Promise<string> {
  await page.getByTestId('round-save').click();
  const confirm = page.getByTestId('round-confirm');
  await confirm.waitFor();
  const text = (await page.getByRole('dialog').textContent()) ?? '';
  if (shot) await screenshotsAtSizes(page, shot, { fullPage: false });
  await page.getByRole('dialog').getByRole('button').last().click();
  await page.getByTestId('round-list').waitFor();
  return text;
}

describe('round settings', () => {
  it('shows a saved deadline when the edit page is opened again, and saving another setting keeps it', async () => {
    const page = await open('admin');
    await openEdit(page);
    expect(await page.getByTestId('round-applicationDeadline').inputValue()).toBe(`${round.year}-03-05`);
    await page.getByTestId('round-applicationDeadline').fill(`${round.year}-03-12`);
    expect(await saveRound(page)).toContain(`个人申报截止：${round.year}-03-05 → ${round.year}-03-12`);
    await expect.poll(async () => (await roundState()).applicationDeadline, patiently).toBe(endOfDay(`${round.year}-03-12`));

    await openEdit(page);
    expect(await page.getByTestId('round-applicationDeadline').inputValue()).toBe(`${round.year}-03-12`);
    await page.getByTestId('round-ageCutoffDate').fill(`${round.year - 46}-01-01`);
    const confirmation = await saveRound(page);
    expect(confirmation).toContain(`出生日期不早于：${round.year - 45}-01-01 → ${round.year - 46}-01-01`);
    expect(confirmation).not.toContain('个人申报截止');
    await expect.poll(async () => (await roundState()).ageCutoffDate, patiently).toBe(`${round.year - 46}-01-01`);
    expect((await roundState()).applicationDeadline).toBe(endOfDay(`${round.year}-03-12`));

    // Only the changed setting went to the API.
    const audit = await api.prisma.auditRecord.findFirstOrThrow({ where: { operation: 'updateRound', result: 'SUCCESS' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify(audit.details)).not.toContain('applicationDeadline');
    expect(JSON.stringify(audit.details)).toContain('ageCutoffDate');
  });

  it('asks for confirmation naming the phases a change closes, and the API then holds them closed', async () => {
    const page = pages[0]!;
    await openEdit(page);
    await page.getByTestId('round-applicationDeadline').fill('2026-11-20');
    await page.getByTestId('round-recommendationDeadline').fill('2026-11-30');
    await page.getByTestId('round-save').click();
    await page.getByTestId('round-confirm').waitFor();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('此修改将立即截止个人申报、审核推荐');
    expect(await page.getByTestId('round-closes-applicationDeadline').textContent()).toContain('保存后个人申报立即截止');
    expect(await page.getByTestId('round-closes-recommendationDeadline').textContent()).toContain('保存后审核推荐立即截止');
    await screenshotsAtSizes(page, 'round-closes-phases', { fullPage: false });
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await roundState()).isOpenForApplications).toBe(true);

    await page.getByTestId('round-save').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认截止并保存' }).click();
    await page.getByTestId('round-list').waitFor();
    await expect.poll(async () => (await roundState()).isOpenForRecommendations, patiently).toBe(false);
    expect(await roundState()).toMatchObject({ isOpenForApplications: false, isFinished: false });
    // Recommendations closed, the round not finished: the list says so and still offers the edit.
    await expect.poll(() => page.locator(`[data-testid="round-list"] [data-phase]`).first().getAttribute('data-phase'), patiently).toBe('SELECTION');
    expect(await page.getByTestId(`edit-round-${round.year}`).count()).toBe(1);
    await screenshotsAtSizes(page, 'round-list-selecting');
  });

  it('keeps quotas editable while the selection runs after recommendations closed', async () => {
    const page = pages[0]!;
    await page.goto(`${server.url}/#/quotas`);
    await page.getByTestId('quotas-selecting').waitFor();
    const input = page.getByTestId('mode-places-LOCAL');
    expect(await input.isDisabled()).toBe(false);
    const places = Number(await input.inputValue());
    await input.fill(String(places + 1));
    await page.getByTestId('mode-places-save').click();
    await expect.poll(async () => (await gql<{ rounds: { year: number; localPlaces: number }[] }>('{ rounds { year localPlaces } }')).rounds.find((r) => r.year === round.year)!.localPlaces, patiently).toBe(places + 1);
    await screenshotsAtSizes(page, 'quotas-while-selecting');
  });

  it('extends a passed deadline, reopening recommendations and applications, and the audit log holds it', async () => {
    const page = pages[0]!;
    const before = await api.prisma.auditRecord.count({ where: { operation: 'updateRound', result: 'SUCCESS' } });
    await openEdit(page);
    // A passed deadline may not be moved earlier.
    await page.getByTestId('round-recommendationDeadline').fill('2026-11-25');
    await expect.poll(() => page.getByTestId('round-settings').textContent(), patiently).toContain('已截止的日期只能延后');
    expect(await page.getByTestId('round-save').isDisabled()).toBe(true);

    await page.getByTestId('round-applicationDeadline').fill(`${round.year}-03-05`);
    await page.getByTestId('round-recommendationDeadline').fill(`${round.year}-03-20`);
    await page.getByTestId('round-save').click();
    await page.getByTestId('round-confirm').waitFor();
    expect(await page.getByTestId('round-reopens-recommendationDeadline').textContent()).toContain('保存后审核推荐重新开放');
    expect(await page.getByTestId('round-reopens-applicationDeadline').textContent()).toContain('保存后个人申报重新开放');
    await screenshotsAtSizes(page, 'round-reopens', { fullPage: false });
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByTestId('round-list').waitFor();
    await expect.poll(async () => (await roundState()).isOpenForRecommendations, patiently).toBe(true);
    expect(await roundState()).toMatchObject({ isOpenForApplications: true, recommendationDeadline: endOfDay(`${round.year}-03-20`) });

    expect(await api.prisma.auditRecord.count({ where: { operation: 'updateRound', result: 'SUCCESS' } })).toBe(before + 1);
    await page.goto(`${server.url}/#/auditRecords?filter=${encodeURIComponent(JSON.stringify({ operation: 'updateRound' }))}`);
    // The audit log's own rows, not the rounds list's still on the page while the route changes.
    const rows = page.getByTestId('audit-list').locator('.RaDatagrid-tbody .RaDatagrid-row');
    await expect.poll(() => rows.count(), patiently).toBeGreaterThanOrEqual(before + 1);
    expect(await rows.first().textContent()).toContain('修改年度设置');
    await screenshotsAtSizes(page, 'round-audit');
  });
});

interface QueueRow {
  id: string;
  version: number;
  status: string;
  mode: string;
  area: { id: string };
  eligibility: { blocking: boolean }[];
}

/** The reviewer's queue as the console asks for it: the current round, these statuses, longest in its status first (queueSort). */
async function queue(token: string, statuses: string[]): Promise<QueueRow[]> {
  const data = await gql<{ applications: { edges: { node: QueueRow }[] } }>(
    `query($filter: ApplicationFilter) { applications(first: 25, filter: $filter, orderBy: [{ field: WAITING_SINCE, direction: ASC }]) {
      edges { node { id version status mode area { id } eligibility { blocking } } } } }`,
    { filter: { statuses, roundYear: round.year } },
    token,
  );
  return data.applications.edges.map((edge) => edge.node);
}

const eligible = (row: QueueRow) => !row.eligibility.some((rule) => rule.blocking);
const showRoute = (id: string) => `${server.url}/#/applications/${encodeURIComponent(id)}/show`;

describe('reviewers', () => {
  let prefectureToken: string;
  beforeAll(async () => {
    prefectureToken = await api.login('pref-653100');
  });

  it('opens the queue on the current round, with a select of the rounds', async () => {
    const page = await open('pref-653100');
    await page.goto(`${server.url}/#/applications`);
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().waitFor();
    const select = page.locator('[data-testid="queue-round"]').first();
    await expect.poll(() => select.textContent(), patiently).toContain(round.name);
    // The rows are the current round's: as many as the API counts for it, fewer than in all rounds.
    const count = async (filter: Record<string, unknown>) =>
      (await gql<{ applications: { totalCount: number } }>('query($filter: ApplicationFilter) { applications(filter: $filter) { totalCount } }', { filter }, prefectureToken)).applications.totalCount;
    const inRound = await count({ statuses: ['ENDORSED'], roundYear: round.year });
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent(), patiently).toContain(`共 ${inRound} 条`);
    await page.getByTestId('saved-view').filter({ hasText: '全部申报' }).click();
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent(), patiently).toContain(`共 ${await count({})} 条`);
    expect(await count({})).toBeGreaterThan(await count({ roundYear: round.year }));
    await select.locator('[role="combobox"]').click();
    const options = await page.getByRole('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([round.name, '2025年度']));
    await screenshotsAtSizes(page, 'queue-round-select', { fullPage: false });
    await page.keyboard.press('Escape');
  });

  it('marks the required fields and checks them before sending, showing what is missing at the buttons', async () => {
    const page = pages.at(-1)!;
    const [application] = (await queue(prefectureToken, ['ENDORSED'])).filter(eligible);
    const reviewsBefore = await api.prisma.auditRecord.count({ where: { operation: 'prefectureReview' } });
    await page.goto(showRoute(application!.id));
    await page.locator('[data-decision="RETURN"]').click();
    let dialog = page.getByTestId('review-dialog');
    expect(await dialog.locator('label', { hasText: '审核意见' }).textContent()).toContain('*');
    await dialog.getByTestId('review-confirm').click();
    await expect.poll(() => dialog.getByTestId('review-error').textContent(), patiently).toContain('请填写审核意见');
    await screenshotsAtSizes(page, 'review-required-return', { fullPage: false });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.locator('[data-decision="RECOMMEND"]').click();
    dialog = page.getByTestId('review-dialog');
    expect(await dialog.getByTestId('review-conduct').textContent()).toContain('*');
    await dialog.getByTestId('finding-goals').locator('[data-result="NEEDS_CORRECTION"]').click();
    await dialog.getByTestId('review-confirm').click();
    const error = await dialog.getByTestId('review-error').textContent();
    expect(error).toContain('“需修改”“不符合”的项须说明原因');
    expect(error).toContain('请确认申报人政治表现和思想品德符合推荐条件');
    // The message is next to the buttons, inside the window.
    const box = await dialog.getByTestId('review-error').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    await screenshotsAtSizes(page, 'review-required-recommend', { fullPage: false });
    await dialog.getByRole('button', { name: '取消' }).click();
    // Nothing reached the API.
    expect(await api.prisma.auditRecord.count({ where: { operation: 'prefectureReview' } })).toBe(reviewsBefore);
  });

  it('disables the decisions with a banner once the recommendation deadline has passed', async () => {
    const page = pages.at(-1)!;
    const [application] = (await queue(prefectureToken, ['ENDORSED'])).filter(eligible);
    const update = 'mutation($roundId: ID!, $input: UpdateRoundInput!) { updateRound(roundId: $roundId, input: $input) { __typename } }';
    const closed = await gql<{ updateRound: { __typename: string } }>(update, { roundId: round.id, input: { applicationDeadline: endOfDay('2026-11-20'), recommendationDeadline: endOfDay('2026-11-30') } });
    expect(closed.updateRound.__typename).toBe('MutationUpdateRoundSuccess');
    try {
      await page.goto(showRoute(application!.id));
      await page.reload();
      await page.getByTestId('review-closed').waitFor();
      expect(await page.getByTestId('review-closed').textContent()).toContain('审核推荐已于 2026-11-30 23:59（北京时间）截止');
      for (const button of await page.locator('[data-decision]').all()) expect(await button.isDisabled()).toBe(true);
      await screenshotsAtSizes(page, 'review-deadline-passed', { fullPage: false });
    } finally {
      const reopened = await gql<{ updateRound: { __typename: string } }>(update, { roundId: round.id, input: { recommendationDeadline: endOfDay(`${round.year}-03-20`), applicationDeadline: endOfDay(`${round.year}-03-05`) } });
      expect(reopened.updateRound.__typename).toBe('MutationUpdateRoundSuccess');
    }
    await page.reload();
    await page.locator('[data-decision="RECOMMEND"]').waitFor();
    // The buttons stay disabled until the round's deadlines have been read again.
    await expect.poll(() => page.locator('[data-decision="RECOMMEND"]').isDisabled()).toBe(false);
    expect(await page.getByTestId('review-closed').count()).toBe(0);
  });

  it('offers 下一份 after a decision, opening the first application left in the queue', async () => {
    const page = pages.at(-1)!;
    const [application] = (await queue(prefectureToken, ['ENDORSED'])).filter(eligible);
    await page.goto(showRoute(application!.id));
    await page.locator('[data-decision="RECOMMEND"]').click();
    const dialog = page.getByTestId('review-dialog');
    await dialog.getByTestId('review-conduct').locator('input').check();
    await dialog.getByTestId('review-comment').fill('经逐项审核，同意推荐');
    await dialog.getByTestId('review-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('application-summary').locator('[data-status="RECOMMENDED"]').waitFor();
    await page.getByTestId('review-next').waitFor();
    await screenshotsAtSizes(page, 'review-next', { fullPage: false });
    const [next] = await queue(prefectureToken, ['ENDORSED']);
    expect(next!.id).not.toBe(application!.id);
    await page.getByTestId('review-next').click();
    await expect.poll(() => page.url(), patiently).toContain(`/applications/${encodeURIComponent(next!.id)}/show`);
    await page.locator('[data-decision="RECOMMEND"]').waitFor();
  });

  it('shows the places remaining for the mode and the area in the selection dialog', async () => {
    const page = await open('admin');
    const waiting = (await queue(adminToken, ['RECOMMENDED'])).filter(eligible);
    const { quotaUsage } = await gql<{ quotaUsage: { mode: string; area: { id: string } | null; places: number; remaining: number }[] }>(
      'query($id: ID!) { quotaUsage(roundId: $id) { mode area { id } places remaining } }',
      { id: round.id },
    );
    const application = waiting.find((row) => quotaUsage.some((line) => line.mode === row.mode && line.area?.id === row.area.id))!;
    expect(application, 'a recommended application of an area with a share').toBeDefined();
    const region = quotaUsage.find((line) => line.mode === application.mode && !line.area)!;
    const area = quotaUsage.find((line) => line.mode === application.mode && line.area?.id === application.area.id)!;
    await page.goto(showRoute(application.id));
    await page.locator('[data-decision="SELECT"]').click();
    const remaining = page.getByTestId('review-remaining');
    await remaining.waitFor();
    const text = await remaining.textContent();
    expect(text).toContain(`全区剩余 ${region.remaining} 名（共 ${region.places} 名）`);
    expect(text).toContain(`分配剩余 ${area.remaining} 名（共 ${area.places} 名）`);
    await screenshotsAtSizes(page, 'review-select-remaining', { fullPage: false });
  });
});
