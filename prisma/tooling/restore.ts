// `pnpm db:restore FILE`: checks the whole file first, migrates the empty target to the
// backup's migrations, loads every row in one transaction, sets the sequences, then applies
// the migrations the code has beyond the backup's (so an older backup's rows go through them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrationsDir } from '../src/paths.ts';
import { BackupError, readBackupFile, type BackupHeader, type BackupTable } from './backup-file.ts';
import { migrate } from './migrate.ts';
import { migrationChecksum, migrationNames } from './migrations.ts';
import { appliedMigrations, listDataTables, listForeignKeys, quoteIdent, useCanonicalTextForms, type DataTable } from './tables.ts';

export interface RestoreOptions {
  /** Wipe a target that holds data (every table, type and sequence of its schema) instead of refusing. */
  force?: boolean;
  /** How messages name the target; defaults to the database and server of the URL. */
  label?: string;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** The code's migrations that the backup did not have, applied after loading. */
  migratedAfter: string[];
}

export function describeDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${decodeURIComponent(pathname.slice(1)) || 'postgres'}（${hostname || 'localhost'}:${port || '5432'}）`;
}

export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const label = options.label ?? describeDatabase(url);
  const header = await readBackupFile(file);
  const later = migrationsBeyond(header);

  await prepareTarget(url, header, label, options.force ?? false);
  if (later.length === 0) {
    await migrate(url);
  } else {
    await migrateTo(url, header.migrations.map((migration) => migration.name));
  }
  const rows = await load(url, file, header, label);
  const migratedAfter = later.length ? await migrate(url) : [];
  return { tables: header.tables.length, rows, migratedAfter };
}

/** The code's migrations after the backup's; refuses a backup from newer (or different) code. */
function migrationsBeyond(header: BackupHeader): string[] {
  const code = migrationNames(migrationsDir);
  for (const [index, migration] of header.migrations.entries()) {
    if (!code.includes(migration.name)) {
      throw new BackupError(
        `备份来自更新版本的程序：迁移 ${migration.name} 不在 prisma/migrations 中，请先更新程序 / ` +
          `the backup was made by newer code: migration ${migration.name} is not in prisma/migrations; update the code first. Nothing was changed.`,
      );
    }
    const sql = fs.readFileSync(path.join(migrationsDir, migration.name, 'migration.sql'));
    if (migrationChecksum(sql) !== migration.checksum) {
      throw new BackupError(`迁移 ${migration.name} 与备份时的内容不同 / migration ${migration.name} differs from the one the backup was made with. Nothing was changed.`);
    }
    if (code[index] !== migration.name) {
      throw new BackupError(`备份的迁移顺序与 prisma/migrations 不一致 / the backup's migrations do not match prisma/migrations at ${migration.name}. Nothing was changed.`);
    }
  }
  return code.slice(header.migrations.length);
}

/** Refuses a target that holds data, or is migrated past the backup, unless told to wipe it. */
async function prepareTarget(url: string, header: BackupHeader, label: string, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const filled: string[] = [];
    for (const table of await listDataTables(client)) {
      const { rows } = await client.query(`select 1 from ${quoteIdent(table.name)} limit 1`);
      if (rows.length) filled.push(table.name);
    }
    const history = await appliedMigrations(client);
    const ahead = (history?.applied ?? []).filter((migration, index) => header.migrations[index]?.name !== migration.name);
    if (filled.length === 0 && ahead.length === 0 && !history?.unfinished.length) return;
    if (!force) {
      const what = filled.length
        ? `有数据（${filled.slice(0, 3).join(', ')}${filled.length > 3 ? ' …' : ''}）/ holds data (${filled.slice(0, 3).join(', ')}${filled.length > 3 ? ' …' : ''})`
        : `已迁移到备份之后的版本 / is migrated past the backup (${ahead.map((migration) => migration.name).join(', ')})`;
      throw new BackupError(
        `目标数据库 ${label} 不是空的：${what}。未做任何更改；请恢复到空数据库，或加 --force 先清空它 / ` +
          `the target database ${label} is not empty; nothing was changed. Restore into an empty database, or pass --force to wipe it first.`,
      );
    }
    await client.query('begin');
    await wipeSchema(client);
    await client.query('commit');
  } finally {
    await client.end().catch(() => {});
  }
}

async function wipeSchema(client: pg.ClientBase): Promise<void> {
  const names = async (sql: string) => (await client.query<{ name: string }>(sql)).rows.map((row) => quoteIdent(row.name)).join(', ');
  const relations = (kinds: string) =>
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind in (${kinds})`;
  const tables = await names(relations(`'r', 'p'`));
  if (tables) await client.query(`drop table ${tables} cascade`);
  const sequences = await names(relations(`'S'`));
  if (sequences) await client.query(`drop sequence ${sequences} cascade`);
  const types = await names(`select t.typname as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = current_schema() and t.typtype in ('e', 'd')`);
  if (types) await client.query(`drop type ${types} cascade`);
}

/** Applies only `names` (the backup's migrations), from a copy of those folders. */
async function migrateTo(url: string, names: string[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tepei-restore-migrations-'));
  try {
    fs.copyFileSync(path.join(migrationsDir, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'));
    for (const name of names) fs.cpSync(path.join(migrationsDir, name), path.join(dir, name), { recursive: true });
    await migrate(url, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One transaction: foreign keys are dropped and re-added around the load (rows then need no
 * order, a document may point at the one replacing it, and re-adding checks every reference),
 * which needs only the tables' owner, where session_replication_role needs a superuser.
 */
async function load(url: string, file: string, header: BackupHeader, label: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await useCanonicalTextForms(client);
    const target = new Map((await listDataTables(client)).map((table) => [table.name, table]));
    assertSameTables(header.tables, target, label);
    const foreignKeys = await listForeignKeys(client);
    for (const key of foreignKeys) await client.query(`alter table ${key.table} drop constraint ${quoteIdent(key.name)}`);

    let rows = 0;
    await readBackupFile(file, async (batch, table) => {
      const columns = table.columns.map((column) => quoteIdent(column.name)).join(', ');
      const values = table.columns.map((column, index) => `(row ->> ${index})::${column.type}`).join(', ');
      await client.query(`insert into ${quoteIdent(table.name)} (${columns}) select ${values} from json_array_elements($1::json) as row`, [JSON.stringify(batch.rows)]);
      rows += batch.rows.length;
    });
    for (const sequence of header.sequences) {
      await client.query('select setval($1::regclass, $2::bigint, $3)', [quoteIdent(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    for (const key of foreignKeys) await client.query(`alter table ${key.table} add constraint ${quoteIdent(key.name)} ${key.definition}`);
    await client.query('commit');
    return rows;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

function assertSameTables(backup: BackupTable[], target: Map<string, DataTable>, label: string): void {
  const shape = (columns: { name: string; type: string }[]) => columns.map((column) => `${column.name} ${column.type}`).join(', ');
  const differing = backup
    .filter((table) => !target.has(table.name) || shape(target.get(table.name)!.columns) !== shape(table.columns))
    .map((table) => table.name);
  const extra = [...target.keys()].filter((name) => !backup.some((table) => table.name === name));
  if (differing.length || extra.length) {
    throw new BackupError(
      `迁移后的数据库 ${label} 与备份的表结构不同 / after migrating, ${label} has other tables or columns than the backup: ${[...differing, ...extra].join(', ')}. No rows were loaded.`,
    );
  }
}
