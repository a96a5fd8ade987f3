// The results file: the machine, the targets of issues #6, #11 and #12 with what this run
// measured against them, then one table per size and engine.
import type { CellResult } from './load.ts';
import type { OperationResult, RunResult, SizeResult } from './results.ts';
import type { StartupTimes } from './server-child.ts';

const ms = (value: number | null | undefined) => (value != null && Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');
const rate = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const latency = (cell: CellResult) => `${ms(cell.p50)} / ${ms(cell.p95)} / ${ms(cell.p99)}`;
const failures = (cell: CellResult) => (cell.failures ? ` ⚠ ${cell.failures} failed` : '');

function cellAt(result: OperationResult | undefined, side: 'api' | 'baseline' | 'postgraphile', connections: number): CellResult | undefined {
  return result?.[side]?.cells.find((cell) => cell.connections === connections);
}

interface TargetLine {
  target: string;
  measured: string;
  met: boolean | null;
}

export function targetLines(run: RunResult): TargetLine[] {
  const server = (size: number) => run.sizes.find((entry) => entry.size === size && entry.engine === 'server');
  const lines: TargetLine[] = [];
  const at20k = server(20000);
  const queue = at20k?.operations.find((operation) => operation.name === 'queue');
  const api = cellAt(queue, 'api', 16);
  const baseline = cellAt(queue, 'baseline', 16);
  if (api && baseline) {
    const share = api.requestsPerSecond / baseline.requestsPerSecond;
    lines.push({
      target: 'Queue page, 20,000 applications, 16 clients: ≥ 60% of the baseline’s throughput',
      measured: `${(share * 100).toFixed(0)}% (${rate(api.requestsPerSecond)} vs ${rate(baseline.requestsPerSecond)} req/s)`,
      met: share >= 0.6,
    });
    lines.push({ target: 'Queue page, 20,000 applications, 16 clients: p95 < 30 ms', measured: `${ms(api.p95)} ms`, met: api.p95 < 30 });
  } else {
    lines.push({ target: 'Queue page at 20,000 and 16 clients (throughput share, p95)', measured: 'not measured in this run', met: null });
  }
  const at200k = server(200000);
  const dashboard = cellAt(at200k?.operations.find((operation) => operation.name === 'dashboard'), 'api', 16);
  lines.push(
    dashboard
      ? {
          target: 'Dashboard aggregates, 200,000 applications, 16 clients: p95 < 50 ms',
          measured: dashboard.responses ? `${ms(dashboard.p95)} ms` : `no answer within ${dashboard.seconds.toFixed(0)} s`,
          met: dashboard.responses > 0 && dashboard.p95 < 50,
        }
      : { target: 'Dashboard aggregates at 200,000: p95 < 50 ms', measured: 'not measured in this run', met: null },
  );
  lines.push(
    at200k
      ? { target: 'API memory at 200,000 applications: < 300 MB', measured: `${at200k.apiPeakRssMb.toFixed(0)} MB peak RSS`, met: at200k.apiPeakRssMb < 300 }
      : { target: 'API memory at 200,000: < 300 MB', measured: 'not measured in this run', met: null },
  );
  const servers = run.sizes.filter((entry) => entry.engine === 'server');
  const independent = servers.every((entry) => new Set(Object.values(entry.queueStatementsByPageSize)).size === 1);
  lines.push({
    target: 'SQL statements per request independent of page size (queue page of 10, 50, 100)',
    measured: servers
      .map((entry) => `${entry.size.toLocaleString('en')}: ${Object.entries(entry.queueStatementsByPageSize).map(([size, count]) => `${count} at ${size}`).join(', ')}`)
      .join('; '),
    met: servers.length ? independent : null,
  });
  return lines;
}

/** Issue #12: the reviewers' pages against PostGraphile and the baseline, 20,000 applications, 16 clients, on the server. */
export function pageTargetLines(run: RunResult): TargetLine[] {
  const at20k = run.sizes.find((entry) => entry.size === 20000 && entry.engine === 'server');
  const operation = (name: string) => at20k?.operations.find((candidate) => candidate.name === name);
  const share = (name: string, side: 'postgraphile' | 'baseline', least: number, label: string): TargetLine => {
    const api = cellAt(operation(name), 'api', 16);
    const other = cellAt(operation(name), side, 16);
    const target = `${label}, 20,000 applications, 16 clients: ≥ ${least} × ${side === 'baseline' ? 'the baseline' : 'PostGraphile'}`;
    if (!api || !other) return { target, measured: 'not measured in this run', met: null };
    const times = api.requestsPerSecond / other.requestsPerSecond;
    return { target, measured: `${times.toFixed(2)} × (${rate(api.requestsPerSecond)} vs ${rate(other.requestsPerSecond)} req/s)`, met: times >= least };
  };
  const statements = (name: string, most: number, label: string): TargetLine => {
    const measured = operation(name)?.api.statements;
    const target = `${label}: ≤ ${most} SQL statements per request, session included`;
    return measured === undefined ? { target, measured: 'not measured in this run', met: null } : { target, measured: `${measured}`, met: measured <= most };
  };
  return [
    share('queue', 'postgraphile', 1.2, 'Queue page'),
    share('queue', 'baseline', 0.6, 'Queue page'),
    share('detail', 'baseline', 0.6, 'Application detail'),
    share('select', 'baseline', 0.6, 'Selection'),
    statements('queue', 3, 'Queue page'),
    statements('detail', 4, 'Application detail'),
  ];
}

const seconds = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? `${(value / 1000).toFixed(1)} s` : '–');
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const starts = (entry: SizeResult): StartupTimes[] => [...(entry.apiStartup ? [entry.apiStartup] : []), ...(entry.apiRestarts ?? [])];

/** Issue #11: the API as production runs it (`--production`), at 200,000 applications on the server. */
export function productionTargetLines(run: RunResult): TargetLine[] {
  const at200k = run.sizes.find((entry) => entry.size === 200000 && entry.engine === 'server');
  const unmeasured = !run.production ? 'not measured: needs `--production`' : 'not measured in this run';
  const lines: TargetLine[] = [];
  const dashboard = cellAt(at200k?.operations.find((operation) => operation.name === 'dashboard'), 'api', 16);
  lines.push(
    run.production && at200k && dashboard
      ? { target: 'Production start, 200,000 applications, 16 clients: API resident memory < 300 MB', measured: `${at200k.apiPeakRssMb.toFixed(0)} MB peak RSS (VmHWM, start and every cell)`, met: at200k.apiPeakRssMb < 300 }
      : { target: 'Production start, 200,000 applications, 16 clients: API resident memory < 300 MB', measured: unmeasured, met: null },
  );
  const timed = at200k ? starts(at200k) : [];
  lines.push(
    run.production && timed.length
      ? {
          target: 'Production start: spawn to ready (first 200 from /readiness) on a migrated database < 5 s',
          measured: `median ${seconds(median(timed.map((start) => start.readyMs)))} of ${timed.map((start) => seconds(start.readyMs)).join(', ')}; CPU ${timed.map((start) => seconds(start.phases?.cpuMs)).join(', ')}`,
          met: median(timed.map((start) => start.readyMs)) < 5000,
        }
      : { target: 'Production start: spawn to ready on a migrated database < 5 s', measured: unmeasured, met: null },
  );
  return lines;
}

function startupLine(entry: SizeResult): string[] {
  const all = starts(entry);
  if (!all.length) return [];
  const phases = (start: StartupTimes) => {
    const p = start.phases;
    if (!p) return `${seconds(start.readyMs)}`;
    const memory = p.memoryMb ? `, RSS ${p.memoryMb.rss} MB (heap ${p.memoryMb.heapUsed} of ${p.memoryMb.heapTotal}, external ${p.memoryMb.external})` : '';
    return `${seconds(start.readyMs)} (modules loaded ${seconds(p.loadedMs)}${p.migratedMs !== undefined ? `, migrations checked ${seconds(p.migratedMs)}` : ''}, listening ${seconds(p.listeningMs)}; CPU ${seconds(p.cpuMs)}${memory})`;
  };
  return [
    `API start, spawn to first 200 from /readiness: ${phases(all[0]!)} right after the data load${all.length > 1 ? `; started again after the measuring, nothing else of the bench running: ${all.slice(1).map(phases).join('; ')}` : ''}.`,
  ];
}

const heap = (entry: SizeResult) =>
  entry.apiHeapMb
    ? ` (at the end: V8 heap ${entry.apiHeapMb.used.toFixed(0)} MB used of ${entry.apiHeapMb.total.toFixed(0)} MB${entry.apiHeapMb.external !== undefined ? `, external ${entry.apiHeapMb.external.toFixed(0)} MB, RSS ${entry.apiHeapMb.rss!.toFixed(0)} MB` : ''})`
    : '';
const postgraphileAnswers = (entry: SizeResult) => {
  const answered = entry.operations.filter((operation) => operation.postgraphile);
  return answered.length
    ? ` PostGraphile's (mapped to the API's shape, eligibility by the API's rules): ${answered.map((operation) => `${operation.name} ${operation.samePostGraphileAnswer ? '✓' : '✗'}`).join(', ')}.`
    : '';
};
const loadAt = (entry: SizeResult) => (entry.loadAverage ? ` Load average when done: ${entry.loadAverage.join(' / ')} (1 / 5 / 15 min).` : '');

const ratio = (a: CellResult | undefined, b: CellResult | undefined) => (a && b?.requestsPerSecond ? `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)} ×` : '–');
const percent = (a: CellResult | undefined, b: CellResult | undefined) => (a && b?.requestsPerSecond ? `${((a.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(0)}%` : '–');
const throughput = (cell: CellResult | undefined) => (cell ? rate(cell.requestsPerSecond) + failures(cell) : '–');

interface Column {
  header: string;
  value(operation: OperationResult, connections: number): string;
}

function serverTable(entry: SizeResult): string[] {
  const cell = (side: 'api' | 'baseline' | 'postgraphile') => (operation: OperationResult, connections: number) => cellAt(operation, side, connections);
  const [api, baseline, postgraphile] = [cell('api'), cell('baseline'), cell('postgraphile')];
  const latencyOf = (at: typeof api) => (operation: OperationResult, connections: number) => {
    const found = at(operation, connections);
    return found ? latency(found) : '–';
  };
  // PostGraphile's columns only where it was measured (not with --no-postgraphile, nor in older runs).
  const columns: Column[] = entry.operations.some((operation) => operation.postgraphile)
    ? [
        { header: 'API req/s', value: (o, c) => throughput(api(o, c)) },
        { header: 'API p50 / p95 / p99 ms', value: latencyOf(api) },
        { header: 'PostGraphile req/s', value: (o, c) => throughput(postgraphile(o, c)) },
        { header: 'PostGraphile p50 / p95 / p99 ms', value: latencyOf(postgraphile) },
        { header: 'Baseline req/s', value: (o, c) => throughput(baseline(o, c)) },
        { header: 'Baseline p50 / p95 / p99 ms', value: latencyOf(baseline) },
        { header: 'API ÷ PostGraphile', value: (o, c) => ratio(api(o, c), postgraphile(o, c)) },
        { header: 'API ÷ baseline', value: (o, c) => ratio(api(o, c), baseline(o, c)) },
        { header: 'PostGraphile ÷ baseline', value: (o, c) => ratio(postgraphile(o, c), baseline(o, c)) },
        { header: 'SQL/req API · PostGraphile · baseline', value: (o) => [o.api, o.postgraphile, o.baseline].map((side) => side?.statements ?? '–').join(' · ') },
        { header: 'peak RSS MB API · PostGraphile · baseline', value: (o) => [o.api, o.postgraphile, o.baseline].map((side) => side?.peakRssMb.toFixed(0) ?? '–').join(' · ') },
      ]
    : [
        { header: 'API req/s', value: (o, c) => throughput(api(o, c)) },
        { header: 'API p50 / p95 / p99 ms', value: latencyOf(api) },
        { header: 'Baseline req/s', value: (o, c) => throughput(baseline(o, c)) },
        { header: 'Baseline p50 / p95 / p99 ms', value: latencyOf(baseline) },
        { header: 'API ÷ baseline req/s', value: (o, c) => percent(api(o, c), baseline(o, c)) },
        { header: 'SQL/req API · baseline', value: (o) => `${o.api.statements} · ${o.baseline?.statements ?? '–'}` },
        { header: 'API peak RSS MB', value: (o) => o.api.peakRssMb.toFixed(0) },
      ];
  const rows = [`| Operation | Clients | ${columns.map((column) => column.header).join(' | ')} |`, `| --- | ---: | ${columns.map(() => '---:').join(' | ')} |`];
  for (const operation of entry.operations) {
    for (const { connections } of operation.api.cells) {
      rows.push(`| ${operation.title} | ${connections} | ${columns.map((column) => column.value(operation, connections)).join(' | ')} |`);
    }
  }
  return rows;
}

/**
 * Each server's CPU per response in each cell, and PostgreSQL's (cpu.ts): what limits a rate
 * that misses its target — on two cores shared by every process, the side whose milliseconds
 * per request are the larger bounds it. Nothing for runs measured before it was recorded.
 */
function cpuTable(entry: SizeResult): string[] {
  const sides = (['api', 'postgraphile', 'baseline'] as const).filter((side) => entry.operations.some((operation) => operation[side]?.cells.some((cell) => cell.cpuPerResponseMs)));
  if (!sides.length) return [];
  const names = { api: 'API', postgraphile: 'PostGraphile', baseline: 'baseline' };
  const cpuOf = (cell: CellResult | undefined) => {
    const cpu = cell?.cpuPerResponseMs;
    if (!cpu) return '–';
    return cpu.postgres === null ? `${ms(cpu.server)} (PGlite included)` : `${ms(cpu.server)} + ${ms(cpu.postgres)}`;
  };
  return [
    `CPU per response, ms of the server process + ms of PostgreSQL (from /proc, over each cell; ${entry.engine === 'server' ? 'PostgreSQL counts every backend and its background work' : 'PGlite runs inside the API process'}):`,
    '',
    `| Operation | Clients | ${sides.map((side) => names[side]).join(' | ')} |`,
    `| --- | ---: | ${sides.map(() => '---:').join(' | ')} |`,
    ...entry.operations.flatMap((operation) =>
      operation.api.cells.map(({ connections }) => `| ${operation.title} | ${connections} | ${sides.map((side) => cpuOf(cellAt(operation, side, connections))).join(' | ')} |`),
    ),
    '',
  ];
}

function embeddedTable(entry: SizeResult): string[] {
  const rows = ['| Operation | Clients | req/s | p50 / p95 / p99 ms | SQL/req | peak RSS MB (API + PGlite) |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const operation of entry.operations) {
    for (const cell of operation.api.cells) {
      rows.push(`| ${operation.title} | ${cell.connections} | ${rate(cell.requestsPerSecond)}${failures(cell)} | ${latency(cell)} | ${operation.api.statements} | ${operation.api.peakRssMb.toFixed(0)} |`);
    }
  }
  return rows;
}

/** The API's figures of an earlier run (`--compare`) beside this run's, cell by cell. */
function comparison(run: RunResult, before: RunResult): string[] {
  const rows = [
    `## Before and after (API; before: ${before.note ?? before.command}, ${before.startedAt.toString().slice(0, 16)}, load average ${before.machine.loadAverage ?? '?'})`,
    '',
    '| Size | Operation | Clients | req/s before → after | p95 ms before → after | SQL/req before → after | peak RSS MB before → after |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const entry of run.sizes.filter((size) => size.engine === 'server')) {
    const earlier = before.sizes.find((size) => size.engine === 'server' && size.size === entry.size);
    for (const operation of entry.operations) {
      const old = earlier?.operations.find((candidate) => candidate.name === operation.name);
      if (!old) continue;
      for (const cell of operation.api.cells) {
        const was = cellAt(old, 'api', cell.connections);
        if (!was) continue;
        rows.push(
          `| ${entry.size.toLocaleString('en')} | ${operation.title} | ${cell.connections} | ${rate(was.requestsPerSecond)} → ${rate(cell.requestsPerSecond)} | ${ms(was.responses ? was.p95 : null)} → ${ms(cell.p95)} | ${old.api.statements} → ${operation.api.statements} | ${old.api.peakRssMb.toFixed(0)} → ${operation.api.peakRssMb.toFixed(0)} |`,
        );
      }
    }
  }
  return [...rows, ''];
}

const targetRow = (line: TargetLine) => `| ${line.target} | ${line.measured} | ${line.met === null ? '–' : line.met ? 'yes' : '**no**'} |`;

export function renderReport(run: RunResult, before?: RunResult): string {
  const { machine } = run;
  const lines = [
    `# Benchmark ${run.startedAt.toISOString().slice(0, 10)} — ${machine.cores} cores, ${machine.cpu}`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB memory, ${machine.os}`,
    `- Node ${machine.node}; ${machine.postgres} on the same machine (the load generator, the API, the baseline, PostGraphile and PostgreSQL share the cores; load average ${machine.loadAverage} at the start)`,
    `- Command: \`${run.command}\`; ${run.durationSeconds} s per cell; run took ${((run.finishedAt.getTime() - run.startedAt.getTime()) / 60000).toFixed(1)} min`,
    run.production
      ? `- API process: the production bundle — compiled by esbuild with api/build.ts's settings, run by \`node ${[...run.production.nodeArgs, 'bench/dist/api-server.mjs'].join(' ')}\` with NODE_ENV=production (start:prod's node options), started as main.ts starts (migrations checked, seed checked, request log to bench/.data/api-production.log)`
      : '- API process: the source run by node with tsx as its loader (`--production` for the bundle production runs)',
    ...(run.note ? [`- Note: ${run.note}`] : []),
    '',
    '## Targets (issue #6)',
    '',
    '| Target | Measured | Met |',
    '| --- | --- | :---: |',
    ...targetLines(run).map(targetRow),
    '',
    '## Targets (issue #11, production start)',
    '',
    '| Target | Measured | Met |',
    '| --- | --- | :---: |',
    ...productionTargetLines(run).map(targetRow),
    '',
    '## Targets (issue #12, reviewers\' pages)',
    '',
    '| Target | Measured | Met |',
    '| --- | --- | :---: |',
    ...pageTargetLines(run).map(targetRow),
    '',
    ...(before ? comparison(run, before) : []),
  ];
  for (const entry of run.sizes) {
    const pool = entry.selectionPool !== undefined ? `; selection pool ${entry.selectionPool} recommended applications per cell` : '';
    if (entry.engine === 'server') {
      lines.push(
        `## ${entry.size.toLocaleString('en')} applications — PostgreSQL server`,
        '',
        `Loaded in ${entry.loadSeconds.toFixed(0)} s. Queue of \`${entry.scenario.prefectureUsername}\`; API peak RSS over the whole size: ${entry.apiPeakRssMb.toFixed(0)} MB${heap(entry)}${pool}${entry.postgraphilePeakRssMb !== undefined ? `; PostGraphile's ${entry.postgraphilePeakRssMb.toFixed(0)} MB` : ''}.`,
        `Answers identical to the baseline's: ${entry.operations.map((operation) => `${operation.name} ${operation.sameAnswer ? '✓' : '✗'}`).join(', ')}.${postgraphileAnswers(entry)}${loadAt(entry)}`,
        ...startupLine(entry),
        '',
        ...serverTable(entry),
        '',
        ...cpuTable(entry),
      );
    } else {
      lines.push(
        `## ${entry.size.toLocaleString('en')} applications — embedded database (PGlite, in the API process)`,
        '',
        `Loaded in ${entry.loadSeconds.toFixed(0)} s. API + PGlite peak RSS: ${entry.apiPeakRssMb.toFixed(0)} MB${heap(entry)}. PGlite runs one query at a time (pool of 1).${loadAt(entry)}`,
        ...startupLine(entry),
        '',
        ...embeddedTable(entry),
        '',
        ...cpuTable(entry),
      );
    }
  }
  return lines.join('\n');
}
