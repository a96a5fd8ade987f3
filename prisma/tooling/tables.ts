// What a backup reads from the catalogue of the current schema: the data tables (all but
// Prisma's _prisma_migrations), their columns and primary keys, sequences, foreign keys.
import type pg from 'pg';
import type { AppliedMigration, BackupColumn } from './backup-file.ts';

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface DataTable {
  name: string;
  columns: BackupColumn[];
  primaryKey: string[];
  hasBytes: boolean;
}

export async function listDataTables(client: pg.ClientBase): Promise<DataTable[]> {
  const { rows } = await client.query<{ table: string; column: string; type: string; isKey: boolean; isBytes: boolean }>(`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
           coalesce(a.attnum = any(i.indkey), false) as "isKey", a.atttypid = 'bytea'::regtype as "isBytes"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> '_prisma_migrations'
    order by c.relname, a.attnum`);
  const tables = new Map<string, DataTable>();
  for (const row of rows) {
    let table = tables.get(row.table);
    if (!table) tables.set(row.table, (table = { name: row.table, columns: [], primaryKey: [], hasBytes: false }));
    table.columns.push({ name: row.column, type: row.type });
    if (row.isKey) table.primaryKey.push(row.column);
    if (row.isBytes) table.hasBytes = true;
  }
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'S' order by c.relname`);
  return rows.map((row) => row.name);
}

export interface ForeignKey {
  /** Already quoted, as regclass prints it. */
  table: string;
  name: string;
  definition: string;
}

export async function listForeignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace
    order by conrelid::regclass::text, conname`);
  return rows;
}

/** Migrations recorded as applied; null when the database has never been migrated. */
export async function appliedMigrations(client: pg.ClientBase): Promise<{ applied: AppliedMigration[]; unfinished: string[] } | null> {
  const { rows: exists } = await client.query(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relname = '_prisma_migrations'`);
  if (exists.length === 0) return null;
  const { rows } = await client.query<{ name: string; checksum: string; finished: boolean }>(`
    select migration_name as name, checksum, finished_at is not null as finished
    from _prisma_migrations where rolled_back_at is null order by migration_name`);
  return {
    applied: rows.filter((row) => row.finished).map(({ name, checksum }) => ({ name, checksum })),
    unfinished: rows.filter((row) => !row.finished).map((row) => row.name),
  };
}

/**
 * Text forms that read back to the same value on any server: ISO dates in UTC, hex bytea,
 * floats with all their digits. SET LOCAL, so the embedded database's one session, shared
 * with whoever else is connected, keeps its settings once the transaction ends.
 */
export async function useCanonicalTextForms(client: pg.ClientBase): Promise<void> {
  await client.query(`set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local timezone = 'UTC';
    set local extra_float_digits = 3; set local bytea_output = 'hex'`);
}
