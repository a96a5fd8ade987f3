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
