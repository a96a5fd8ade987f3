// What every browser test of the console does: open a window as a reviewer would (1440×900,
// zh-CN, Beijing time), sign in with a demo account, and keep screenshots in test/artifacts/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Download, Page } from 'playwright-core';
import { demoPassword } from '../../support/api.ts';

export const artifacts = fileURLToPath(new URL('../../artifacts/', import.meta.url));

export function ensureArtifacts(): void {
  mkdirSync(artifacts, { recursive: true });
}

/** A fresh window signed in as `username` (a demo account unless `password` is given), on the dashboard. */
export async function signIn(browser: Browser, url: string, username: string, loginScreenshot?: string, password = demoPassword): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  await page.goto(`${url}/`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  if (loginScreenshot) await screenshot(page, loginScreenshot);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('welcome-card').waitFor();
  return page;
}

/**
 * Waits until the page is still: no request of the console in flight (react-admin's app-bar
 * spinner gone) and no finite CSS transition or animation running. A button enabled when its
 * data arrives fades from grey to its colour in 250 ms; looked at mid-fade (white text on grey)
 * it fails a contrast check it passes a moment later. Endless animations (a spinner) are ignored.
 */
export async function settled(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('.app-loader') &&
      document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
    null,
    { timeout, polling: 100 },
  );
}

/** The whole page; only the window for a dialog, which covers the window and not the page. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  // The pointer left where the last click was would show a chart's tooltip in the picture, and a
  // page scrolled down would show the fixed app bar in the middle of the whole page's picture.
  if (fullPage) {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage });
}

/** The windows the console is looked at in: a desktop, a laptop and a phone. */
export const windowSizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const;

/**
 * The page in each of `windowSizes`, saved as `<name>-<width>x<height>.png` once `settle` has
 * let it lay itself out again (200 ms unless told), then back at 1440×900.
 */
export async function screenshotsAtSizes(
  page: Page,
  name: string,
  { settle = () => page.waitForTimeout(200), fullPage = true }: { settle?: () => Promise<unknown>; fullPage?: boolean } = {},
): Promise<void> {
  for (const { width, height } of windowSizes) {
    await page.setViewportSize({ width, height });
    await settle();
    await screenshot(page, `${name}-${width}x${height}`, { fullPage });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Clicks `trigger` and returns the file the browser was given, with its bytes. */
export async function downloadBy(page: Page, trigger: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), trigger()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { download, bytes: Buffer.concat(chunks) };
}
