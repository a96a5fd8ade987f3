// Applies pending migrations, the way `prisma migrate deploy` would, recording them in
// _prisma_migrations so that the native CLI agrees on a machine that has it.
import fs from 'node:fs';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { migrationsDir, schemaPath } from '../src/paths.ts';
import { openSchemaEngine } from './engine.ts';
import { migrationChecksum, readMigrationList } from './migrations.ts';
import { appliedMigrations } from './tables.ts';

export { schemaEngineUse } from './engine.ts';

export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationHistoryError';
  }
}

const noFilter = { externalTables: [], externalEnums: [] };

/**
 * Whether the database records exactly the folder's migrations, in order, each finished and
 * with the checksum of its file (sha256 of migration.sql, as the engine records it), and no
 * other: then the engine has nothing to apply and nothing to report. Anything else — a pending,
 * edited, failed or unknown migration, a database never migrated — is left to the engine.
 */
async function recordsExactly(url: string, migrationsList: MigrationList): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const recorded = await appliedMigrations(client);
    const folder = migrationsList.migrationDirectories;
    if (!recorded || recorded.unfinished.length > 0 || recorded.applied.length !== folder.length) return false;
    return folder.every((directory, index) => {
      const content = directory.migrationFile.content;
      const applied = recorded.applied[index]!;
      return content.tag === 'ok' && applied.name === directory.path && applied.checksum === migrationChecksum(content.value);
    });
  } finally {
    await client.end();
  }
}

/** Applies what is pending; returns the names applied (empty when up to date). */
export async function migrate(url: string, dir = migrationsDir): Promise<string[]> {
  const migrationsList = readMigrationList(dir);
  // Every start of the API checks its migrations. On an up-to-date database (nearly every start)
  // the schema engine is not opened at all: its WebAssembly instance, once created, stays in the
  // process for good (~40 MB of a production API's resident memory; issue #12).
  if (await recordsExactly(url, migrationsList)) return [];
  const { engine, free } = await openSchemaEngine(url, fs.readFileSync(schemaPath, 'utf8'), schemaPath);
  try {
    // applyMigrations would silently skip an applied migration whose file was edited:
    // ask first, and change nothing when the history is not what the folder says.
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilter,
    });
    if (diagnosis.failedMigrationNames.length > 0) {
      throw new MigrationHistoryError(
        `迁移失败未恢复 / failed migration(s) recorded in the database: ${diagnosis.failedMigrationNames.join(', ')}. ` +
          'Nothing was changed. Fix the database by hand, then mark the migration rolled back.',
      );
    }
    if (diagnosis.editedMigrationNames.length > 0) {
      throw new MigrationHistoryError(
        `已应用的迁移文件被修改 / applied migration(s) edited since they ran: ${diagnosis.editedMigrationNames.join(', ')}. ` +
          'Nothing was changed. Restore the original migration.sql and add a new migration instead.',
      );
    }
    const history = diagnosis.history;
    if (history && history.diagnostic !== 'databaseIsBehind') {
      const unknown = history.diagnostic === 'migrationsDirectoryIsBehind' || history.diagnostic === 'historiesDiverge'
        ? history.unpersistedMigrationNames
        : [];
      throw new MigrationHistoryError(
        `数据库中有迁移目录里没有的迁移 / the database has migration(s) missing from prisma/migrations: ${unknown.join(', ')}. Nothing was changed.`,
      );
    }
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return appliedMigrationNames;
  } finally {
    free();
  }
}
