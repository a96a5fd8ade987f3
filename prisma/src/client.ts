import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client.ts';
import type { Database } from './database.ts';

export { PrismaClient };
export * from '../generated/client/client.ts';

/**
 * Options of every transaction: the API's units of work, and the ones Prisma opens by itself for
 * a batch (the findUnique calls of one tick, e.g. `nodes(ids:)`, go as one). The embedded
 * database serves one connection, so a transaction may first wait for another to end; selections
 * of a round take turns on its row lock; a loaded machine runs a save with its children and
 * derived rows for seconds, a round's recount or a 10 MiB upload for longer. Prisma's defaults
 * (2 s to start, 5 s to finish) would refuse such legitimate work.
 */
export const transactionOptions = { maxWait: 15_000, timeout: 60_000 } as const;

export type DatabasePool = pg.Pool;
/** The pool as the adapter's typings name it: they come with another release of @types/pg, for the same pg at run time. */
type AdapterPool = Extract<ConstructorParameters<typeof PrismaPg>[0], { connect: unknown }>;

/** The connection pool of a database, sized for it (PGlite serves one connection). */
export function createDatabasePool(database: Pick<Database, 'url' | 'poolSize'>): DatabasePool {
  return new pg.Pool({ connectionString: database.url, max: database.poolSize });
}

/**
 * A client on its own pool, or on `pool` when given (which it then owns: disconnecting the
 * client ends it). The API passes its pool so that statements it sends itself share the
 * connections, and the embedded database's single one, with Prisma's queries.
 */
export function createPrismaClient(database: Pick<Database, 'url' | 'poolSize'>, pool: DatabasePool = createDatabasePool(database)): PrismaClient {
  const adapter = new PrismaPg(pool as unknown as AdapterPool, { disposeExternalPool: true });
  return new PrismaClient({ adapter, transactionOptions });
}
