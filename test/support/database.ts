// Every test file starts from a clean, migrated PostgreSQL: a throw-away embedded one, or,
// when DATABASE_URL names a server, a database of its own created on that server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@tepei/db/client';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';

export interface TestDatabase {
  url: string;
  /** Pool size the database can take: 1 for the embedded one (see prisma/src/database.ts). */
  poolSize: number;
  engine: 'embedded' | 'server';
  prisma: PrismaClient;
  close(): Promise<void>;
}

export const serverUrl = process.env.DATABASE_URL || undefined;

/** An empty database, not yet migrated. */
export async function createEmptyDatabase(): Promise<{ url: string; engine: TestDatabase['engine']; close(): Promise<void> }> {
  if (!serverUrl) {
    const database = await openDatabase({ url: '', dataDir: 'memory' });
    return { url: database.url, engine: 'embedded', close: () => database.close() };
  }
  const name = `tepei_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    engine: 'server',
    close: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  await migrate(empty.url);
  const poolSize = empty.engine === 'embedded' ? 1 : 10;
  const prisma = createPrismaClient({ url: empty.url, poolSize });
  return {
    url: empty.url,
    engine: empty.engine,
    poolSize,
    prisma,
    async close() {
      await prisma.$disconnect();
      await empty.close();
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
