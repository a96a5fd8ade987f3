import { PrismaPg } from '@prisma/adapter-pg';
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

export function createPrismaClient(database: Pick<Database, 'url' | 'poolSize'>): PrismaClient {
  const adapter = new PrismaPg({ connectionString: database.url, max: database.poolSize });
  return new PrismaClient({ adapter, transactionOptions });
}
