// A database holding one synthetic round of the size under test: created on the server (or in
// an embedded PGlite folder), migrated by the project's own migrate, seeded with the demo data
// (areas, units, demo accounts, the closed rounds 2023–2025), its open round grown with synthetic applications to the size, with the
// derived relaxed-rule copy filled in, and analysed.
import fs from 'node:fs';
import pg from 'pg';
import { createPrismaClient } from '@tepei/db/client';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { seed } from '@tepei/db/seed';
import { benchToday } from './bench-today.ts';
import { addSyntheticApplications } from './synthetic-applications.ts';

export { benchToday };

export interface RoundDatabase {
  url: string;
  /** PostgreSQL server database name, or the embedded folder. */
  name: string;
  embedded: boolean;
  poolSize: number;
  drop(): Promise<void>;
}

export function databaseName(size: number): string {
  return `tepei_bench_${size % 1000 === 0 ? `${size / 1000}k` : size}`;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createServerDatabase(serverUrl: string, size: number, name = databaseName(size)): Promise<RoundDatabase> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    embedded: false,
    poolSize: 10,
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Loads the round; `url` must reach an empty database. */
export async function loadRound(url: string, poolSize: number, size: number, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const applied = await migrate(url);
  log(`  migrated (${applied.join(', ')})`);
  const prisma = createPrismaClient({ url, poolSize });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const seeded = await seed(prisma, { today: benchToday });
    log(`  demo seed: ${seeded.result}, ${seeded.rounds.map((round) => `${round.name} ${round.applications}`).join(', ')}`);
    await addSyntheticApplications(client, size, benchToday, log);
    await fillRelaxedRules(prisma, log);
    // Measured at rest: left to itself, autovacuum would vacuum the freshly loaded tables (their
    // inserts pass its threshold) during the first cells, taking a core from whoever is measured
    // then and setting the visibility map under them.
    await client.query('VACUUM (ANALYZE)');
    const [{ applications, changes }] = (
      await client.query<{ applications: number; changes: number }>(
        'SELECT (SELECT count(*) FROM "Application")::int AS applications, (SELECT count(*) FROM "StatusChange")::int AS changes',
      )
    ).rows as [{ applications: number; changes: number }];
    log(`  ${applications.toLocaleString('en')} applications, ${changes.toLocaleString('en')} status changes in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
    await prisma.$disconnect();
  }
}

/** Application.relaxedRules is derived by the API's eligibility rules; the bench fills it the way the API does. */
async function fillRelaxedRules(prisma: ReturnType<typeof createPrismaClient>, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const { recordRelaxedRules } = await import('@tepei/api/modules/eligibility/relaxed-rules');
  const changed = await recordRelaxedRules(prisma, {}, benchToday);
  log(`  relaxed rules recorded on ${changed.toLocaleString('en')} applications (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** An embedded database in a folder of its own, loaded and closed again: the API child opens it itself. */
export async function createEmbeddedDatabase(folder: string, size: number, log: (line: string) => void): Promise<RoundDatabase> {
  fs.rmSync(folder, { recursive: true, force: true });
  const database = await openDatabase({ url: '', dataDir: folder });
  try {
    await loadRound(database.url, database.poolSize, size, log);
  } finally {
    await database.close();
  }
  return {
    url: '',
    name: folder,
    embedded: true,
    poolSize: 1,
    drop: async () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}
