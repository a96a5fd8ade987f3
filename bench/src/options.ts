// The command line of `pnpm bench`. Everything has a default, so `pnpm bench` alone runs the
// whole matrix; `--sizes 2000 --quick` is the few-minute run for development.

export interface BenchOptions {
  /** Applications per synthetic round. */
  sizes: number[];
  /** Concurrent clients per cell. */
  connections: number[];
  /** Seconds of load per cell (the selection mutation stops earlier when its pool runs out). */
  durationSeconds: number;
  /** Sizes also measured on the embedded database (PGlite). */
  embeddedSizes: number[];
  /** Operations to measure, by name; all when empty. */
  operations: string[];
  /** PostgreSQL server account that may create and drop databases. */
  serverUrl: string;
  /** Keep the bench databases afterwards, for profiling by hand. */
  keep: boolean;
  /** Where the markdown goes; bench/results/<date>-<machine>.md by default. */
  output?: string;
  /** A line for the results file: why this run was made (e.g. "before the index migration"). */
  note?: string;
  /** The .json of an earlier run, shown beside this one (before and after a fix). */
  compare?: string;
  /**
   * The API process as `pnpm start:prod` runs it: compiled by esbuild with api/build.ts's
   * settings, run by plain node with start:prod's node options and NODE_ENV=production, started
   * as main.ts starts (migrations checked, seed checked, request log on).
   */
  production: boolean;
  /** PostGraphile 5 beside the API and the baseline on the server (`--no-postgraphile`: not). */
  postgraphile: boolean;
}

const defaults: BenchOptions = {
  sizes: [2000, 20000, 200000],
  connections: [1, 16, 64],
  durationSeconds: 6,
  embeddedSizes: [2000, 20000],
  operations: [],
  serverUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  keep: false,
  production: false,
  postgraphile: true,
};

export const usage = `pnpm bench [-- options]
  --sizes 2000,20000,200000   applications per synthetic round
  --connections 1,16,64       concurrent clients per cell
  --duration 6                seconds of load per cell
  --embedded 2000,20000       sizes also measured on the embedded database (none: --embedded none)
  --only queue,detail         operations: queue, detail, dashboard, groupBy, select
  --quick                     1 and 16 clients, 3 s per cell, embedded at the smallest size only
  --server <url>              PostgreSQL account that may create databases (default DATABASE_URL or local)
  --keep                      keep the tepei_bench_* databases afterwards
  --out <file>                results file (default bench/results/<date>-<machine>[-2, -3…].md)
  --note <text>               a line saying why this run was made
  --compare <file.json>       an earlier run's raw results, shown before and after
  --production                the API as pnpm start:prod runs it: esbuild bundle, plain node, NODE_ENV=production
  --no-postgraphile           without PostGraphile 5 beside the API and the baseline`;

function numbers(text: string | undefined, flag: string): number[] {
  if (text === undefined) throw new UsageError(`${flag} needs a value`);
  if (text === 'none') return [];
  const values = text.split(',').map((part) => Number(part.trim().replace(/k$/i, '000')));
  if (values.some((value) => !Number.isInteger(value) || value <= 0)) throw new UsageError(`${flag}: not a list of positive integers: ${text}`);
  return values;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${usage}`);
    this.name = 'UsageError';
  }
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...defaults };
  let quick = false;
  let embeddedGiven = false;
  let connectionsGiven = false;
  let durationGiven = false;
  // pnpm passes a literal `--` through to the script.
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--sizes':
        options.sizes = numbers(value(), flag);
        break;
      case '--connections':
        options.connections = numbers(value(), flag);
        connectionsGiven = true;
        break;
      case '--duration':
        options.durationSeconds = numbers(value(), flag)[0] ?? defaults.durationSeconds;
        durationGiven = true;
        break;
      case '--embedded':
        options.embeddedSizes = numbers(value(), flag);
        embeddedGiven = true;
        break;
      case '--only':
        options.operations = (value() ?? '').split(',').filter(Boolean);
        break;
      case '--quick':
        quick = true;
        break;
      case '--server':
        options.serverUrl = value() ?? options.serverUrl;
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--out':
        options.output = value();
        break;
      case '--note':
        options.note = value();
        break;
      case '--compare':
        options.compare = value();
        break;
      case '--production':
        options.production = true;
        break;
      case '--no-postgraphile':
        options.postgraphile = false;
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (quick) {
    if (!connectionsGiven) options.connections = [1, 16];
    if (!durationGiven) options.durationSeconds = 3;
    if (!embeddedGiven) options.embeddedSizes = options.sizes.length ? [Math.min(...options.sizes)] : [];
  }
  if (!embeddedGiven && !quick) options.embeddedSizes = options.embeddedSizes.filter((size) => options.sizes.includes(size));
  return options;
}
