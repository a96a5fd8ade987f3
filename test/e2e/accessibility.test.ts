// Issue 13 item 8 in a real browser on the demo data. axe-core runs on every page of every role
// (dashboards, lists, records, forms, dialogs open) and no serious or critical violation may be
// left; a keyboard alone opens an application from the queue (Tab to its row, Enter), reaches a
// dashboard's scrolling table and stays inside an open dialog; and date inputs read and take
// 年-月-日 (YYYY-MM-DD) in a browser set to American English, where the browser's own date
// input would ask for mm/dd/yyyy. The regional admin's round lifecycle is among the pages: a new
// round's form, the phase step's confirmation, the placement page with its move-by-hand and
// confirmation dialogs, the orientation page with its dialogs, and the host registry with its
// entry and proposal dialogs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeLifecyclePages } from '../fixtures/placement.ts';
import { demoPassword } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';
import { launchChromium } from './support/browser.ts';
import { useConsole } from './support/console.ts';
import { screenshot, settled, signIn } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const fixture = useConsole(now);
const patiently = { timeout: 20_000 };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const open = (username: string) => signIn(fixture.browser, fixture.server.url, username);

/** A round in its placement phase (its id as the console names it) and a host proposed on form 3. */
let placementRound: string;
let placementRoundId: string;
beforeAll(async () => {
  const { roundId } = await arrangeLifecyclePages(fixture.api.prisma);
  placementRoundId = roundId;
  placementRound = encodeURIComponent(globalId('Round', roundId));
});
const rows = (page: Page) => page.locator('.RaDatagrid-tbody .RaDatagrid-row');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations on what the page shows now. The script is given
 * to the page through the debugging protocol: the console's CSP allows no inline script.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Node = { target: string[]; html: string; failureSummary?: string };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: Node[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    // Each element by its selector, its opening tag and what axe-core says is wrong with it.
    const describe = (node: Node) => `${node.target.join(' ')} ${node.html.slice(0, 160)} ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`;
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.slice(0, 5).map(describe) }));
  });
}

/** Every violation of every page looked at, one readable line each, for one assertion at the end. */
class AxeReport {
  lines: string[] = [];
  async check(page: Page, name: string): Promise<void> {
    // Whatever is still loading (a spinner, a chart's first frame, a button's fade) settles first.
    await page.waitForTimeout(300);
    await settled(page);
    for (const violation of await seriousViolations(page)) {
      this.lines.push(`${name}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.join(' | ')}`);
      await screenshot(page, `a11y-violation-${name}`);
    }
  }
}

async function goTo(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${fixture.server.url}/#/${path}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
}

const listReady = '.RaDatagrid-tbody .RaDatagrid-row, .RaList-noResults';

/** What shows that a page of the menu has loaded: a list's rows, or the page's own content. */
const menuPageReady: Record<string, string> = {
  quotas: '[data-testid="area-allocation"]',
  hostInstitutions: '[data-testid="host-list"]',
  placement: '[data-testid="placement-table"]',
  orientation: '[data-testid="trainee-table"]',
};

/** Each page of the menu (`paths`), checked as `role` finds it. */
async function checkMenuPages(page: Page, report: AxeReport, role: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await goTo(page, path, menuPageReady[path] ?? listReady);
    await report.check(page, `${role}-${path}`);
  }
}

/** The dialog `open` opens, checked, then closed with Escape. */
async function checkDialog(page: Page, report: AxeReport, name: string, open: () => Promise<void>): Promise<void> {
  await open();
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor({ timeout: 20_000 });
  await report.check(page, name);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 20_000 });
}

/**
 * The regional admin's round lifecycle: a new round's form; the placement round's settings page
 * with the step to its next phase confirmed in a dialog; the placement page proposed, with the
 * move-by-hand and the confirmation dialogs; the host registry with its entry dialogs and a
 * proposal's accepting and refusing dialogs.
 */
async function checkLifecycle(page: Page, report: AxeReport): Promise<void> {
  await goTo(page, 'rounds/create', '[data-testid="round-create-save"]');
  await report.check(page, 'admin-round-create');
  await goTo(page, `rounds/${placementRound}`, '[data-testid="advance-phase"]');
  await report.check(page, 'admin-round-edit-placement');
  await checkDialog(page, report, 'admin-round-advance-dialog', () => page.getByTestId('advance-phase').click());

  await goTo(page, `placement?round=${placementRound}`, '[data-testid="propose-placement"]');
  await report.check(page, 'admin-placement-before-proposal');
  await page.getByTestId('propose-placement').click();
  await page.getByTestId('placement-table').locator('button').first().waitFor({ timeout: 20_000 });
  await report.check(page, 'admin-placement');
  await checkDialog(page, report, 'admin-placement-move-dialog', () => page.getByTestId('placement-table').locator('button').first().click());
  await checkDialog(page, report, 'admin-placement-confirm-dialog', () => page.getByTestId('confirm-placement').click());

  // The same round's selected trainees once it is in orientation (attendance is recorded only
  // then, round-phases.ts; set directly and put back for the tests after): one checked, its
  // orientation's dialog; a session's.
  await fixture.api.prisma.round.update({ where: { id: placementRoundId }, data: { stage: 'ORIENTATION' } });
  try {
    await goTo(page, `orientation?round=${placementRound}`, '[data-testid="trainee-table"] tbody tr');
    await page.getByTestId('trainee-table').locator('tbody tr input[type="checkbox"]').first().check();
    await report.check(page, 'admin-orientation');
    await checkDialog(page, report, 'admin-orientation-step-dialog', () => page.getByTestId('bulk-orientation').click());
    await checkDialog(page, report, 'admin-orientation-session-dialog', () => page.getByTestId('add-session').click());
  } finally {
    await fixture.api.prisma.round.update({ where: { id: placementRoundId }, data: { stage: 'PLACEMENT' } });
  }

  await goTo(page, 'hostInstitutions', '[data-testid="host-list"]');
  await page.getByTestId('host-proposals').locator('button').first().waitFor({ timeout: 20_000 });
  await report.check(page, 'admin-hostInstitutions');
  await checkDialog(page, report, 'admin-host-create-dialog', () => page.getByTestId('add-host').click());
  await checkDialog(page, report, 'admin-host-edit-dialog', () => page.getByTestId('host-list').getByRole('button', { name: '编辑' }).first().click());
  await checkDialog(page, report, 'admin-host-accept-dialog', () => page.getByTestId('accept-复旦大学附属华山医院').click());
  await checkDialog(page, report, 'admin-host-refuse-dialog', () => page.getByTestId('host-proposals').getByRole('button', { name: '不予列入' }).click());
}

/** The queue, the first application's page, and its first decision's dialog open. */
async function checkQueue(page: Page, report: AxeReport, role: string, decides: boolean): Promise<void> {
  await goTo(page, 'applications', listReady);
  await report.check(page, `${role}-applications`);
  await rows(page).first().click();
  await page.waitForURL(/\/show$/, patiently);
  await page.locator('.RaShow-main').waitFor({ timeout: 20_000 });
  await report.check(page, `${role}-application-show`);
  if (!decides) return;
  await page.getByTestId('review-actions').locator('button[data-decision]').first().click();
  await page.getByTestId('review-dialog').waitFor();
  await report.check(page, `${role}-review-dialog`);
  await page.keyboard.press('Escape');
}

describe('axe-core finds no serious or critical violation', () => {
  it('on the regional admin’s lists, records and forms', async () => {
    const report = new AxeReport();
    const page = await open('admin');
    await report.check(page, 'admin-dashboard');
    await checkQueue(page, report, 'admin', true);
    await checkMenuPages(page, report, 'admin', ['rounds', 'quotas', 'hostInstitutions', 'placement', 'orientation', 'blacklist', 'units', 'areas', 'users', 'auditRecords']);
    await goTo(page, 'blacklist/create', 'form');
    await report.check(page, 'admin-blacklist-create');
    await goTo(page, 'users/create', 'form');
    await report.check(page, 'admin-user-create');
    await goTo(page, 'auditRecords', listReady);
    await rows(page).first().locator('td').first().click();
    await page.getByTestId('audit-details').waitFor({ timeout: 20_000 });
    await report.check(page, 'admin-audit-record');
    await page.context().close();
    expect(report.lines, report.lines.join('\n')).toEqual([]);
  });

  it('on the regional admin’s round settings and round lifecycle', async () => {
    const report = new AxeReport();
    const page = await open('admin');
    await goTo(page, 'rounds', '[data-testid^="edit-round-"]');
    await page.locator('[data-testid^="edit-round-"]').first().click();
    await page.getByTestId('round-settings').waitFor({ timeout: 20_000 });
    await report.check(page, 'admin-round-edit');
    // Saving asks first, with the changes listed.
    const deadline = page.getByTestId('round-recommendationDeadline');
    await deadline.fill(`${(await deadline.inputValue()).slice(0, 4)}-03-25`);
    await checkDialog(page, report, 'admin-round-save-dialog', () => page.getByTestId('round-save').click());
    await checkLifecycle(page, report);
    await page.context().close();
    expect(report.lines, report.lines.join('\n')).toEqual([]);
  });

  it.each([
    ['unit-001', true, ['units']],
    ['pref-653100', true, ['blacklist']],
    ['analyst', false, ['rounds', 'quotas', 'hostInstitutions', 'placement', 'blacklist', 'units', 'areas', 'users', 'auditRecords']],
  ] as const)('on the pages %s finds', async (username, decides, lists) => {
    const report = new AxeReport();
    const page = await open(username);
    await report.check(page, `${username}-dashboard`);
    await checkQueue(page, report, username, decides);
    await checkMenuPages(page, report, username, lists);
    await page.context().close();
    expect(report.lines, report.lines.join('\n')).toEqual([]);
  });

  it('on the applicant’s pages', async () => {
    const report = new AxeReport();
    const page = await open('applicant');
    await report.check(page, 'applicant-dashboard');
    await goTo(page, 'myApplications', listReady);
    await report.check(page, 'applicant-applications');
    await rows(page).first().click();
    await page.getByTestId('form-two').waitFor({ timeout: 20_000 });
    await report.check(page, 'applicant-form');
    // Form 3's host suggestions, open (applicant/HostChoiceInputs.tsx).
    await page.locator('input[name="hostPreferences.0.institution"]').click();
    await page.getByRole('listbox').waitFor();
    await report.check(page, 'applicant-form-host-suggestions');
    await page.keyboard.press('Escape');
    await page.goto(`${page.url()}/show`);
    await page.locator('.RaShow-main').waitFor({ timeout: 20_000 });
    await report.check(page, 'applicant-record');
    await page.context().close();
    expect(report.lines, report.lines.join('\n')).toEqual([]);
  });
});

/** Presses Tab until `reached` holds for the focused element (at most `limit` times). */
async function tabUntil(page: Page, reached: () => boolean, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(reached)) return;
  }
  throw new Error(`not reached after ${limit} presses of Tab`);
}

describe('with the keyboard alone', () => {
  it('a reviewer opens an application from the queue, decides in a dialog that keeps the focus, and reaches a dashboard table', async () => {
    const page = await open('unit-001');
    await goTo(page, 'applications', listReady);
    const first = await rows(page).first().locator('td.column-name').textContent();
    await page.locator('body').focus();
    await tabUntil(page, () => document.activeElement?.classList.contains('RaDatagrid-row') ?? false);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/show$/, patiently);
    await page.getByTestId('review-actions').waitFor({ timeout: 20_000 });
    expect(await page.locator('.RaShow-main').textContent()).toContain(first!.slice(0, 2));

    // The decision: Tab to its button, Enter opens the dialog, Tab cycles inside it.
    await tabUntil(page, () => document.activeElement?.hasAttribute('data-decision') ?? false, 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('review-dialog');
    await dialog.waitFor();
    for (let presses = 0; presses < 15; presses++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]')), `focus left the dialog after ${presses + 1} Tab`).toBe(true);
    }
    await screenshot(page, 'a11y-keyboard-dialog', { fullPage: false });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-decision')), 'the focus goes back to the button').toBe(true);
    await page.context().close();

    // The regional dashboard's quota tables scroll: each is a named region in the tab order.
    const admin = await open('admin');
    const region = admin.locator('[role="region"][tabindex="0"]').first();
    await region.waitFor({ timeout: 20_000 });
    await admin.locator('body').focus();
    await tabUntil(admin, () => document.activeElement?.getAttribute('role') === 'region');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBeTruthy();
    const before = await admin.evaluate(() => document.activeElement!.scrollTop);
    await admin.keyboard.press('PageDown');
    await expect.poll(() => admin.evaluate(() => document.activeElement!.scrollTop)).toBeGreaterThan(before);
    await admin.context().close();
  });
});

describe('with the keyboard alone, the regional admin', () => {
  it('proposes a placement, opens a trainee’s move dialog, and reaches a host’s places and a proposal’s decision', async () => {
    const page = await open('admin');
    await goTo(page, `placement?round=${placementRound}`, '[data-testid="propose-placement"]');
    await page.locator('body').focus();
    await tabUntil(page, () => document.activeElement?.getAttribute('data-testid') === 'propose-placement');
    await page.keyboard.press('Enter');
    await page.getByTestId('placement-table').locator('button').first().waitFor({ timeout: 20_000 });
    await tabUntil(page, () => document.activeElement?.getAttribute('data-testid')?.startsWith('move-') ?? false);
    await page.keyboard.press('Enter');
    await page.locator('[role="dialog"]').waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]')), 'the focus is in the dialog').toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });

    await goTo(page, 'hostInstitutions', '[data-testid="host-list"]');
    await page.locator('body').focus();
    await tabUntil(page, () => document.activeElement?.getAttribute('data-testid')?.startsWith('places-') ?? false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'the places input names its host').toMatch(/名额$/);
    await tabUntil(page, () => document.activeElement?.getAttribute('data-testid')?.startsWith('accept-') ?? false, 400);
    await page.keyboard.press('Enter');
    await page.locator('[role="dialog"]').waitFor();
    await page.keyboard.press('Escape');
    await page.context().close();
  });
});

describe('date inputs in an American English browser', () => {
  let english: Browser;
  beforeAll(async () => {
    english = await launchChromium({ language: 'en-US' });
  });
  afterAll(async () => {
    await english?.close();
  });

  it('show and take 年-月-日, fill in the dashes and refuse a date that does not exist', async () => {
    const context = await english.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${fixture.server.url}/`);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('welcome-card').waitFor({ timeout: 20_000 });

    await goTo(page, 'rounds', '[data-testid^="edit-round-"]');
    await page.locator('[data-testid^="edit-round-"]').first().click();
    const deadline = page.getByTestId('round-applicationDeadline');
    await deadline.waitFor({ timeout: 20_000 });
    expect(await deadline.getAttribute('type')).toBe('text');
    expect(await deadline.getAttribute('placeholder')).toBe('年-月-日');
    expect(await deadline.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Digits alone, as on a phone's number pad: the dashes come by themselves.
    await deadline.fill('');
    await deadline.pressSequentially('20270312');
    expect(await deadline.inputValue()).toBe('2027-03-12');
    await deadline.fill('2027-02-30');
    const helper = page.locator(`[id="${await deadline.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => helper.textContent()).toContain('年-月-日');
    await screenshot(page, 'a11y-date-en-US-round-settings', { fullPage: false });

    // The new round's form alike: its deadlines pre-filled as 年-月-日 text.
    await goTo(page, 'rounds/create', '[data-testid="round-create-save"]');
    const newDeadline = page.getByTestId('round-applicationDeadline');
    expect(await newDeadline.getAttribute('placeholder')).toBe('年-月-日');
    expect(await newDeadline.inputValue()).toMatch(/^\d{4}-03-05$/);

    // A react-admin filter alike: the audit log from a date, typed as digits.
    await goTo(page, 'auditRecords', listReady);
    const from = page.locator('input[name="from"]');
    expect(await from.getAttribute('placeholder')).toBe('年-月-日');
    await from.pressSequentially('20261101');
    expect(await from.inputValue()).toBe('2026-11-01');
    await expect.poll(() => decodeURIComponent(page.url()), patiently).toContain('"from":"2026-11-01"');
    await screenshot(page, 'a11y-date-en-US-audit-filter', { fullPage: false });
    await context.close();
  });
});

