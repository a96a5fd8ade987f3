// What one run measured, as the report reads it.
import type { CellResult } from './load.ts';
import type { Machine } from './machine.ts';
import type { OperationName, Scenario } from './operations.ts';
import type { StartupTimes } from './server-child.ts';

export interface ServerMeasurement {
  /** SQL statements per request, counted on sequential requests. */
  statements: number;
  cells: CellResult[];
  /** Highest RSS sampled while this operation was under load, MB. */
  peakRssMb: number;
}

export interface OperationResult {
  name: OperationName;
  title: string;
  api: ServerMeasurement;
  baseline?: ServerMeasurement;
  /** The API's and the baseline's answers were deep-equal before measuring. */
  sameAnswer?: boolean;
  /** PostGraphile 5, for the operations it answers (postgraphile/pages.ts). */
  postgraphile?: ServerMeasurement;
  /** PostGraphile's answer, in the API's shape, was deep-equal to the API's before measuring. */
  samePostGraphileAnswer?: boolean;
}

export interface SizeResult {
  size: number;
  engine: 'server' | 'embedded';
  loadSeconds: number;
  scenario: Scenario;
  operations: OperationResult[];
  /** VmHWM of the API process over its whole life, MB. */
  apiPeakRssMb: number;
  /** VmHWM of PostGraphile's process over its whole life, MB. */
  postgraphilePeakRssMb?: number;
  /** The API's V8 heap when the size was done (used, total), MB: what of the RSS is JavaScript objects. */
  apiHeapMb?: { used: number; total: number; external?: number; rss?: number };
  /** Statements of the queue page at page sizes 10, 50 and 100. */
  queueStatementsByPageSize: Record<number, number>;
  /** Selections available per cell (RECOMMENDED applications of the open round). */
  selectionPool?: number;
  /** The measured API process's start: spawn to its first 200 from /readiness, on the migrated database. */
  apiStartup?: StartupTimes;
  /** Further starts of the API alone (no load, nothing else of the bench running), after the measuring. */
  apiRestarts?: StartupTimes[];
  /** 1, 5 and 15-minute load averages when the size was done: the cores are shared. */
  loadAverage?: number[];
}

export interface RunResult {
  startedAt: Date;
  finishedAt: Date;
  machine: Machine;
  command: string;
  note?: string;
  durationSeconds: number;
  /** `--production`: the API was its esbuild bundle run by node with these options (start:prod's). */
  production?: { nodeArgs: string[] };
  sizes: SizeResult[];
}
