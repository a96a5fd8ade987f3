// The deployment of docs/operations.md, served for real: Debian's nginx running deploy/nginx/
// tepei.conf (only its ports and file paths replaced) inside Debian's own nginx.conf, in front
// of two production bundles (api/dist/main.mjs, NODE_ENV=production, the variables of
// deploy/api.env.example) on one PostgreSQL server, with the first administrator made by the
// bundled admin:create. Through nginx over TLS: the probes, a sign-in, both processes answering,
// the request id and the client's address reaching the API, compression, a 10 MiB upload,
// /metrics kept to the monitoring host, and the site still answering while one process stops
// and comes back (the rolling upgrade). Needs a server (DATABASE_URL): two processes share one
// database.
//
// Clients connect from 127.0.0.1 (the "monitoring host" the shipped file allows) or from
// 127.0.0.2 (anyone else); nginx reaches the API from 127.0.0.1, so only X-Forwarded-For can
// tell the API that a request came from 127.0.0.2.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { areaFacts } from '@tepei/db/reference/areas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, buildApiBundle, freePort, startApiProcess } from '../support/api-processes.ts';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/database.ts';
import { commandRuns, nginxPath } from '../support/debian-packages.ts';
import { pdfBytes } from '../support/uploads.ts';
import { globalId } from '../support/workflow.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const adminUsername = 'ops-admin';
const adminPassword = 'Nginx-Ops-2026-pw';
const metricsToken = 'metrics-token-of-the-nginx-test';
const monitoringHost = '127.0.0.1';
const elsewhere = '127.0.0.2';

let work: string;
let db: TestDatabase;
let apiEnv: NodeJS.ProcessEnv;
let a: ApiProcess;
let b: ApiProcess;
let nginx: ChildProcess;
let nginxOutput = '';
let httpPort: number;
let httpsPort: number;
let adminToken: string;
let roundId: string;

/** Replaces `from` in `text` exactly `times` times: the shipped file changing shape fails here, not silently. */
function replaceExactly(text: string, from: string, to: string, times = 1): string {
  const found = text.split(from).length - 1;
  if (found !== times) throw new Error(`expected ${times} × ${JSON.stringify(from)} in the nginx configuration, found ${found}`);
  return text.replaceAll(from, to);
}

/** deploy/nginx/tepei.conf with this machine's ports and files (IPv6 listeners dropped: the machine may lack IPv6). */
function renderSite(): string {
  let site = readFileSync(join(root, 'deploy/nginx/tepei.conf'), 'utf8');
  site = replaceExactly(site, '127.0.0.1:4001', `127.0.0.1:${a.port}`, 2);
  site = replaceExactly(site, '127.0.0.1:4002', `127.0.0.1:${b.port}`, 2);
  site = replaceExactly(site, '    listen 80;', `    listen ${httpPort};`);
  site = replaceExactly(site, '    listen [::]:80;\n', '');
  site = replaceExactly(site, '    listen 443 ssl http2;', `    listen ${httpsPort} ssl http2;`);
  site = replaceExactly(site, '    listen [::]:443 ssl http2;\n', '');
  site = replaceExactly(site, '/etc/tepei/tls/fullchain.pem', join(work, 'cert.pem'));
  site = replaceExactly(site, '/etc/tepei/tls/privkey.pem', join(work, 'key.pem'));
  site = replaceExactly(site, '/var/log/nginx/tepei.access.log', join(work, 'tepei.access.log'), 2);
  return site;
}

/** Debian's /etc/nginx/nginx.conf, writing only into `work` and including the site instead of conf.d and sites-enabled. */
function renderMain(): string {
  let main = readFileSync('/etc/nginx/nginx.conf', 'utf8');
  // Workers as root only because the test runs as root and its files are root's alone.
  main = replaceExactly(main, 'user www-data;', process.getuid?.() === 0 ? 'user root;' : '');
  main = replaceExactly(main, 'pid /run/nginx.pid;', `pid ${join(work, 'nginx.pid')};`);
  main = replaceExactly(main, 'error_log /var/log/nginx/error.log;', 'error_log stderr;');
  main = replaceExactly(main, 'access_log /var/log/nginx/access.log;', `access_log ${join(work, 'access.log')};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${join(work, `${kind}-temp`)};`).join('\n\t');
  main = replaceExactly(main, 'include /etc/nginx/conf.d/*.conf;', `${temp}\n\tinclude ${join(work, 'tepei.conf')};`);
  main = replaceExactly(main, 'include /etc/nginx/sites-enabled/*;', '');
  return main;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text(): string;
  json(): any;
}

/** One request to nginx over TLS (or plain HTTP) from `from`, on a connection of its own. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer; from?: string; tls?: boolean } = {}): Promise<Answer> {
  const tls = options.tls ?? true;
  const request = tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: tls ? httpsPort : httpPort,
        path,
        method: options.method ?? 'GET',
        headers: { ...(options.body ? { 'content-length': String(options.body.length) } : {}), ...options.headers },
        localAddress: options.from ?? elsewhere,
        agent: false,
        rejectUnauthorized: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode!, headers: response.headers, body, text: () => body.toString('utf8'), json: () => JSON.parse(body.toString('utf8')) });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function graphql(query: string, variables: Record<string, unknown> = {}, options: { token?: string; headers?: Record<string, string>; from?: string } = {}) {
  return send('/graphql', {
    method: 'POST',
    from: options.from,
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    body: Buffer.from(JSON.stringify({ query, variables })),
  });
}

const loginMutation = `mutation($username: String!, $password: String!) { login(username: $username, password: $password) {
  __typename ... on MutationLoginSuccess { data { token user { username role } } } ... on Error { message } } }`;

/** The API's JSON log lines of `api` with this request id. */
function logLines(api: ApiProcess, requestId: string): Array<Record<string, unknown>> {
  return api
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.requestId === requestId);
}

/** Which of the two processes logged the request with this id (after its line is written). */
async function answeredBy(requestId: string): Promise<Array<'a' | 'b'>> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const by = [...(logLines(a, requestId).length ? (['a'] as const) : []), ...(logLines(b, requestId).length ? (['b'] as const) : [])];
    if (by.length || Date.now() > deadline) return by;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function accessLog(): string[] {
  try {
    return readFileSync(join(work, 'tepei.access.log'), 'utf8').trim().split('\n');
  } catch {
    return [];
  }
}

async function startApi(port?: number): Promise<ApiProcess> {
  return startApiProcess({ databaseUrl: db.url, port, entry: 'bundle', env: apiEnv });
}

// systemd is not running here, but its checker is: the units as shipped, the backup script found in this checkout.
describe.skipIf(!commandRuns('systemd-analyze', ['--version']))('the systemd units (deploy/systemd)', () => {
  it('pass systemd-analyze verify, start the bundle the test runs, and outwait its 25 s stop', () => {
    const units = mkdtempSync(join(tmpdir(), 'tepei-units-'));
    try {
      const service = readFileSync(join(root, 'deploy/systemd/tepei-api@.service'), 'utf8');
      writeFileSync(join(units, 'tepei-api@4001.service'), service);
      const backup = readFileSync(join(root, 'deploy/systemd/tepei-backup.service'), 'utf8');
      writeFileSync(join(units, 'tepei-backup.service'), replaceExactly(backup, '/opt/tepei/current/deploy/tepei-backup.sh', join(root, 'deploy/tepei-backup.sh')));
      writeFileSync(join(units, 'tepei-backup.timer'), readFileSync(join(root, 'deploy/systemd/tepei-backup.timer'), 'utf8'));
      const verified = spawnSync('systemd-analyze', ['verify', '--man=no', 'tepei-api@4001.service', 'tepei-backup.service', 'tepei-backup.timer'], { cwd: units, encoding: 'utf8' });
      expect(verified.status, verified.stderr).toBe(0);
      expect(verified.stderr.trim()).toBe('');

      const setting = (name: string) => [...service.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((match) => match[1]);
      // The same V8 heap bounds as `pnpm start:prod` (bench/README.md: what keeps the API under 300 MB).
      const startProd = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['start:prod'] as string;
      const nodeFlags = /\bnode ((?:--[\w-]+=\S+ )*)api\/dist\/main\.mjs/.exec(startProd)?.[1] ?? '';
      expect(nodeFlags).toMatch(/--max-old-space-size=/);
      expect(setting('ExecStart')).toEqual([`/usr/bin/node ${nodeFlags}api/dist/main.mjs`]);
      expect(setting('Environment')).toEqual(['NODE_ENV=production', 'PORT=%i']);
      expect(setting('EnvironmentFile')).toEqual(['/etc/tepei/api.env']);
      expect(setting('KillSignal')).toEqual(['SIGTERM']);
      expect(Number(setting('TimeoutStopSec')[0])).toBeGreaterThan(25);
      expect(setting('Restart')).toEqual(['on-failure']);
    } finally {
      rmSync(units, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!serverUrl)('two API processes behind nginx (deploy/, docs/operations.md)', () => {
  beforeAll(async () => {
    buildApiBundle();
    work = mkdtempSync(join(tmpdir(), 'tepei-nginx-'));
    db = await createTestDatabase();
    // The reference areas (a long enough answer to compress), and a round to upload the
    // region's list scan to: this migrated database has no demo data.
    await db.prisma.area.createMany({ data: areaFacts.map((area, index) => ({ ...area, sortOrder: index })) });
    roundId = (
      await db.prisma.round.create({
        data: {
          year: 2031,
          name: '2031年度特培（nginx 部署测试）',
          applicationDeadline: new Date(Date.now() + 30 * 86_400_000),
          recommendationDeadline: new Date(Date.now() + 60 * 86_400_000),
          ageCutoffDate: new Date('1986-01-01'),
          shortageSpecialties: [],
        },
      })
    ).id;

    // deploy/api.env.example as shipped, its placeholders replaced; PORT and NODE_ENV as the systemd unit sets them.
    const example = Object.fromEntries(
      readFileSync(join(root, 'deploy/api.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(example).sort()).toEqual(['DATABASE_URL', 'FILE_URL_SECRET', 'LOG_LEVEL', 'METRICS_TOKEN', 'TRUST_PROXY']);
    apiEnv = {
      ...example,
      DATABASE_URL: db.url,
      FILE_URL_SECRET: 'nginx-deployment-test-file-url-secret-0123456789',
      METRICS_TOKEN: metricsToken,
      NODE_ENV: 'production',
      TEPEI_DEMO_DATA: undefined,
    };
    expect(apiEnv).toMatchObject({ TRUST_PROXY: '1', LOG_LEVEL: 'info' });
    writeFileSync(join(work, 'password'), `${adminPassword}\n`);
    execFileSync(process.execPath, ['api/dist/admin-create.mjs', adminUsername, '--password-file', join(work, 'password')], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: db.url },
      stdio: 'pipe',
    });

    a = await startApi();
    b = await startApi();

    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')], { stdio: 'pipe' });
    httpPort = await freePort();
    httpsPort = await freePort();
    writeFileSync(join(work, 'tepei.conf'), renderSite());
    writeFileSync(join(work, 'nginx.conf'), renderMain());
    execFileSync(nginxPath, ['-t', '-p', work, '-c', join(work, 'nginx.conf')], { stdio: 'pipe' });

    nginx = spawn(nginxPath, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stdout!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    nginx.stderr!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}: ${nginxOutput}`);
      const answered = await send('/health', { from: monitoringHost }).catch(() => null);
      if (answered?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`nginx did not answer within 15 s: ${nginxOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
      const exited = once(nginx, 'exit');
      nginx.kill('SIGTERM');
      await exited;
    }
    await a?.stop();
    await b?.stop();
    await db?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('answers /health and /readiness over TLS with HSTS, and sends plain HTTP to https', async () => {
    const health = await send('/health');
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    const readiness = await send('/readiness');
    expect(readiness.status).toBe(200);
    expect(readiness.json()).toEqual({ status: 'ready' });

    const plain = await send('/readiness?x=1', { tls: false });
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toMatch(/^https:\/\/127\.0\.0\.1\/readiness\?x=1$/);
  });

  it('lets the administrator made by admin:create sign in through nginx, and serves the session', async () => {
    const signedIn = await graphql(loginMutation, { username: adminUsername, password: adminPassword });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json().data.login, signedIn.text()).toMatchObject({ __typename: 'MutationLoginSuccess', data: { user: { username: adminUsername, role: 'REGIONAL' } } });
    adminToken = signedIn.json().data.login.data.token;
    // Sessions live in the database: whichever process answers next knows the token.
    for (let i = 0; i < 4; i++) {
      const me = await graphql('{ me { username } }', {}, { token: adminToken });
      expect(me.json().data.me.username).toBe(adminUsername);
    }
  });

  it('shares the requests between both processes, each request answered by one, the request id the same in nginx, the API and the answer', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `nginx-share-${i}`);
    for (const id of ids) {
      const answer = await send('/readiness', { headers: { 'x-request-id': id } });
      expect(answer.status).toBe(200);
      expect(answer.headers['x-request-id']).toBe(id);
    }
    const by = await Promise.all(ids.map(answeredBy));
    for (const processes of by) expect(processes).toHaveLength(1);
    expect(by.filter(([which]) => which === 'a').length).toBeGreaterThanOrEqual(2);
    expect(by.filter(([which]) => which === 'b').length).toBeGreaterThanOrEqual(2);
    // nginx's line names the process it chose, and never a query string.
    const lines = accessLog();
    for (const [index, id] of ids.entries()) {
      const line = lines.find((entry) => entry.endsWith(` id=${id}`));
      expect(line, lines.join('\n')).toBeDefined();
      expect(line).toContain(`upstream=127.0.0.1:${by[index]![0] === 'a' ? a.port : b.port} 200`);
    }

    // Without a usable id of the client's, nginx makes one and the API keeps it.
    const unnamed = await send('/health', { headers: { 'x-request-id': 'has spaces' } });
    const made = unnamed.headers['x-request-id'] as string;
    expect(made).toMatch(/^[0-9a-f]{32}$/);
    expect(await answeredBy(made)).toHaveLength(1);
    expect(accessLog().some((entry) => entry.endsWith(` id=${made}`))).toBe(true);
    expect(readFileSync(join(work, 'tepei.access.log'), 'utf8')).not.toContain('x=1');
  });

  it('gzips GraphQL JSON itself and passes the console’s precompressed files as the API sent them', async () => {
    const token = (await graphql(loginMutation, { username: adminUsername, password: adminPassword })).json().data.login.data.token;
    const areas = await graphql('{ areas { id code name } }', {}, { token, headers: { 'accept-encoding': 'gzip' } });
    expect(areas.status).toBe(200);
    expect(areas.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(gunzipSync(areas.body).toString('utf8'));
    expect(json.data.areas.length, JSON.stringify(json)).toBe(areaFacts.length);

    // The console, when built (pnpm build): the API's own .br file, byte for byte.
    const assets = join(root, 'admin/dist/assets');
    const script = existsSync(assets) ? readdirSync(assets).find((name) => name.endsWith('.js') && existsSync(join(assets, `${name}.br`))) : undefined;
    if (!script) return;
    const sent = await send(`/assets/${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(sent.status).toBe(200);
    expect(sent.headers['content-encoding']).toBe('br');
    expect(sent.headers.vary).toMatch(/accept-encoding/i);
    expect(sent.body.equals(readFileSync(join(assets, `${script}.br`)))).toBe(true);
  });

  it("counts a sign-in under the client's address that nginx appended to X-Forwarded-For, not under one the client wrote", async () => {
    const username = 'nobody-behind-nginx';
    const refused = await graphql(loginMutation, { username, password: 'Wrong-pass-1' }, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(refused.json().data.login.__typename).not.toBe('MutationLoginSuccess');
    const keys = (await db.prisma.signInAttemptCounter.findMany({ where: { key: { contains: username } }, select: { key: true } })).map((row) => row.key);
    expect(keys.sort()).toEqual([`sign-in:account-address:${username}|${elsewhere}`, `sign-in:account:${username}`]);
    const addresses = (await db.prisma.signInAttemptCounter.findMany({ where: { key: { startsWith: 'sign-in:address:' } }, select: { key: true } })).map((row) => row.key);
    expect(addresses).toContain(`sign-in:address:${elsewhere}`);
    expect(addresses).not.toContain('sign-in:address:203.0.113.9');
  });

  it('passes an upload of the API’s full 10 MiB, and turns away a larger request itself', async () => {
    const pdf = pdfBytes('nginx');
    const bytes = new Uint8Array(10 * 1024 * 1024);
    bytes.set(pdf);
    bytes.fill(0x20, pdf.length);
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'mutation($roundId: ID!, $file: File!) { uploadForm5Scan(roundId: $roundId, file: $file) { __typename ... on MutationUploadForm5ScanSuccess { data { sizeBytes } } ... on Error { message } } }',
        variables: { roundId: globalId('Round', roundId), file: null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new File([bytes], '名单汇总表.pdf', { type: 'application/pdf' }));
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const headers = { 'content-type': encoded.headers.get('content-type')!, authorization: `Bearer ${adminToken}`, 'x-graphql-yoga-csrf': '1' };
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);

    const uploaded = await send('/graphql', { method: 'POST', headers, body });
    expect(uploaded.status, uploaded.text()).toBe(200);
    expect(uploaded.json().data.uploadForm5Scan, uploaded.text()).toEqual({ __typename: 'MutationUploadForm5ScanSuccess', data: { sizeBytes: 10 * 1024 * 1024 } });

    const tooLarge = await send('/graphql', { method: 'POST', headers: { ...headers, 'x-request-id': 'nginx-too-large' }, body: Buffer.concat([body, Buffer.alloc(1024 * 1024)]) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text()).toContain('nginx');
    expect(await answeredBy('nginx-too-large')).toEqual([]);
  });

  it('serves /metrics of each process to the monitoring host with the token only', async () => {
    for (const path of ['/metrics', '/metrics/api1', '/metrics/api2']) {
      expect((await send(path, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(403);
    }
    expect((await send('/metrics/api1', { from: monitoringHost })).status).toBe(401);
    expect((await send('/metrics', { from: monitoringHost })).status).toBe(401);
    expect((await send('/metrics', { from: monitoringHost, headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(200);
    for (const [path, api] of [['/metrics/api1', () => a], ['/metrics/api2', () => b]] as const) {
      const id = `nginx-scrape${path.replaceAll('/', '-')}`;
      const scraped = await send(path, { from: monitoringHost, headers: { authorization: `Bearer ${metricsToken}`, 'x-request-id': id } });
      expect(scraped.status).toBe(200);
      expect(scraped.text()).toMatch(/^graphql_yoga_http_duration_count\{/m);
      expect(scraped.text()).toMatch(/^process_resident_memory_bytes /m);
      expect(await answeredBy(id)).toEqual([api() === a ? 'a' : 'b']);
    }
  });

  it('keeps answering, GraphQL writes included, while one process stops on SIGTERM, and uses it again once restarted on its port', async () => {
    await a.stop();
    expect(a.child.exitCode).toBe(0);
    for (let i = 0; i < 6; i++) {
      const id = `nginx-one-down-${i}`;
      const readiness = await send('/readiness', { headers: { 'x-request-id': id } });
      expect(readiness.status).toBe(200);
      expect(await answeredBy(id)).toEqual(['b']);
      // A POST too: the refused connection carried nothing, so nginx sends it to the other.
      const signedIn = await graphql(loginMutation, { username: adminUsername, password: adminPassword }, { headers: { 'x-request-id': `${id}-login` } });
      expect(signedIn.status).toBe(200);
      expect(signedIn.json().data.login.__typename).toBe('MutationLoginSuccess');
    }

    // The rolling upgrade's next step: the process comes back on its port, and nginx uses it
    // again once the failure's timeout (fail_timeout=5s) has passed.
    a = await startApi(a.port);
    expect((await fetch(`http://127.0.0.1:${a.port}/readiness`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5500));
    const ids = Array.from({ length: 6 }, (_, i) => `nginx-back-${i}`);
    for (const id of ids) expect((await send('/health', { headers: { 'x-request-id': id } })).status).toBe(200);
    const by = (await Promise.all(ids.map(answeredBy))).map(([which]) => which);
    expect(by).toContain('a');
    expect(by).toContain('b');
  });
});
