// `pnpm db:backup FILE`: every row of every table (documents' bytes included), the applied
// migrations and the sequences, read in one snapshot over the pg protocol, so the same code
// serves a server and the embedded PGlite (which pg_dump cannot read: it is PostgreSQL 18).
import pg from 'pg';
import { backupFormat, BackupError, backupVersion, trailerLine, writeBackupFile, type BackupHeader } from './backup-file.ts';
import { appliedMigrations, listDataTables, listSequences, quoteIdent, useCanonicalTextForms } from './tables.ts';

/** Rows per batch; documents' bytes (up to 10 MB each, twice that as hex) a few at a time. */
const batchRows = 1000;
const batchRowsWithBytes = 4;

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  migrations: number;
}

export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await useCanonicalTextForms(client);
    const migrations = await appliedMigrations(client);
    if (!migrations || migrations.applied.length === 0) {
      throw new BackupError('数据库尚未迁移，没有可备份的数据 / the database has never been migrated: there is nothing to back up');
    }
    if (migrations.unfinished.length > 0) {
      throw new BackupError(`数据库有未完成的迁移 / the database has unfinished migration(s): ${migrations.unfinished.join(', ')}; fix them before backing up`);
    }
    const tables = await listDataTables(client);
    const header: BackupHeader = {
      format: backupFormat,
      version: backupVersion,
      createdAt: new Date().toISOString(),
      serverVersion: (await client.query<{ version: string }>('show server_version')).rows[0]!.version,
      migrations: migrations.applied,
      tables: [],
      sequences: [],
    };
    for (const table of tables) {
      const { rows } = await client.query<{ count: string }>(`select count(*) from ${quoteIdent(table.name)}`);
      header.tables.push({ name: table.name, columns: table.columns, rows: Number(rows[0]!.count) });
    }
    for (const name of await listSequences(client)) {
      const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(
        `select last_value::text as "lastValue", is_called as "isCalled" from ${quoteIdent(name)}`,
      );
      header.sequences.push({ name, ...rows[0]! });
    }

    const counts: Record<string, number> = {};
    await writeBackupFile(file, async (writeLine) => {
      await writeLine(JSON.stringify(header));
      for (const table of tables) {
        // An array, not json_build_array: a function takes at most 100 arguments.
        const values = table.columns.map((column) => `${quoteIdent(column.name)}::text`).join(', ');
        const order = (table.primaryKey.length ? table.primaryKey : table.columns.map((column) => column.name)).map(quoteIdent).join(', ');
        await client.query(`declare backup_rows no scroll cursor for select to_json(array[${values}])::text as row from ${quoteIdent(table.name)} order by ${order}`);
        const fetch = `fetch ${table.hasBytes ? batchRowsWithBytes : batchRows} from backup_rows`;
        let count = 0;
        for (;;) {
          const { rows } = await client.query<{ row: string }>(fetch);
          if (rows.length === 0) break;
          // The server's JSON text goes to the file as it is: no value is parsed in between.
          await writeLine(`{"table":${JSON.stringify(table.name)},"rows":[${rows.map((row) => row.row).join(',')}]}`);
          count += rows.length;
        }
        counts[table.name] = count;
        await client.query('close backup_rows');
      }
      await writeLine(trailerLine(counts));
    });
    await client.query('commit');
    return {
      file,
      tables: tables.length,
      rows: Object.values(counts).reduce((sum, count) => sum + count, 0),
      migrations: header.migrations.length,
    };
  } finally {
    await client.end().catch(() => {});
  }
}
