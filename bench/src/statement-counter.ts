// Counts SQL statements where every one passes: pg's Client#query, which @prisma/adapter-pg
// and the baseline's pool both call (the same hook as test/support/sql-count.ts, without
// vitest). Installed in each server process before it opens a connection.
import pg from 'pg';

export interface StatementCounter {
  readonly count: number;
}

export function installStatementCounter(): StatementCounter {
  const counter = { count: 0 };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    counter.count += 1;
    return (original as (...args: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return counter;
}
