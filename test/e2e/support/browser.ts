// Chromium for the console's browser tests: Debian's package, driven by playwright-core
// (Playwright's own browser download cannot be reached from here). When it or a Chinese font is
// missing and the tests run as root (CI, a fresh machine), they are installed with apt-get first.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackages } from '../../support/debian-packages.ts';

export const chromiumPath = '/usr/bin/chromium';

// --lang=zh-CN: date inputs take their day/month order from the browser's language, as in a reviewer's Chinese browser.
const flags = ['--headless', '--lang=zh-CN', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** Chromium, and a Chinese font so that screenshots show the console's text, not empty boxes. */
export function ensureChromium(): void {
  const missing = [...(existsSync(chromiumPath) ? [] : ['chromium']), ...(hasChineseFont() ? [] : ['fonts-noto-cjk'])];
  ensureDebianPackages(missing, '浏览器测试');
}

export function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}
