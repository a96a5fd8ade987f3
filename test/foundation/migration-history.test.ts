import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate, MigrationHistoryError, schemaEngineUse } from '@tepei/db/migrate';
import { migrationsDir } from '@tepei/db/paths';
import { createEmptyDatabase } from '../support/database.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function migratedCopy() {
  const database = await createEmptyDatabase();
  cleanups.push(() => database.close());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tepei-migrations-'));
  fs.cpSync(migrationsDir, dir, { recursive: true });
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const applied = await migrate(database.url, dir);
  return { url: database.url, dir, first: applied[0]! };
}

async function migrationRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select migration_name, checksum, finished_at, rolled_back_at from _prisma_migrations order by 1')).rows;
  } finally {
    await client.end();
  }
}

describe('db:migrate against a history it does not recognise', () => {
  it('stops, naming an applied migration whose file was edited, and changes nothing', async () => {
    const { url, dir, first } = await migratedCopy();
    const before = await migrationRows(url);
    fs.appendFileSync(path.join(dir, first, 'migration.sql'), '\nCREATE TABLE "sneaky" (id int);\n');
    fs.mkdirSync(path.join(dir, '29990101000000_later'));
    fs.writeFileSync(path.join(dir, '29990101000000_later', 'migration.sql'), 'CREATE TABLE "later" (id int);\n');

    const attempt = migrate(url, dir);
    await expect(attempt).rejects.toBeInstanceOf(MigrationHistoryError);
    await expect(attempt).rejects.toThrow(first);
    expect(await migrationRows(url)).toEqual(before);
  });

  it('stops, naming a migration recorded as failed, and changes nothing', async () => {
    const { url, dir } = await migratedCopy();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`insert into _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
                        values ('failed-one', 'x', '29990101000000_broken', now(), 0)`);
    await client.end();
    fs.mkdirSync(path.join(dir, '29990101000000_broken'));
    fs.writeFileSync(path.join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "broken" (id int);\n');
    const before = await migrationRows(url);

    await expect(migrate(url, dir)).rejects.toThrow(/29990101000000_broken/);
    expect(await migrationRows(url)).toEqual(before);
  });

  it('checks an up-to-date database without the schema engine, and still gives a recorded checksum that differs to the engine to refuse', async () => {
    const { url, dir, first } = await migratedCopy();
    const opened = schemaEngineUse.opened;
    expect(await migrate(url, dir)).toEqual([]);
    expect(schemaEngineUse.opened).toBe(opened);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`update _prisma_migrations set checksum = 'f' || substr(checksum, 2) where migration_name = $1`, [first]);
    await client.end();
    await expect(migrate(url, dir)).rejects.toThrow(first);
    expect(schemaEngineUse.opened).toBe(opened + 1);
  });
});
