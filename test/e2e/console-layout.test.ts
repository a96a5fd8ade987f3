// Issue 13 item 3 in a real browser on the demo data: every list of every role fits a 1440×900
// desktop, a 1280×720 laptop and a 390×844 phone without sideways scrolling (the page and the
// list itself, and on a desktop or a laptop no table scrolled sideways or cut off), its export
// and bulk-action buttons inside the window and its menu clickable; the bulk-action bar stays
// in view while the rows scroll; on a phone the reviewers' queue is a list of rows that opens an
// application whose decision dialog takes the whole screen, the menu is a drawer, and the
// applicant's pages fit. Screenshots of each page at the three sizes go to
// test/artifacts/layout-<role>-<page>-<width>x<height>.png.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrangeLifecyclePages } from '../fixtures/placement.ts';
import { globalId } from '../support/workflow.ts';
import { useConsole } from './support/console.ts';
import { artifacts, screenshotsAtSizes, signIn, windowSizes } from './support/pages.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
const fixture = useConsole(now);
/** The embedded database answers a page's requests slower than expect.poll's default second. */
const patiently = { timeout: 20_000 };

const open = (username: string) => signIn(fixture.browser, fixture.server.url, username);

/** A round in its placement phase, its placement proposed, and a host proposed on form 3: the lifecycle pages with rows. */
let placementRound: string;
beforeAll(async () => {
  const { roundId } = await arrangeLifecyclePages(fixture.api.prisma);
  placementRound = encodeURIComponent(globalId('Round', roundId));
  const admin = await open('admin');
  await admin.goto(`${fixture.server.url}/#/placement?round=${placementRound}`);
  await admin.getByTestId('propose-placement').click();
  await admin.getByTestId('placement-table').locator('button').first().waitFor({ timeout: 20_000 });
  await admin.context().close();
});

/** The list's rows (a table on a desktop, simple rows on a phone), or a page of its own. */
async function pageLoaded(page: Page): Promise<void> {
  await page
    .locator(
      '[data-testid="welcome-card"], .RaDatagrid-tbody .RaDatagrid-row, .ListGrid-phone li, [data-testid="quota-page"], .RaList-noResults, [data-testid="form-two"], .RaShow-main, .RaEdit-main, [data-testid="round-create-save"], [data-testid="round-phase-actions"], [data-testid="host-list"], [data-testid="placement-table"]',
    )
    .first()
    .waitFor({ timeout: 20_000 });
}

interface Fit {
  page: number;
  window: number;
  /** The list's own box (RaList-content), when the page is a list: scrolled width, shown width. */
  list: [number, number] | null;
  /**
   * Buttons and links of the page (its toolbars, its bulk bar, its rows' actions) whose right edge
   * is past the window; a record's tabs scroll in their bar by design.
   */
  offscreen: string[];
  /** Tables (by their first header cells) wider than a box around them: scrolled sideways in it, or cut off by it. */
  wideTables: string[];
}

function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const list = document.querySelector('.RaList-content');
    const buttons = [...document.querySelectorAll<HTMLElement>('main button:not([role="tab"]), main a[href]:not([role="tab"]), .RaList-actions button, .RaList-actions a, .RaBulkActionsToolbar-toolbar:not(.RaBulkActionsToolbar-collapsed) button')];
    return {
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      list: list ? [list.scrollWidth, list.clientWidth] : null,
      offscreen: buttons.filter((button) => button.getBoundingClientRect().right > window.innerWidth + 1).map((button) => button.textContent || button.getAttribute('aria-label') || button.tagName),
      wideTables: [...document.querySelectorAll<HTMLTableElement>('main table')]
        .filter((table) => {
          for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== 'visible' && box.scrollWidth > box.clientWidth + 1) return true;
          }
          return false;
        })
        .map((table) => [...table.querySelectorAll('th')].slice(0, 3).map((cell) => cell.textContent?.trim()).join(' / ')),
    };
  });
}

/** The page fits the window at each size: no sideways scrolling, nothing of the toolbars cut off. */
async function expectFitsAtEverySize(page: Page, name: string): Promise<void> {
  const fits: Record<string, Fit> = {};
  await screenshotsAtSizes(page, `layout-${name}`, {
    settle: async () => {
      await page.waitForTimeout(300);
      await pageLoaded(page);
      const size = await page.evaluate(() => `${window.innerWidth}x${window.innerHeight}`);
      fits[size] = await measure(page);
    },
  });
  for (const { width, height } of windowSizes) {
    const fit = fits[`${width}x${height}`]!;
    expect(fit.page, `${name} at ${width}×${height}: the page is ${fit.page} px wide`).toBeLessThanOrEqual(fit.window);
    if (fit.list) expect(fit.list[0], `${name} at ${width}×${height}: the list scrolls sideways`).toBeLessThanOrEqual(fit.list[1]);
    expect(fit.offscreen, `${name} at ${width}×${height}: buttons past the window`).toEqual([]);
    // On a phone a record's small tables may scroll in their own named region (common/ScrollRegion.tsx); lists are simple rows there.
    if (width >= 1280) expect(fit.wideTables, `${name} at ${width}×${height}: tables scrolled sideways or cut off`).toEqual([]);
  }
}

/** The menu entry is the element under the pointer at its own centre: nothing covers it. */
async function expectMenuClickable(page: Page): Promise<void> {
  const covered = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.RaMenu-open .RaMenuItemLink-root')]
      .filter((item) => {
        const box = item.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !hit || !item.contains(hit);
      })
      .map((item) => item.textContent),
  );
  expect(covered).toEqual([]);
}

/**
 * The menu, kept open since the window was a desktop's (react-admin stores it), is a drawer over
 * the page on a phone: stored closed and the page read again, as a phone's user finds it.
 */
async function closeMenuDrawer(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.endsWith('sidebar.open')) localStorage.setItem(key, 'false');
  });
  await page.reload();
  await pageLoaded(page);
}

/** Each role's pages of its menu (and the regional admin's round pages), given the placement round's id. */
const staffPages: Record<string, (round: string) => string[]> = {
  admin: (round) => ['applications', 'rounds', 'rounds/create', `rounds/${round}`, 'quotas', 'hostInstitutions', `placement?round=${round}`, `orientation?round=${round}`, 'blacklist', 'units', 'areas', 'users', 'auditRecords'],
  analyst: (round) => ['applications', 'rounds', 'quotas', 'hostInstitutions', `placement?round=${round}`, 'blacklist', 'units', 'areas', 'users', 'auditRecords'],
  'pref-653100': () => ['applications', 'blacklist', 'units'],
  'unit-001': () => ['applications', 'units'],
};

/** A page's name in its screenshots: rounds/create → rounds-create, the placement round's page → rounds-placement-round. */
const pageName = (path: string) => path.replace(/\?.*/, '').replace(placementRound, 'placement-round').replaceAll('/', '-');

describe('lists fit the window', () => {
  for (const [username, pages] of Object.entries(staffPages)) {
    it(`${username}: every list fits 1440, 1280 and 390 px wide, with its buttons in view and the menu clickable`, async () => {
      const page = await open(username);
      for (const path of pages(placementRound)) {
        await page.goto(`${fixture.server.url}/#/${path}`);
        await pageLoaded(page);
        await expectFitsAtEverySize(page, `${username}-${pageName(path)}`);
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.mouse.wheel(0, 400);
        await expectMenuClickable(page);
        await page.setViewportSize({ width: 1440, height: 900 });
      }
      await page.context().close();
      // Each page at three sizes takes 10 s or so on a busy machine; the admin has twelve.
    }, 360_000);
  }

  it('keeps the bulk-action bar in view while the selected rows scroll', async () => {
    const page = await open('admin');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${fixture.server.url}/#/applications`);
    const rows = page.locator('.RaDatagrid-tbody .RaDatagrid-row');
    await rows.first().waitFor({ timeout: 20_000 });
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await rows.nth(1).locator('input[type="checkbox"]').check();
    const bulk = page.getByTestId('bulk-review');
    await bulk.waitFor();
    await page.mouse.wheel(0, 1200);
    await expect.poll(() => page.evaluate(() => window.scrollY), patiently).toBeGreaterThan(600);
    const box = (await bulk.boundingBox())!;
    expect(box.y, 'the bulk button is below the top of the window').toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, 'the bulk button is above the bottom of the window').toBeLessThanOrEqual(720);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: `${artifacts}layout-bulk-bar-scrolled-1280x720.png` });
    await page.context().close();
  });
});

describe('on a phone', () => {
  it('the employer opens an application from the queue and decides in a full-screen dialog; the menu is a drawer', async () => {
    const page = await open('unit-001');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${fixture.server.url}/#/applications`);
    await closeMenuDrawer(page);
    const rows = page.locator('.ListGrid-phone li a, .ListGrid-phone li [role="button"]');
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.RaDatagrid-table').count(), 'no table on a phone').toBe(0);
    await rows.first().click();
    await page.waitForURL(/\/show$/, patiently);
    await page.getByTestId('review-actions').waitFor({ timeout: 20_000 });
    await expectFitsAtEverySize(page, 'unit-001-application-show');
    await page.setViewportSize({ width: 390, height: 844 });
    await closeMenuDrawer(page);
    await page.getByTestId('review-actions').waitFor({ timeout: 20_000 });
    await page.getByTestId('review-actions').locator('button').first().click();
    const dialog = page.getByTestId('review-dialog').locator('.MuiDialog-paper');
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(Math.round(box.width)).toBe(390);
    expect(Math.round(box.height)).toBe(844);
    await page.screenshot({ path: `${artifacts}layout-unit-001-review-dialog-390x844.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The menu: a button in the app bar opens it over the page, and an entry leads to its page.
    await page.locator('header button').first().click();
    const drawer = page.locator('.MuiDrawer-paper');
    await drawer.getByText('推荐主管部门').or(drawer.getByText('用人单位')).first().waitFor();
    await page.screenshot({ path: `${artifacts}layout-unit-001-menu-390x844.png` });
    await drawer.getByText('用人单位').click();
    await page.waitForURL(/#\/units/, patiently);
    await page.context().close();
  });

  it("the applicant's dashboard, applications, form and record fit a phone", async () => {
    const page = await open('applicant');
    await expectFitsAtEverySize(page, 'applicant-dashboard');
    await page.goto(`${fixture.server.url}/#/myApplications`);
    await pageLoaded(page);
    await expectFitsAtEverySize(page, 'applicant-applications');
    // The draft opens in its form; its record page is beside it.
    await page.setViewportSize({ width: 390, height: 844 });
    await closeMenuDrawer(page);
    await page.locator('.ListGrid-phone li a, .ListGrid-phone li [role="button"]').first().click();
    await page.getByTestId('form-two').waitFor({ timeout: 20_000 });
    await expectFitsAtEverySize(page, 'applicant-form');
    await page.goto(page.url().replace(/\/?$/, '/show'));
    await pageLoaded(page);
    await expectFitsAtEverySize(page, 'applicant-record');
    await page.context().close();
  });
});
