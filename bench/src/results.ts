// What one run measured, as the report reads it.
import type { CellResult } from './load.ts';
import type { Machine } from './machine.ts';
import type { OperationName, Scenario } from './operations.ts';

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
}

export interface SizeResult {
  size: number;
  engine: 'server' | 'embedded';
  loadSeconds: number;
  scenario: Scenario;
  operations: OperationResult[];
  /** VmHWM of the API process over its whole life, MB. */
  apiPeakRssMb: number;
  /** The API's V8 heap when the size was done (used, total), MB: what of the RSS is JavaScript objects. */
  apiHeapMb?: { used: number; total: number };
  /** Statements of the queue page at page sizes 10, 50 and 100. */
  queueStatementsByPageSize: Record<number, number>;
  /** Selections available per cell (RECOMMENDED applications of the open round). */
  selectionPool?: number;
}

export interface RunResult {
  startedAt: Date;
  finishedAt: Date;
  machine: Machine;
  command: string;
  note?: string;
  durationSeconds: number;
  sizes: SizeResult[];
}
