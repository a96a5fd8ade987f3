// The console when things are not as they should be, in a real browser: opened signed out (the
// sign-in form at once, the stored session read a handful of times, not thousands), a deep link
// signed out (sign in, and back to the link), the API failing (an error with a retry, never an
// empty result), a revoked session (the sign-in page says why), and an audit log a person can
// read. Screenshots at three window sizes go to test/artifacts/.
import { print } from 'graphql';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutationDocument } from '../../admin/src/dataProvider/callMutation.ts';
import { appMessagesZh } from '../../admin/src/i18n/zh-CN.ts';
import { revokeUserSessionsMutation } from '../../admin/src/users/userMutations.ts';
import { demoPassword, startApi, type TestApi } from '../support/api.ts';
import { launchChromium } from './support/browser.ts';
import { ensureConsoleBuilt, serveConsole, type ConsoleServer } from './support/console.ts';
import { ensureArtifacts, screenshot, screenshotsAtSizes, signIn } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
/** The embedded database answers a page's requests slower than expect.poll's default second. */
const patience = { timeout: 20_000, interval: 100 };

let api: TestApi;
let server: ConsoleServer;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  ensureArtifacts();
  await ensureConsoleBuilt();
  browser = await launchChromium();
  api = await startApi({ seeded: true, clock: () => now });
  server = await serveConsole(api);
  adminToken = await api.login('admin');
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
});

interface LoadProbe {
  sessionReads: number;
  timers: number;
  /** performance.now() (from the navigation's start) when the username input first appeared. */
  formShownAt: number | null;
  /** When the last of the console's scripts the sign-in page needs had arrived. */
  scriptsEnd: number;
}

/**
 * A window whose page counts, from before its first script, how often the stored session is read
 * and how many timers are set, and notes when the sign-in form appears.
 */
async function probedContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(() => {
    const probe = { sessionReads: 0, timers: 0, formShownAt: null as number | null };
    (window as unknown as { loadProbe: typeof probe }).loadProbe = probe;
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key: string) {
      if (key === 'tepei.session') probe.sessionReads += 1;
      return getItem.call(this, key);
    };
    const setTimeoutOf = window.setTimeout;
    window.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      probe.timers += 1;
      return setTimeoutOf(...args);
    }) as typeof setTimeout;
    new MutationObserver((_changes, observer) => {
      if (document.querySelector('input[name="username"]')) {
        probe.formShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return context;
}

async function loadProbe(page: Page): Promise<LoadProbe> {
  return page.evaluate(() => {
    const probe = (window as unknown as { loadProbe: Omit<LoadProbe, 'scriptsEnd'> }).loadProbe;
    // The console's scripts (the entry and the chunks it imports) that had arrived by the time the form showed.
    const scripts = performance
      .getEntriesByType('resource')
      .map((resource) => resource as PerformanceResourceTiming)
      .filter((resource) => /\/assets\/[^/]+\.js$/.test(resource.name) && resource.responseEnd <= (probe.formShownAt ?? Infinity))
      .map((resource) => resource.responseEnd);
    return { ...probe, scriptsEnd: Math.max(0, ...scripts) };
  });
}

/** The sign-in form appeared within a second of its scripts' arrival, after one read of the session. */
function expectPromptSignIn(probe: LoadProbe) {
  console.log(`sign-in form ${Math.round(probe.formShownAt ?? -1)} ms after navigation, ${Math.round((probe.formShownAt ?? 0) - probe.scriptsEnd)} ms after its scripts arrived; session read ${probe.sessionReads}×, ${probe.timers} timers`);
  // The stable assertions: the loop read the session 8,500–21,800 times and set ~71,000 timers.
  expect(probe.sessionReads).toBeLessThanOrEqual(2);
  expect(probe.timers).toBeLessThan(100);
  // Slack for a shared CI machine; on an idle one it is well under a second.
  expect(probe.formShownAt! - probe.scriptsEnd).toBeLessThan(1_500);
}

async function signInHere(page: Page, username: string): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(demoPassword);
  await page.locator('button[type="submit"]').click();
}

/** A fresh window signed in as `username`, on the dashboard (support/pages.ts). */
async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const page = await signIn(browser, server.url, username);
  return { context: page.context(), page };
}

function screenshots(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  return screenshotsAtSizes(page, `robustness-${name}`, { settle: ready });
}

describe('opening the console signed out', () => {
  it('shows the sign-in form at once at /, reading the stored session a few times only', async () => {
    const context = await probedContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('input[name="username"]').waitFor();
    await expect.poll(() => page.url()).toContain('#/login');
    expectPromptSignIn(await loadProbe(page));
    // Nothing keeps running once the form is shown.
    const settled = await loadProbe(page);
    await page.waitForTimeout(500);
    expect((await loadProbe(page)).sessionReads).toBe(settled.sessionReads);
    await screenshots(page, 'sign-in', () => page.locator('input[name="username"]').waitFor());
    await context.close();
  });

  it('sends a deep link to the sign-in form as fast, and back to the link after signing in', async () => {
    const context = await probedContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/#/applications`);
    await page.locator('input[name="username"]').waitFor();
    expectPromptSignIn(await loadProbe(page));
    await signInHere(page, 'admin');
    await expect.poll(() => page.url(), patience).toMatch(/#\/applications$/);
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().waitFor({ timeout: 20_000 });
    await context.close();
  });
});

describe('the console when the API fails', () => {
  it('shows a failed list as an error with a retry, not as an empty result, and the retry loads it', async () => {
    const { context, page } = await signedIn('admin');

    // A gateway in front of the API answering 502 for every request.
    const failing = (route: Route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' });
    await page.route('**/graphql', failing);
    await page.goto(`${server.url}/#/applications`);
    const panel = page.getByTestId('load-error');
    await panel.waitFor({ timeout: 20_000 }).catch(async (e) => { await screenshot(page, 'debug-502'); throw e; });
    expect(await panel.textContent()).toContain('数据加载失败');
    expect(await panel.textContent()).toContain('服务器处理请求时出错');
    expect(await page.getByText(/没有符合当前筛选条件/).count()).toBe(0);
    expect(await page.locator('.RaDatagrid-tbody .RaDatagrid-row').count()).toBe(0);
    // Not a sign-out: a gateway's failure says nothing about the session.
    expect(page.url()).toContain('#/applications');
    await screenshots(page, 'list-error', () => panel.waitFor());

    // Still failing: the panel stays.
    await page.getByTestId('load-error-retry').click();
    await page.waitForTimeout(300);
    await panel.waitFor();

    await page.unroute('**/graphql', failing);
    await page.getByTestId('load-error-retry').click();
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().waitFor({ timeout: 20_000 });
    expect(await panel.count()).toBe(0);

    // A record's page alike, with the API unreachable altogether.
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().click();
    await page.waitForURL(/\/show$/);
    const showUrl = page.url();
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.reload();
    await panel.waitFor({ timeout: 20_000 });
    expect(await panel.textContent()).toContain('无法连接服务器');
    expect(page.url()).toBe(showUrl);
    await page.unroute('**/graphql');
    await page.getByTestId('load-error-retry').click();
    await expect.poll(() => panel.count(), patience).toBe(0);
    await context.close();
  });

  it('says 登录已过期，请重新登录 on the sign-in page when the session was revoked meanwhile', async () => {
    const { context, page } = await signedIn('analyst');

    const analyst = await api.prisma.user.findUniqueOrThrow({ where: { username: 'analyst' } });
    const revoked = await api.gql(print(mutationDocument(revokeUserSessionsMutation)), { userId: analyst.id }, adminToken);
    expect(revoked.data?.result.__typename).toBe('MutationRevokeUserSessionsSuccess');

    await page.goto(`${server.url}/#/applications`);
    const notice = page.getByTestId('sign-out-notice');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toBe('登录已过期，请重新登录');
    expect(page.url()).toContain('#/login');
    await screenshots(page, 'session-expired', () => notice.waitFor());

    // Signing in again goes back to where the user was; a later sign-out on purpose says nothing.
    await signInHere(page, 'analyst');
    await expect.poll(() => page.url(), patience).toMatch(/#\/applications$/);
    await page.locator('.RaDatagrid-tbody .RaDatagrid-row').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '个人信息' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.locator('input[name="username"]').waitFor();
    expect(await notice.count()).toBe(0);
    await context.close();
  });
});

describe('the audit log', () => {
  it('names the operators, says what went wrong in Chinese, links the record and lists the details', async () => {
    // A sign-in that fails, an analyst's attempt at what only the regional admin may do, and a
    // decision on an application with an outdated version.
    await api.login('admin', 'not-the-password').catch(() => undefined);
    const analystToken = await api.login('analyst');
    await api.gql(print(mutationDocument(revokeUserSessionsMutation)), { userId: (await api.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })).id }, analystToken);
    const application = (await api.gql('{ applications(first: 1) { edges { node { id } } } }', {}, adminToken)).data.applications.edges[0].node.id as string;
    const decision = await api.gql(
      'mutation($id: ID!) { regionalDecision(id: $id, version: 999, decision: SELECT, comment: "审计测试") { __typename ... on Error { code } } }',
      { id: application },
      adminToken,
    );
    const refusal = decision.data.regionalDecision.code as string;

    const { context, page } = await signedIn('admin');
    await page.goto(`${server.url}/#/auditRecords`);
    const rows = page.locator('.RaDatagrid-tbody .RaDatagrid-row');
    await rows.first().waitFor({ timeout: 20_000 });

    // A sign-in is done by the account that signed in, though the request had no actor yet.
    const signIn = rows.filter({ hasText: '登录' }).filter({ has: page.getByTestId('audit-operator').getByText('analyst', { exact: true }) }).first();
    await signIn.waitFor();
    expect(await signIn.getByTestId('audit-operator').textContent()).toBe('analyst');
    expect(await rows.filter({ hasText: '用户名或密码错误' }).count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasText: '无权进行此操作' }).count()).toBeGreaterThan(0);
    expect(await page.locator('tbody').textContent()).not.toMatch(/AUTHENTICATION_FAILED|FORBIDDEN|CONCURRENT_MODIFICATION|INVALID_TRANSITION/);
    expect(await signIn.getByTestId('audit-details-summary').textContent()).toBe('用户名：analyst');
    await screenshots(page, 'audit-list', () => rows.first().waitFor());

    // The refused decision links to the application's page; its details are lines, not JSON.
    const refused = rows.filter({ hasText: '自治区遴选' }).first();
    const expectedText = appMessagesZh.tepei.admin.audit.errorCodes[refusal as keyof typeof appMessagesZh.tepei.admin.audit.errorCodes];
    expect(expectedText, refusal).toBeTruthy();
    expect(await refused.textContent()).toContain(expectedText);
    // The row opens the record (the target's cell is a link of its own).
    await refused.locator('td').first().click();
    const details = page.getByTestId('audit-details');
    await details.waitFor({ timeout: 20_000 }).catch(async (e) => { await screenshot(page, 'debug-audit'); throw e; });
    const detailText = await details.textContent();
    expect(detailText).toContain('审核意见');
    expect(detailText).toContain('审计测试');
    expect(detailText).not.toContain('{');
    expect(detailText).not.toContain('typename');
    await screenshots(page, 'audit-record', () => details.waitFor());
    await page.getByTestId('audit-target-link').click();
    await expect.poll(() => page.url(), patience).toContain(`#/applications/${encodeURIComponent(application)}/show`);
    await context.close();
  });
});
