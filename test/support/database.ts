// Every test file starts from a clean, migrated PostgreSQL: a throw-away embedded one, or,
// when DATABASE_URL names a server, a database of its own created on that server. It starts as
// a copy of a template the run migrated (and seeded) once (database-templates.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@tepei/db/client';
import { openDatabase } from '@tepei/db/database';

export interface TestDatabase {
  url: string;
  /** Pool size the database can take: 1 for the embedded one (see prisma/src/database.ts). */
  poolSize: number;
  engine: 'embedded' | 'server';
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Holding the demo data (`seedDemoData`) seeded for `today`, the current time when absent. */
  seeded?: { today?: Date };
}

/**
 * The day the run's seeded template holds the demo data for: the clock most seeded files give.
 * A file seeded for another day (or for the current time) copies the migrated one and seeds.
 */
export const seededTemplateToday = new Date('2026-12-01T10:00:00+08:00');

/** The run's templates (global-setup.ts): database names on the server, or dump files of the embedded database. */
export interface DatabaseTemplates {
  migrated: string;
  seeded: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

export const serverUrl = process.env.DATABASE_URL || undefined;

/** An empty database, not yet migrated. */
export async function createEmptyDatabase(): Promise<{ url: string; engine: TestDatabase['engine']; close(): Promise<void> }> {
  if (!serverUrl) {
    const database = await openDatabase({ url: '', dataDir: 'memory' });
    return { url: database.url, engine: 'embedded', close: () => database.close() };
  }
  const name = `tepei_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: databaseUrl(serverUrl, name),
    engine: 'server',
    close: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A copy of the run's migrated template, or of its seeded one (see `TestDatabaseOptions`). */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const templates = inject('databaseTemplates');
  const fromSeeded = options.seeded?.today?.getTime() === seededTemplateToday.getTime();
  const copy = await copyTemplate(fromSeeded ? templates.seeded : templates.migrated);
  const poolSize = copy.engine === 'embedded' ? 1 : 10;
  const prisma = createPrismaClient({ url: copy.url, poolSize });
  const close = async () => {
    await prisma.$disconnect();
    await copy.close();
  };
  if (options.seeded && !fromSeeded) {
    try {
      // Imported here: the API's modules load only for the files that seed a day of their own.
      const { seedDemoData } = await import('@tepei/api/demo-data');
      await seedDemoData(prisma, options.seeded);
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { url: copy.url, engine: copy.engine, poolSize, prisma, close };
}

async function copyTemplate(template: string): Promise<{ url: string; engine: TestDatabase['engine']; close(): Promise<void> }> {
  if (!serverUrl) {
    const database = await openDatabase({ url: '', dataDir: 'memory', loadFrom: template });
    return { url: database.url, engine: 'embedded', close: () => database.close() };
  }
  const name = `tepei_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: databaseUrl(serverUrl, name),
    engine: 'server',
    close: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
