// Migrating, and seeding the demo data, take most of a database's set-up: global-setup.ts does
// both once per run into templates, and each test file's database starts as a copy of one
// (test/support/database.ts). On a server a template is a database that CREATE DATABASE …
// TEMPLATE copies; embedded, it is a dump of PGlite's data folder under the OS temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { seedDemoData } from '@tepei/api/demo-data';
import { createPrismaClient } from '@tepei/db/client';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { adminQuery, databaseUrl, type DatabaseTemplates, seededTemplateToday, serverUrl } from './database.ts';

/** Builds the templates of one run; `remove` drops them once every file has finished. */
export async function buildDatabaseTemplates(): Promise<{ templates: DatabaseTemplates; remove(): Promise<void> }> {
  return serverUrl ? buildOnServer(serverUrl) : buildEmbedded();
}

async function buildOnServer(server: string) {
  // A run id of its own: other runs may share the server and use their templates meanwhile.
  const migrated = `tepei_template_${randomBytes(6).toString('hex')}`;
  const seeded = `${migrated}_seeded`;
  const templates: DatabaseTemplates = { migrated, seeded };
  const remove = async () => {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${seeded} WITH (FORCE)`);
    await adminQuery(server, `DROP DATABASE IF EXISTS ${migrated} WITH (FORCE)`);
  };
  try {
    await adminQuery(server, `CREATE DATABASE ${migrated}`);
    await migrate(databaseUrl(server, migrated));
    await closeToConnections(server, migrated);
    await adminQuery(server, `CREATE DATABASE ${seeded} TEMPLATE ${migrated}`);
    const prisma = createPrismaClient({ url: databaseUrl(server, seeded), poolSize: 10 });
    try {
      await seedDemoData(prisma, { today: seededTemplateToday });
    } finally {
      await prisma.$disconnect();
    }
    await closeToConnections(server, seeded);
  } catch (error) {
    await remove();
    throw error;
  }
  return { templates, remove };
}

/**
 * A template is copied only while nobody is connected to it. Its builders are done, but their
 * connections may close a moment later (the schema engine's does): end them, and let none in.
 */
async function closeToConnections(server: string, name: string): Promise<void> {
  await adminQuery(server, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await adminQuery(server, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
}

async function buildEmbedded() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tepei-test-templates-'));
  const templates: DatabaseTemplates = {
    migrated: path.join(folder, 'migrated.tar'),
    seeded: path.join(folder, 'seeded.tar'),
  };
  const remove = async () => fs.rmSync(folder, { recursive: true, force: true });
  try {
    const database = await openDatabase({ url: '', dataDir: 'memory' });
    try {
      await migrate(database.url);
      await database.dumpTo!(templates.migrated);
      const prisma = createPrismaClient(database);
      try {
        await seedDemoData(prisma, { today: seededTemplateToday });
      } finally {
        await prisma.$disconnect();
      }
      await database.dumpTo!(templates.seeded);
    } finally {
      await database.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { templates, remove };
}
