// The one Prisma client of the process. It is bound once at start (main.ts, or a test's
// setup) to whichever database `openDatabase` chose, and imported from here everywhere.
import { createPrismaClient, type PrismaClient } from '@tepei/db/client';
import type { Database } from '@tepei/db/database';

let client: PrismaClient | undefined;

/**
 * Options of every interactive transaction. The embedded database serves one connection, so a
 * transaction may first wait for another to end; selections of a round take turns on its row
 * lock; a loaded machine runs a save with its children and derived rows for seconds, a round's
 * recount or a 10 MiB upload for longer. Prisma's defaults (2 s to start, 5 s to finish) would
 * refuse such legitimate work.
 */
export const transactionOptions = { maxWait: 15_000, timeout: 60_000 } as const;

export function connectPrisma(database: Pick<Database, 'url' | 'poolSize'>): PrismaClient {
  client = createPrismaClient(database);
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

function boundClient(): PrismaClient {
  if (!client) throw new Error('Prisma client used before connectPrisma()');
  return client;
}

/** Forwards to the bound client, so modules can import it before the database is chosen. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = boundClient();
    const value = Reflect.get(target, property, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
  // Pothos looks model delegates up with `in`.
  has(_target, property) {
    return Reflect.has(boundClient(), property);
  },
});
