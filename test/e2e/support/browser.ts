// Chromium for the console's browser tests: Debian's package, driven by playwright-core
// (Playwright's own browser download cannot be reached from here). When it or a Chinese font is
// missing and the tests run as root (CI, a fresh machine), they are installed with apt-get first.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath, ensureDebianPackages, hasChineseFont } from '../../support/debian-packages.ts';

export { chromiumPath };

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Chromium, and a Chinese font so that screenshots show the console's text, not empty boxes. */
export function ensureChromium(): void {
  const missing = [...(existsSync(chromiumPath) ? [] : ['chromium']), ...(hasChineseFont() ? [] : ['fonts-noto-cjk'])];
  ensureDebianPackages(missing, '浏览器测试');
}

/** `language` is the browser's own (--lang), as in a reviewer's Chinese browser unless told. */
export function launchChromium({ language = 'zh-CN' }: { language?: string } = {}): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...flags, `--lang=${language}`] });
}
