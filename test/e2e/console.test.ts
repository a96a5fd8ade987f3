// The review console in a real browser, served by the API's process on one port as `pnpm start`
// serves it, against a seeded database: sign-in, the dashboard's quota numbers, the review queue,
// an application's page, and an employer's endorsement that the API then reports as ENDORSED.
// Screenshots go to test/artifacts/.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, type TestApi } from '../support/api.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { screenshot, signIn as signInAt } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');

/** The built console, a seeded API whose clock reads `now`, and a Chromium (support/console.ts). */
const consoleUnderTest = useConsole(now);
let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  ({ api, server, browser } = consoleUnderTest);
  adminToken = await api.login('admin');
});

function signIn(username: string, loginScreenshot?: string): Promise<Page> {
  return signInAt(browser, server.url, username, loginScreenshot);
}

interface QuotaLine {
  mode: string;
  area: { id: string } | null;
  places: number;
  used: number;
  reserved: number;
  remaining: number;
}

describe('the review console', () => {
  it('is served beside the API: the console at / and its client routes, GraphQL at /graphql', async () => {
    const index = await fetch(`${server.url}/applications/some-route`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ok } }' }),
    });
    expect(await graphql.json()).toMatchObject({ data: { health: { ok: true } } });
  });

  it('runs under its Content-Security-Policy: no violation on the sign-in page nor on the admin\'s dashboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // Both the browser's own report and the page's event, recorded from before the first script.
    await context.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const reported: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) reported.push(message.text());
    });
    const violations = async () => [...reported, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];

    const response = await page.goto(`${server.url}/`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('input[name="username"]').waitFor();
    expect(await violations()).toEqual([]);

    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('welcome-card').waitFor();
    // The lazy chunks and their styles have loaded once the charts are drawn.
    await page.getByTestId('status-counts').locator('svg.recharts-surface').waitFor();
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('signs the regional admin in and shows the quota usage the API reports for the current round', async () => {
    const page = await signIn('admin', 'login');
    const { data } = await api.gql<{ currentRound: { id: string } }>('{ currentRound { id } }', {}, adminToken);
    const usage = await api.gql<{ quotaUsage: QuotaLine[] }>(
      'query($roundId: ID!) { quotaUsage(roundId: $roundId) { mode area { id } places used reserved remaining } }',
      { roundId: data!.currentRound.id },
      adminToken,
    );
    for (const mode of ['REMOTE', 'LOCAL']) {
      const line = usage.data!.quotaUsage.find((candidate) => candidate.mode === mode && !candidate.area)!;
      await expect.poll(() => page.getByTestId(`quota-${mode}-used`).textContent()).toBe(String(line.used));
      expect(await page.getByTestId(`quota-${mode}-places`).getAttribute('data-value')).toBe(String(line.places));
      expect(await page.getByTestId(`quota-${mode}-reserved`).textContent()).toBe(String(line.reserved));
      expect(await page.getByTestId(`quota-${mode}-remaining`).textContent()).toBe(String(line.remaining));
    }
    await expect.poll(() => page.getByTestId('quota-REMOTE').textContent()).toContain('异地培养');
    await page.getByTestId('status-counts').locator('svg.recharts-surface').waitFor();
    await screenshot(page, 'dashboard-admin');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('quota-REMOTE').textContent()).toContain('Remote places');
    await screenshot(page, 'dashboard-english');
    await page.context().close();
  });

  it('lists every application the admin may see and opens one with its sections', async () => {
    const page = await signIn('admin');
    const total = await api.gql<{ applications: { totalCount: number } }>('{ applications { totalCount } }', {}, adminToken);
    await page.goto(`${server.url}/#/applications?filter=${encodeURIComponent('{}')}`);
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().waitFor();
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent()).toContain(`共 ${total.data!.applications.totalCount} 条`);
    await screenshot(page, 'applications-list');

    // Page 3 comes from cursors found by walking the connection.
    await page.goto(`${server.url}/#/applications?filter=${encodeURIComponent('{}')}&page=3&perPage=25&sort=submittedAt&order=ASC`);
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent()).toContain('第 51-75 条');

    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().click();
    await page.getByTestId('application-summary').waitFor();
    for (const heading of ['基本信息', '学历职称', '联系方式', '工作经历', '获奖', '论文', '学习目标', '推荐条件核验']) {
      await expect.poll(() => page.locator('h3').allTextContents()).toContain(heading);
    }
    await expect.poll(() => page.getByTestId('eligibility').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'application-show');
    await page.getByRole('tab', { name: '培养单位志愿' }).click();
    await page.getByTestId('host-preferences').waitFor();
    await page.getByRole('tab', { name: '状态历史' }).click();
    await page.getByTestId('status-history').waitFor();
    await screenshot(page, 'application-history');
    await page.context().close();
  });

  it('lets an employer endorse a submitted application, showing the API refusal in Chinese first', async () => {
    const employerToken = await api.login('unit-001');
    const queue = await api.gql<{
      applications: { edges: { node: { id: string; name: string; eligibility: { blocking: boolean }[] } }[] };
    }>('{ applications(first: 50, filter: { statuses: [SUBMITTED] }) { edges { node { id name eligibility { blocking } } } } }', {}, employerToken);
    const application = queue.data!.applications.edges.map((edge) => edge.node).find((node) => !node.eligibility.some((rule) => rule.blocking));
    expect(application, 'unit-001 has an eligible SUBMITTED application').toBeDefined();

    const page = await signIn('unit-001');
    await page.goto(`${server.url}/#/applications`);
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().waitFor();
    await screenshot(page, 'applications-employer-queue');

    await page.goto(`${server.url}/#/applications/${encodeURIComponent(application!.id)}/show`);
    await page.locator('[data-decision="ENDORSE"]').click();
    const dialog = page.getByTestId('review-dialog');
    await dialog.getByTestId('review-confirm').click();
    await expect.poll(() => dialog.getByTestId('review-error').textContent()).toContain('请确认申报人政治表现和思想品德符合推荐条件');
    await screenshot(page, 'review-dialog-refused', { fullPage: false });

    await dialog.getByTestId('review-conduct').locator('input').check();
    await dialog.getByTestId('review-comment').fill('经逐项审核，材料真实，同意推荐');
    await dialog.getByTestId('review-confirm').click();
    await page.getByTestId('application-summary').locator('[data-status="ENDORSED"]').waitFor();
    await expect.poll(() => page.locator('[data-decision]').count()).toBe(0);
    await screenshot(page, 'application-endorsed');

    const after = await api.gql<{ node: { status: string; reviews: { decision: string; comment: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on Application { status reviews { decision comment } } } }',
      { id: application!.id },
      adminToken,
    );
    expect(after.data!.node.status).toBe('ENDORSED');
    expect(after.data!.node.reviews).toContainEqual({ decision: 'ENDORSE', comment: '经逐项审核，材料真实，同意推荐' });
    await page.context().close();
  });
});
