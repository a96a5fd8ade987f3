// Applies pending migrations, the way `prisma migrate deploy` would, recording them in
// _prisma_migrations so that the native CLI agrees on a machine that has it.
import fs from 'node:fs';
import { migrationsDir, schemaPath } from '../src/paths.ts';
import { openSchemaEngine } from './engine.ts';
import { readMigrationList } from './migrations.ts';

export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationHistoryError';
  }
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies what is pending; returns the names applied (empty when up to date). */
export async function migrate(url: string, dir = migrationsDir): Promise<string[]> {
  const migrationsList = readMigrationList(dir);
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
