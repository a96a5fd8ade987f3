// A comparable description of a database's schema (tables, columns, indexes, constraints,
// enums), read from PostgreSQL's own catalogs. Prisma's bookkeeping table is left out.
import pg from 'pg';

export async function describeCatalog(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`
        select table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, datetime_precision
        from information_schema.columns
        where table_schema = 'public' and table_name <> '_prisma_migrations'
        order by table_name, column_name`),
      indexes: await query(`
        select tablename, indexname, indexdef from pg_indexes
        where schemaname = 'public' and tablename <> '_prisma_migrations'
        order by tablename, indexname`),
      constraints: await query(`
        select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
        from pg_constraint
        where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '_prisma_migrations'
        order by 1, 2`),
      enums: await query(`
        select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
        from pg_type t join pg_enum e on e.enumtypid = t.oid
        join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public'
        group by t.typname order by t.typname`),
    };
  } finally {
    await client.end();
  }
}

export async function executeScript(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
