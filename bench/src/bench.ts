// `pnpm bench`: for each size, load a synthetic round into a database of its own, start the
// API and the baseline as child processes, check they give the same answers, and measure each
// operation at each number of clients; then the same API on the embedded database. Writes
// bench/results/<date>-<machine>.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { demoPassword } from '@tepei/db/seed';
import { runCell, type LoadRequest } from './load.ts';
import { describeMachine } from './machine.ts';
import { type Operation, operations, requestBody, type Scenario } from './operations.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { renderReport } from './report.ts';
import type { OperationResult, RunResult, ServerMeasurement, SizeResult } from './results.ts';
import { createEmbeddedDatabase, createServerDatabase, loadRound } from './round-data.ts';
import { findScenario } from './scenario.ts';
import { SelectionPool } from './selection-pool.ts';
import { type ServerChild, startServerChild } from './server-child.ts';

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const loginDocument = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { __typename ... on MutationLoginSuccess { data { token } } ... on Error { message } }
}`;

async function post(url: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** Real tokens: the login mutation with the demo password, through HTTP. */
async function login(api: ServerChild, username: string): Promise<string> {
  const { text } = await post(`${api.url}/graphql`, JSON.stringify({ query: loginDocument, variables: { username, password: demoPassword } }));
  const token = JSON.parse(text)?.data?.login?.data?.token as string | undefined;
  if (!token) throw new Error(`login as ${username} refused: ${text}`);
  return token;
}

function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at}: API ${JSON.stringify(a)?.slice(0, 300)} ≠ baseline ${JSON.stringify(b)?.slice(0, 300)}`;
}

const succeeded = (operation: Operation) => (body: string) =>
  operation.mutates ? body.includes('"MutationRegionalDecisionSuccess"') : body.startsWith('{"data"') && !body.includes('"errors"');

interface Servers {
  api: ServerChild;
  baseline?: ServerChild;
  tokens: Record<Operation['user'], string>;
  scenario: Scenario;
  pool?: SelectionPool;
}

function requestFor(server: ServerChild, path: string, operation: Operation, servers: Servers): LoadRequest {
  const token = servers.tokens[operation.user];
  if (operation.mutates) {
    const pool = servers.pool!;
    return {
      url: server.url,
      path,
      token,
      body: () => {
        const variables = pool.take();
        return variables && requestBody(operation, variables);
      },
      succeeded: succeeded(operation),
    };
  }
  return { url: server.url, path, token, body: requestBody(operation, operation.variables(servers.scenario)), succeeded: succeeded(operation) };
}

/** Statements per request: the counter's increase over a few sequential requests. */
async function statementsPerRequest(server: ServerChild, request: LoadRequest, times = 5): Promise<number> {
  const nextBody = () => (typeof request.body === 'string' ? request.body : request.body());
  await post(`${request.url}${request.path}`, nextBody()!, request.token);
  const before = await server.statements();
  for (let i = 0; i < times; i++) await post(`${request.url}${request.path}`, nextBody()!, request.token);
  return Math.round(((await server.statements()) - before) / times);
}

/**
 * autocannon stops without waiting for the requests in flight: wait until the server has sent
 * no statement for 200 ms, so that a reset of the selection pool comes after the last of them.
 */
async function settle(server: ServerChild): Promise<void> {
  let last = await server.statements();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await server.statements();
    if (now === last) return;
    last = now;
  }
}

async function measure(server: ServerChild, request: LoadRequest, options: BenchOptions, pool?: SelectionPool): Promise<ServerMeasurement> {
  const statements = await statementsPerRequest(server, request);
  await pool?.reset();
  const cells = [];
  let peakRssMb = 0;
  for (const connections of options.connections) {
    // A short warm-up at the same concurrency: JIT, pools and caches are not what is measured.
    await runCell(request, connections, 1, pool?.remaining);
    await settle(server);
    await pool?.reset();
    const stopSampling = server.sampleMemory();
    const cell = await runCell(request, connections, options.durationSeconds, pool?.remaining);
    await settle(server);
    peakRssMb = Math.max(peakRssMb, stopSampling());
    await pool?.reset();
    cells.push(cell);
    log(`    ${connections} clients: ${cell.requestsPerSecond.toFixed(1)} req/s, p95 ${cell.p95.toFixed(1)} ms${cell.failures ? `, ${cell.failures} failed` : ''}`);
  }
  return { statements, cells, peakRssMb };
}

/** The API's and the baseline's answers to the same request, deep-equal, or the run stops. */
async function assertSameAnswer(servers: Servers, operation: Operation): Promise<void> {
  const api = requestFor(servers.api, '/graphql', operation, servers);
  const baseline = requestFor(servers.baseline!, `/${operation.name}`, operation, servers);
  // The mutation: one application selected by each, from the same starting point.
  const body = typeof api.body === 'string' ? api.body : api.body()!;
  const fromApi = await post(`${api.url}${api.path}`, body, api.token);
  await servers.pool?.reset();
  const fromBaseline = await post(`${baseline.url}${baseline.path}`, body, baseline.token);
  await servers.pool?.reset();
  const difference = firstDifference(JSON.parse(fromApi.text), JSON.parse(fromBaseline.text));
  if (difference) throw new Error(`${operation.name}: the baseline's answer differs from the API's at ${difference}`);
  if (!succeeded(operation)(fromApi.text)) throw new Error(`${operation.name}: the API refused: ${fromApi.text.slice(0, 500)}`);
}

async function queueStatementsByPageSize(servers: Servers): Promise<Record<number, number>> {
  const queue = operations.find((operation) => operation.name === 'queue')!;
  const counts: Record<number, number> = {};
  for (const first of [10, 50, 100]) {
    const request = { ...requestFor(servers.api, '/graphql', queue, servers), body: requestBody(queue, { first }) };
    counts[first] = await statementsPerRequest(servers.api, request, 3);
  }
  return counts;
}

async function benchServer(size: number, options: BenchOptions, selected: readonly Operation[]): Promise<SizeResult> {
  log(`${size.toLocaleString('en')} applications on the PostgreSQL server`);
  const database = await createServerDatabase(options.serverUrl, size);
  const loadStarted = Date.now();
  await loadRound(database.url, database.poolSize, size, log);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const scenario = await findScenario(client);
  const api = await startServerChild('api-server.ts', { BENCH_DATABASE_URL: database.url });
  const baseline = await startServerChild('baseline-server.ts', { BENCH_DATABASE_URL: database.url });
  let pool: SelectionPool | undefined;
  try {
    const tokens = { prefecture: await login(api, scenario.prefectureUsername), admin: await login(api, 'admin'), analyst: await login(api, 'analyst') };
    pool = selected.some((operation) => operation.mutates) ? await SelectionPool.open(client, scenario.roundId) : undefined;
    const servers: Servers = { api, baseline, tokens, scenario, pool };
    const results: OperationResult[] = [];
    for (const operation of selected) {
      await assertSameAnswer(servers, operation);
      log(`  ${operation.title}: same answer from API and baseline; API`);
      const apiResult = await measure(api, requestFor(api, '/graphql', operation, servers), options, operation.mutates ? pool : undefined);
      log('  baseline');
      const baselineResult = await measure(baseline, requestFor(baseline, `/${operation.name}`, operation, servers), options, operation.mutates ? pool : undefined);
      results.push({ name: operation.name, title: operation.title, api: apiResult, baseline: baselineResult, sameAnswer: true });
    }
    const pageSizes = await queueStatementsByPageSize(servers);
    return {
      size,
      engine: 'server',
      loadSeconds,
      scenario,
      operations: results,
      apiPeakRssMb: api.peakMemory(),
      queueStatementsByPageSize: pageSizes,
      selectionPool: pool?.size,
    };
  } finally {
    await pool?.close();
    await api.stop();
    await baseline.stop();
    await client.end();
    if (!options.keep) await database.drop();
  }
}

async function benchEmbedded(size: number, options: BenchOptions, selected: readonly Operation[], scenario: Scenario | undefined): Promise<SizeResult> {
  log(`${size.toLocaleString('en')} applications on the embedded database`);
  const folder = path.join(os.tmpdir(), `tepei-bench-embedded-${size}`);
  const loadStarted = Date.now();
  const database = await createEmbeddedDatabase(folder, size, log);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  if (!scenario) {
    // The same rows as on the server (the load is deterministic): find the scenario there.
    const server = await createServerDatabase(options.serverUrl, size);
    await loadRound(server.url, server.poolSize, size, () => {});
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    scenario = await findScenario(client);
    await client.end();
    await server.drop();
  }
  const api = await startServerChild('api-server.ts', { BENCH_EMBEDDED_DIR: folder });
  try {
    const tokens = { prefecture: await login(api, scenario.prefectureUsername), admin: await login(api, 'admin'), analyst: await login(api, 'analyst') };
    const servers: Servers = { api, tokens, scenario };
    const results: OperationResult[] = [];
    // The selection mutation needs its pool reset between cells, which the embedded
    // database (open in the API process) does not allow from outside.
    for (const operation of selected.filter((candidate) => !candidate.mutates)) {
      log(`  ${operation.title}`);
      results.push({ name: operation.name, title: operation.title, api: await measure(api, requestFor(api, '/graphql', operation, servers), options) });
    }
    return {
      size,
      engine: 'embedded',
      loadSeconds,
      scenario,
      operations: results,
      apiPeakRssMb: api.peakMemory(),
      queueStatementsByPageSize: await queueStatementsByPageSize(servers),
    };
  } finally {
    await api.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const selected = options.operations.length ? operations.filter((operation) => options.operations.includes(operation.name)) : operations;
  if (options.operations.length && selected.length !== options.operations.length) {
    throw new Error(`unknown operation in --only ${options.operations.join(',')}; known: ${operations.map((operation) => operation.name).join(', ')}`);
  }
  const startedAt = new Date();
  const machine = await describeMachine(options.serverUrl);
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.postgres}`);
  const sizes: SizeResult[] = [];
  for (const size of options.sizes) sizes.push(await benchServer(size, options, selected));
  for (const size of options.embeddedSizes) {
    const scenario = sizes.find((entry) => entry.size === size)?.scenario;
    sizes.push(await benchEmbedded(size, options, selected, scenario));
  }
  const run: RunResult = {
    startedAt,
    finishedAt: new Date(),
    machine,
    command: `pnpm bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).filter((arg) => arg !== '--').join(' ')}` : ''}`,
    note: options.note,
    durationSeconds: options.durationSeconds,
    sizes,
  };
  const output = options.output
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), options.output)
    : path.join(benchDir, 'results', `${startedAt.toISOString().slice(0, 10)}-${machine.slug}.md`);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, renderReport(run));
  fs.writeFileSync(output.replace(/\.md$/, '.json'), JSON.stringify(run, null, 2));
  log(`results: ${path.relative(process.cwd(), output)}`);
}

main().catch((error) => {
  console.error(error instanceof Error && error.name === 'UsageError' ? error.message : error);
  process.exit(1);
});
