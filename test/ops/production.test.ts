// Running it for real: the configuration checked at start, the production bundle (api/dist, run
// by node as `pnpm start:prod` does) on a database without demo data, the first administrator
// made by `pnpm admin:create`, JSON logs whose request id is the response's and the audit's,
// and a graceful stop. On a server when DATABASE_URL is set, else on an embedded database in
// a folder of the test's (which one process holds at a time, so its rows are read after a stop).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient } from '@tepei/db/client';
import { openDatabase } from '@tepei/db/database';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiBundle, startApiProcess, type ApiProcess } from '../support/api-processes.ts';
import { createEmptyDatabase, serverUrl } from '../support/database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}api/node_modules/.bin/tsx`;
const adminPassword = 'Ops-Admin-2026-pw';
// A resident ID number (valid check digit) used as a username: it must never reach the log.
const idNumberUsername = '11010519491231002X';

let work: string;
let database: { url: string; close(): Promise<void> };
/** Where the process finds its database: DATABASE_URL on a server, TEPEI_DATA_DIR embedded. */
let databaseEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  buildApiBundle();
  work = mkdtempSync(join(tmpdir(), 'tepei-ops-'));
  if (serverUrl) {
    database = await createEmptyDatabase();
    databaseEnv = { DATABASE_URL: database.url };
  } else {
    database = { url: '', close: async () => {} };
    databaseEnv = { DATABASE_URL: '', TEPEI_DATA_DIR: join(work, 'data') };
  }
  writeFileSync(join(work, 'weak'), 'password\n');
  writeFileSync(join(work, 'good'), `${adminPassword}\n`);
});

afterAll(async () => {
  await database?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...databaseEnv, ...extra };
  for (const [name, value] of Object.entries(result)) if (value === undefined) delete result[name];
  return result;
}

/** Reads the database with the process stopped (the embedded one serves one process). */
async function withDatabase<T>(read: (client: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const opened = serverUrl ? { url: database.url, poolSize: 1, close: async () => {} } : await openDatabase({ url: '', dataDir: databaseEnv.TEPEI_DATA_DIR });
  const client = createPrismaClient(opened);
  try {
    return await read(client);
  } finally {
    await client.$disconnect();
    await opened.close();
  }
}

function adminCreate(args: string[]) {
  return spawnSync(tsx, ['api/src/admin-create-cli.ts', ...args], { cwd: root, env: env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function post(api: ApiProcess, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as any };
}

const loginMutation = `mutation($username: String!, $password: String!) { login(username: $username, password: $password) {
  __typename ... on MutationLoginSuccess { data { token user { username role } } } ... on Error { message } } }`;

describe('the configuration', () => {
  it.each([
    ['PORT', { PORT: 'banana' }, 'banana'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root:hunter2-secret@db/tepei' }, 'hunter2-secret'],
    ['TRUST_PROXY', { TRUST_PROXY: 'yes' }, undefined],
    ['FILE_URL_SECRET', { FILE_URL_SECRET: 'short-secret-value' }, 'short-secret-value'],
  ])('stops the process with one line naming %s when its value is wrong', (name, bad, secret) => {
    const result = spawnSync(process.execPath, ['api/dist/main.mjs'], { cwd: root, env: env(bad), encoding: 'utf8' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (secret && name !== 'PORT') expect(result.stderr).not.toContain(secret);
  });
});

describe('pnpm admin:create', () => {
  it('refuses a password from the command line, and a weak one from a file, without printing it', () => {
    const inline = adminCreate(['root-admin', '--password', adminPassword]);
    expect(inline.status).toBe(1);
    expect(inline.stderr).toContain('--password-file');
    const weak = adminCreate(['root-admin', '--password-file', join(work, 'weak')]);
    expect(weak.status, weak.stderr).toBe(1);
    expect(weak.stderr).toContain('密码至少8位');
    expect(weak.stdout + weak.stderr).not.toContain('password\n');
    expect(weak.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('creates a regional administrator with the password from a file, never printing it, and refuses the same username again', async () => {
    const created = adminCreate(['root-admin', '--password-file', join(work, 'good')]);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('root-admin');
    expect(created.stdout + created.stderr).not.toContain(adminPassword);
    const again = adminCreate(['root-admin', '--password-file', join(work, 'good')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
    expect(again.stdout + again.stderr).not.toContain(adminPassword);
  });
});

describe('the production bundle', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApiProcess({ databaseUrl: database.url, entry: 'bundle', env: env({ TEPEI_DEMO_DATA: undefined }) });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('starts from api/dist with node and lets the administrator sign in as REGIONAL', async () => {
    const signedIn = await post(api, loginMutation, { username: 'root-admin', password: adminPassword });
    expect(signedIn.body.data.login, JSON.stringify(signedIn.body)).toMatchObject({ data: { user: { username: 'root-admin', role: 'REGIONAL' } } });
    const demo = await post(api, loginMutation, { username: 'admin', password: 'Demo@2025' });
    expect(demo.body.data.login.__typename).not.toBe('MutationLoginSuccess');
  });

  it('logs JSON lines whose request id is the x-request-id answered and the audit record’s, without the ID number signed in with', async () => {
    const given = await post(api, loginMutation, { username: 'root-admin', password: adminPassword }, { 'x-request-id': 'ops-test-request-1' });
    expect(given.requestId).toBe('ops-test-request-1');
    const unsafe = await post(api, '{ health { ok } }', {}, { 'x-request-id': 'has spaces\tand tabs' });
    expect(unsafe.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const withId = await post(api, loginMutation, { username: idNumberUsername, password: 'Wrong-pass-1' });
    expect(withId.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const lines = api.output().trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const id of ['ops-test-request-1', unsafe.requestId, withId.requestId]) {
      expect(entries.some((entry) => entry.requestId === id && entry.path === '/graphql' && entry.status === 200)).toBe(true);
    }
    expect(api.output()).not.toContain(idNumberUsername);
    expect(api.output()).not.toContain(idNumberUsername.slice(6, 14));
    expect(api.output()).not.toContain(adminPassword);

    await api.stop();
    const audited = await withDatabase((client) => client.auditRecord.findMany({ where: { requestId: { in: ['ops-test-request-1', withId.requestId!] } } }));
    expect(audited.map((record) => [record.requestId, record.operation, record.result]).sort()).toEqual(
      [
        ['ops-test-request-1', 'login', 'SUCCESS'],
        [withId.requestId, 'login', expect.any(String)],
      ].sort(),
    );
  });

  it('wrote no demo account nor demo round into the empty database', async () => {
    await api.stop();
    const users = await withDatabase((client) => client.user.findMany({ select: { username: true, role: true } }));
    expect(users).toEqual([{ username: 'root-admin', role: 'REGIONAL' }]);
    expect(await withDatabase((client) => client.round.count())).toBe(0);
  });
});

describe.skipIf(!serverUrl)('a stop on SIGTERM', () => {
  it('lets a request in flight finish with 200, refuses new connections, and exits 0', async () => {
    const api = await startApiProcess({ databaseUrl: database.url, entry: 'bundle', env: env() });
    // Every unit of work raises DataVersion last: holding its table makes the sign-in wait.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "DataVersion" IN EXCLUSIVE MODE');
      const inFlight = post(api, loginMutation, { username: 'root-admin', password: adminPassword });
      let answered = false;
      void inFlight.then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(answered).toBe(false);

      const exited = once(api.child, 'exit');
      api.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(api.child.exitCode).toBeNull();
      await expect(fetch(`http://127.0.0.1:${api.port}/health`)).rejects.toThrow();
      await blocker.query('COMMIT');

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(response.body.data.login.__typename).toBe('MutationLoginSuccess');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(api.output()).toContain('已停止 / stopped');
    } finally {
      await blocker.end();
      await api.stop();
    }
  });
});

// The one-command first look still works from source: `pnpm start` is tsx with demo data on.
describe('pnpm start', () => {
  it('defaults to demo data outside production', () => {
    const result = spawn(tsx, ['-e', "import('@tepei/api/config').then(({ config }) => console.log(config.demoData))"], { cwd: `${root}api`, env: { ...process.env, NODE_ENV: 'development' } });
    let out = '';
    result.stdout.on('data', (chunk) => (out += chunk));
    return once(result, 'exit').then(() => expect(out.trim()).toBe('true'));
  });
});
