import pg from 'pg';
import { vi } from 'vitest';

/** SQL statements sent to PostgreSQL while `work` runs, counted where every pg query passes. */
export async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

/** The text of every SQL statement sent to PostgreSQL while `work` runs, in order. */
export async function recordStatements(work: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map(([query]) => (typeof query === 'string' ? query : ((query as { text?: string })?.text ?? String(query))));
  } finally {
    spy.mockRestore();
  }
}
