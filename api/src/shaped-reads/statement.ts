// Kysely builds the SQL of the shaped reads; db.ts sends it. Kysely here is only a compiler
// (DummyDriver, no pool of its own): the compiled statement goes through `readStatement` (db.ts),
// so it runs inside the open unit of work when there is one, prepared on Prisma's own pool
// otherwise, and shares the embedded database's single connection with every other query.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import { type prisma, readStatement } from '../db.ts';

const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** The statement as PostgreSQL receives it: text and positional parameters. */
export function compiled(statement: RawBuilder<unknown>): { sql: string; parameters: readonly unknown[] } {
  return statement.compile(compiler);
}

/** What sends the statement: `prisma` (db.ts), or a transaction the caller holds. */
export type StatementRunner = Pick<typeof prisma, '$queryRawUnsafe'>;

/**
 * Runs a statement that answers one row with one text column `doc` holding JSON, and parses it:
 * in `db` when the caller holds a transaction, else as readStatement sends it.
 */
export async function runJsonStatement(sql: string, parameters: readonly unknown[], db?: StatementRunner): Promise<unknown> {
  const rows = db ? await db.$queryRawUnsafe<{ doc: string }[]>(sql, ...parameters) : await readStatement<{ doc: string }>(sql, parameters);
  return JSON.parse(rows[0]!.doc);
}
