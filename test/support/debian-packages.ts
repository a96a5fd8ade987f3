// Tools the tests run that no npm package provides (Chromium, a Chinese font, poppler's
// pdftoppm; nginx and openssl for test/ops/nginx-deployment.test.ts) come from Debian:
// installed on the spot when the tests run as root, as CI does, otherwise named in one line
// the developer can act on. They are installed once, before any test file starts
// (global-setup.ts): two files running apt-get at once would fight over its lock.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';
export const nginxPath = '/usr/sbin/nginx';

export function ensureDebianPackages(missing: readonly string[], neededFor: string): void {
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${neededFor}需要 ${missing.join('、')}：请以 root 运行测试，或先执行 apt-get install -y ${missing.join(' ')}`);
  }
  const apt = (...args: string[]) =>
    execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update');
  apt('install', '-y', '--no-install-recommends', ...missing);
}

/** True when `command` runs (with `args`) from the PATH. */
export function commandRuns(command: string, args: readonly string[] = ['--version']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** Every Debian package some test needs and the machine lacks. */
export function missingDebianPackages(): string[] {
  return [
    ...(existsSync(chromiumPath) ? [] : ['chromium']),
    ...(hasChineseFont() ? [] : ['fonts-noto-cjk']),
    ...(commandRuns('pdftoppm', ['-v']) ? [] : ['poppler-utils']),
    ...(existsSync(nginxPath) ? [] : ['nginx']),
    ...(commandRuns('openssl', ['version']) ? [] : ['openssl']),
  ];
}
