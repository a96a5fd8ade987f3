// `pnpm bench`: for each size, load a synthetic round into a database of its own, start the
// API, the baseline and PostGraphile as child processes, check they give the same answers, and
// measure each operation at each number of clients (PostGraphile: the operations it answers,
// postgraphile/pages.ts); then the same API on the embedded database. Writes
// bench/results/<date>-<machine>.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { postgresCpu, postgresCpuSince, processCpuMs } from './cpu.ts';
import { type CellResult, runCell, type LoadRequest } from './load.ts';
import { describeMachine } from './machine.ts';
import { type Operation, operations, requestBody, type Scenario } from './operations.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { renderReport } from './report.ts';
import type { OperationResult, RunResult, ServerMeasurement, SizeResult } from './results.ts';
import { createEmbeddedDatabase, createServerDatabase, loadRound } from './round-data.ts';
import { findScenario } from './scenario.ts';
import { SelectionPool } from './selection-pool.ts';
import { buildProductionApiServer, productionNodeArgs } from './production-bundle.ts';
import type { ServerChild, StartupTimes } from './server-child.ts';
import { answerDifference, post, postgraphileAnswers, postgraphileDifference, type ProductionApi, requestFor, type Servers, startApi, startServers, stopServers } from './servers.ts';

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function heapOf(servers: Servers): Promise<{ used: number; total: number; external: number; rss: number }> {
  const memory = await servers.api.memory();
  return { used: memory.heapUsed / 2 ** 20, total: memory.heapTotal / 2 ** 20, external: memory.external / 2 ** 20, rss: memory.rss / 2 ** 20 };
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
 * autocannon stops without waiting for the requests in flight: wait until the server has
 * answered the last of them, so that neither the next cell nor a reset of the selection pool
 * runs beside them.
 */
async function settle(server: ServerChild): Promise<void> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
  while ((await server.inFlight()) > 0) await pause();
  // And no statement for 300 ms: a transaction whose client left may still be writing.
  let last = await server.statements();
  for (let quiet = 0; quiet < 3; ) {
    await pause();
    const now = await server.statements();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

/** CPU per response over `work`, of the server and (`postgresApart`) of PostgreSQL. */
async function withCpu(server: ServerChild, postgresApart: boolean, work: () => Promise<CellResult>): Promise<CellResult> {
  const before = { server: processCpuMs(server.pid), postgres: postgresApart ? postgresCpu() : undefined };
  const cell = await work();
  const per = (ms: number) => (cell.responses ? ms / cell.responses : Number.NaN);
  return {
    ...cell,
    cpuPerResponseMs: {
      server: per(processCpuMs(server.pid) - before.server),
      postgres: before.postgres ? per(postgresCpuSince(before.postgres)) : null,
    },
  };
}

async function measure(server: ServerChild, request: LoadRequest, options: BenchOptions, pool?: SelectionPool, postgresApart = true): Promise<ServerMeasurement> {
  const statements = await statementsPerRequest(server, request);
  await pool?.reset();
  const cells: CellResult[] = [];
  let peakRssMb = 0;
  for (const connections of options.connections) {
    const slowest = cells.find((cell) => cell.connections === Math.min(...options.connections));
    if (slowest && slowest.requestsPerSecond * options.durationSeconds < 5) {
      // Seconds per answer: more clients would only queue behind it (and keep the server busy for minutes).
      log(`    ${connections} clients: skipped, ${slowest.requestsPerSecond.toFixed(1)} req/s with one client`);
      continue;
    }
    // A short warm-up at the same concurrency: JIT, pools and caches are not what is measured.
    await runCell(request, connections, 1, pool?.remaining);
    await settle(server);
    await pool?.reset();
    const stopSampling = server.sampleMemory();
    // The requests still in flight when the cell ends are answered inside it: their CPU counts.
    const cell = await withCpu(server, postgresApart, async () => {
      const measured = await runCell(request, connections, options.durationSeconds, pool?.remaining);
      await settle(server);
      return measured;
    });
    peakRssMb = Math.max(peakRssMb, stopSampling());
    await pool?.reset();
    cells.push(cell);
    log(`    ${connections} clients: ${cell.requestsPerSecond.toFixed(1)} req/s, p95 ${cell.p95.toFixed(1)} ms${cell.failures ? `, ${cell.failures} failed` : ''}`);
  }
  return { statements, cells, peakRssMb };
}

async function queueStatementsByPageSize(servers: Servers): Promise<Record<number, number>> {
  const queue = operations.find((operation) => operation.name === 'queue')!;
  const counts: Record<number, number> = {};
  for (const first of [10, 50, 100]) {
    const request = { ...requestFor(servers, 'api', queue), body: requestBody(queue, { first }) };
    counts[first] = await statementsPerRequest(servers.api, request, 3);
  }
  return counts;
}

const loadAverage = () => os.loadavg().map((value) => Math.round(value * 10) / 10);

/**
 * The API started again `times` times on its own, each time until its first 200 from
 * /readiness, then stopped: start-up on a migrated database without the bench's load beside it.
 */
async function apiRestarts(target: { url: string }, production: ProductionApi | undefined, times = 3): Promise<StartupTimes[]> {
  const starts: StartupTimes[] = [];
  for (let i = 0; i < times; i++) {
    const api = await startApi(target, production);
    starts.push(api.startup!);
    await api.stop();
  }
  log(`  API restarts: ready after ${starts.map((start) => `${(start.readyMs / 1000).toFixed(2)} s`).join(', ')}`);
  return starts;
}

async function benchServer(size: number, options: BenchOptions, selected: readonly Operation[], production: ProductionApi | undefined): Promise<SizeResult> {
  log(`${size.toLocaleString('en')} applications on the PostgreSQL server`);
  const database = await createServerDatabase(options.serverUrl, size);
  const loadStarted = Date.now();
  await loadRound(database.url, database.poolSize, size, log);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const scenario = await findScenario(client);
  const servers = await startServers({ url: database.url }, scenario, production, { postgraphile: options.postgraphile });
  log(`  API ready ${(servers.api.startup!.readyMs / 1000).toFixed(2)} s after it was spawned`);
  let stopped = false;
  try {
    if (selected.some((operation) => operation.mutates)) servers.pool = await SelectionPool.open(client, scenario.roundId);
    const results: OperationResult[] = [];
    for (const operation of selected) {
      const difference = await answerDifference(servers, operation);
      if (difference) throw new Error(`${operation.name}: the baseline's answer differs from the API's at ${difference}`);
      log(`  ${operation.title}: same answer from API and baseline; API`);
      const pool = operation.mutates ? servers.pool : undefined;
      const api = await measure(servers.api, requestFor(servers, 'api', operation), options, pool);
      log('  baseline');
      const baseline = await measure(servers.baseline!, requestFor(servers, 'baseline', operation), options, pool);
      let postgraphile: ServerMeasurement | undefined;
      if (postgraphileAnswers(servers, operation)) {
        const differs = await postgraphileDifference(servers, operation);
        if (differs) throw new Error(`${operation.name}: PostGraphile's answer differs from the API's at ${differs}`);
        log('  PostGraphile (same answer as the API)');
        postgraphile = await measure(servers.postgraphile!, requestFor(servers, 'postgraphile', operation), options);
      }
      results.push({ name: operation.name, title: operation.title, api, baseline, sameAnswer: true, ...(postgraphile ? { postgraphile, samePostGraphileAnswer: true } : {}) });
    }
    const measured = {
      size,
      engine: 'server' as const,
      loadSeconds,
      scenario,
      operations: results,
      apiPeakRssMb: servers.api.peakMemory(),
      ...(servers.postgraphile ? { postgraphilePeakRssMb: servers.postgraphile.peakMemory() } : {}),
      apiHeapMb: await heapOf(servers),
      queueStatementsByPageSize: await queueStatementsByPageSize(servers),
      selectionPool: servers.pool?.size,
      apiStartup: servers.api.startup,
      loadAverage: loadAverage(),
    };
    await servers.pool?.close();
    servers.pool = undefined;
    await stopServers(servers);
    stopped = true;
    return { ...measured, apiRestarts: await apiRestarts({ url: database.url }, production) };
  } finally {
    await servers.pool?.close();
    if (!stopped) await stopServers(servers);
    await client.end();
    if (!options.keep) await database.drop();
  }
}

async function benchEmbedded(size: number, options: BenchOptions, selected: readonly Operation[], scenario: Scenario | undefined, production: ProductionApi | undefined): Promise<SizeResult> {
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
  const servers = await startServers({ embeddedDir: folder }, scenario, production);
  try {
    const results: OperationResult[] = [];
    // The selection mutation needs its pool reset between cells, which the embedded
    // database (open in the API process) does not allow from outside.
    for (const operation of selected.filter((candidate) => !candidate.mutates)) {
      log(`  ${operation.title}`);
      results.push({ name: operation.name, title: operation.title, api: await measure(servers.api, requestFor(servers, 'api', operation), options, undefined, false) });
    }
    return {
      size,
      engine: 'embedded',
      loadSeconds,
      scenario,
      operations: results,
      apiPeakRssMb: servers.api.peakMemory(),
      apiHeapMb: await heapOf(servers),
      queueStatementsByPageSize: await queueStatementsByPageSize(servers),
      apiStartup: servers.api.startup,
      loadAverage: loadAverage(),
    };
  } finally {
    await stopServers(servers);
    await database.drop();
  }
}

/** `<stem>.md` in `folder`, or `<stem>-2.md`, `-3`… when a run of the same day and machine is there: committed results are never overwritten. */
function unusedResultsFile(folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(folder, `${stem}${n === 1 ? '' : `-${n}`}.md`);
    if (!fs.existsSync(file) && !fs.existsSync(file.replace(/\.md$/, '.json'))) return file;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const selected = options.operations.length ? operations.filter((operation) => options.operations.includes(operation.name)) : operations;
  if (options.operations.length && selected.length !== options.operations.length) {
    throw new Error(`unknown operation in --only ${options.operations.join(',')}; known: ${operations.map((operation) => operation.name).join(', ')}`);
  }
  // Read first: a wrong path should fail before twenty minutes of measuring, not after.
  const before = options.compare
    ? (JSON.parse(fs.readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), options.compare), 'utf8'), (key, value) =>
        key === 'startedAt' || key === 'finishedAt' ? new Date(value) : value,
      ) as RunResult)
    : undefined;
  const startedAt = new Date();
  const machine = await describeMachine(options.serverUrl);
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.postgres}`);
  const output = options.output
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), options.output)
    : unusedResultsFile(path.join(benchDir, 'results'), `${startedAt.toISOString().slice(0, 10)}-${machine.slug}`);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  let production: ProductionApi | undefined;
  if (options.production) {
    log('production: compiling the API process with api/build.ts\'s settings');
    const logPath = path.join(benchDir, '.data', 'api-production.log');
    fs.mkdirSync(path.dirname(logPath), { recursive: true });
    production = { bundle: await buildProductionApiServer(), nodeArgs: productionNodeArgs(), log: fs.openSync(logPath, 'w') };
    log(`production: node ${[...production.nodeArgs, path.relative(process.cwd(), production.bundle)].join(' ')} (NODE_ENV=production), request log in ${path.relative(process.cwd(), logPath)}`);
  }
  const sizes: SizeResult[] = [];
  // Written again after each size: a run stopped late keeps what it measured.
  const write = () => {
    const run: RunResult = {
      startedAt,
      finishedAt: new Date(),
      machine,
      command: `pnpm bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).filter((arg) => arg !== '--').join(' ')}` : ''}`,
      note: options.note,
      durationSeconds: options.durationSeconds,
      production: production && { nodeArgs: production.nodeArgs },
      sizes,
    };
    fs.writeFileSync(output, renderReport(run, before));
    fs.writeFileSync(output.replace(/\.md$/, '.json'), JSON.stringify(run, null, 2));
  };
  for (const size of options.sizes) {
    sizes.push(await benchServer(size, options, selected, production));
    write();
  }
  for (const size of options.embeddedSizes) {
    const scenario = sizes.find((entry) => entry.size === size)?.scenario;
    sizes.push(await benchEmbedded(size, options, selected, scenario, production));
    write();
  }
  log(`results: ${path.relative(process.cwd(), output)}`);
}

main().catch((error) => {
  console.error(error instanceof Error && error.name === 'UsageError' ? error.message : error);
  process.exit(1);
});
