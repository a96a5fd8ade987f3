// The API and the console on one real port, as `pnpm start` serves them: the in-process API of
// support/api.ts behind the same handlers as api/src/main.ts (api/src/probes.ts, then
// api/src/console.ts). The console is built first when admin/dist is missing or older than what
// it is built from.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleDir, withConsole } from '@tepei/api/console';
import { withProbes } from '@tepei/api/probes';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApi, type TestApi } from '../../support/api.ts';
import { launchChromium } from './browser.ts';
import { ensureArtifacts } from './pages.ts';

const adminDir = fileURLToPath(new URL('../../../admin/', import.meta.url));
/** The console bundles the API's printed schema (admin/src/dataProvider/schema.ts). */
const schemaFile = fileURLToPath(new URL('../../../api/schema.graphql', import.meta.url));
/**
 * And the modules it shares with the API and the domain package: the export sheets and labels
 * under api/src/modules, the rules of prisma/src/reference. A change there changes the console.
 */
const sharedSources = ['../../../api/src/modules/', '../../../api/src/errors/', '../../../prisma/src/reference/'].map((path) => fileURLToPath(new URL(path, import.meta.url)));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function isBuilt(): boolean {
  const built = join(consoleDir, 'index.html');
  const sources = [join(adminDir, 'src'), join(adminDir, 'index.html'), join(adminDir, 'vite.config.ts'), join(adminDir, 'precompress.ts'), join(adminDir, 'apiIntrospection.ts'), join(adminDir, 'package.json'), schemaFile, ...sharedSources];
  return existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestChange));
}

/**
 * Several browser test files start at once, each in its own worker: one builds while the others
 * wait for it, or they would write admin/dist over each other. The lock is a directory, because
 * creating one either succeeds or fails for everyone at the same moment.
 */
const buildLock = join(adminDir, '.build-lock');
const staleLockMs = 10 * 60_000;

export async function ensureConsoleBuilt(): Promise<void> {
  for (;;) {
    if (isBuilt()) return;
    try {
      mkdirSync(buildLock);
    } catch {
      // Another worker is building; a lock older than any build is left by a killed run.
      if (existsSync(buildLock) && Date.now() - statSync(buildLock).mtimeMs > staleLockMs) rmSync(buildLock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (isBuilt()) return;
      // vite itself rather than `pnpm build`: pnpm need not be on the PATH of the test run.
      execFileSync(process.execPath, [join(adminDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: adminDir,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      return;
    } finally {
      rmSync(buildLock, { recursive: true, force: true });
    }
  }
}

export interface ConsoleServer {
  url: string;
  close(): Promise<void>;
}

export async function serveConsole(api: TestApi): Promise<ConsoleServer> {
  const server: Server = createServer(withProbes(withConsole(api.yoga)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface ConsoleFixture {
  api: TestApi;
  server: ConsoleServer;
  browser: Browser;
}

/**
 * What a browser test file of the console starts before its tests and stops after them: the
 * console built, a seeded API whose clock reads `now`, both on one port, and a Chromium. Call at
 * the top of the file; the fields are there once beforeAll has run.
 */
export function useConsole(now: Date, { language }: { language?: string } = {}): ConsoleFixture {
  const fixture = {} as ConsoleFixture;
  beforeAll(async () => {
    ensureArtifacts();
    await ensureConsoleBuilt();
    fixture.browser = await launchChromium({ language });
    fixture.api = await startApi({ seeded: true, clock: () => now });
    fixture.server = await serveConsole(fixture.api);
  }, 900_000);
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
    await fixture.api?.close();
  });
  return fixture;
}
