import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate } from '@tepei/db/migrate';
import { createEmptyDatabase } from '../support/database.ts';

describe('migrations', () => {
  it('build an empty database and a second run applies nothing', async () => {
    const database = await createEmptyDatabase();
    try {
      const first = await migrate(database.url);
      expect(first.length).toBeGreaterThan(0);
      const second = await migrate(database.url);
      expect(second).toEqual([]);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query('select migration_name, finished_at from _prisma_migrations order by migration_name');
        expect(rows.map((row) => row.migration_name)).toEqual(first);
        expect(rows.every((row) => row.finished_at !== null)).toBe(true);
      } finally {
        await client.end();
      }
    } finally {
      await database.close();
    }
  });
});
