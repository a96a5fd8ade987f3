// The console when things are not as they should be, in a real browser: the API failing (an
// error with a retry, never an empty result), a revoked session (the sign-in page says why), and
// an audit log a person can read. How soon the signed-out console shows its sign-in form is
// sign-in-speed.alone.test.ts. Screenshots at three window sizes go to test/artifacts/.
import { print } from 'graphql';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mutationDocument } from '../../admin/src/dataProvider/callMutation.ts';
import { appMessagesZh } from '../../admin/src/i18n/zh-CN.ts';
import { revokeUserSessionsMutation } from '../../admin/src/users/userMutations.ts';
import { demoPassword, type TestApi } from '../support/api.ts';
import { type ConsoleServer, useConsole } from './support/console.ts';
import { screenshot, screenshotsAtSizes, signIn } from './support/pages.ts';

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
    await expect.poll(() => panel.count()).toBe(0);
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
    await expect.poll(() => page.url()).toMatch(/#\/applications$/);
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
    // On a phone the list is simple rows (ListGrid), not a table.
    await screenshots(page, 'audit-list', () => page.locator('.RaDatagrid-tbody .RaDatagrid-row, .ListGrid-phone li').first().waitFor());

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
    await expect.poll(() => page.url()).toContain(`#/applications/${encodeURIComponent(application)}/show`);
    await context.close();
  });
});
