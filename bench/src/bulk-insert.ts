// Writes many rows in one statement: INSERT … SELECT FROM unnest($1::type[], $2::type[], …),
// one array parameter per column, typed from the table's own catalog entry. 200,000
// applications and their children go in a few hundred statements instead of millions.
import type pg from 'pg';

type Row = Record<string, unknown>;

const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(client: pg.ClientBase, table: string): Promise<Map<string, string>> {
  const known = columnTypes.get(table);
  if (known) return known;
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
     FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [`"${table}"`],
  );
  const types = new Map(rows.map((row) => [row.name, row.type]));
  columnTypes.set(table, types);
  return types;
}

/** Dates as PostgreSQL reads them whatever the session's time zone: ISO instants, or the day for `date`. */
function sqlValue(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  return value;
}

/**
 * Inserts `rows` into `table`. Columns no row sets are left to their defaults; array-typed
 * columns cannot go through unnest (it would flatten them) and must be left out.
 */
export async function insertRows(client: pg.ClientBase, table: string, rows: readonly Row[], chunk = 5000): Promise<void> {
  if (!rows.length) return;
  const types = await typesOf(client, table);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => row[key] !== undefined)))];
  for (const column of columns) {
    const type = types.get(column);
    if (!type) throw new Error(`${table} has no column ${column}`);
    if (type.endsWith('[]')) throw new Error(`${table}.${column} is an array column: unnest cannot carry it`);
  }
  const list = columns.map((column) => `"${column}"`).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${types.get(column)}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await client.query(sql, columns.map((column) => part.map((row) => sqlValue(row[column], types.get(column)!))));
  }
}

/**
 * Inserts one row per key into `table`, each with the same bytea `bytes` in `column`: the
 * value travels once per statement, not once per row (scans sharing one file's bytes).
 */
export async function insertSharedBytes(
  client: pg.ClientBase,
  table: string,
  keyColumn: string,
  keys: readonly string[],
  column: string,
  bytes: Uint8Array,
  chunk = 5000,
): Promise<void> {
  const keyType = (await typesOf(client, table)).get(keyColumn);
  if (!keyType) throw new Error(`${table} has no column ${keyColumn}`);
  const sql = `INSERT INTO "${table}" ("${keyColumn}", "${column}") SELECT key, $2::bytea FROM unnest($1::${keyType}[]) AS key`;
  for (let start = 0; start < keys.length; start += chunk) {
    await client.query(sql, [keys.slice(start, start + chunk), bytes]);
  }
}
