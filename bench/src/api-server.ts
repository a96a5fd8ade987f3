// Child process: the real API (createYogaApp on node:http, as main.ts serves it) against the
// bench database — a PostgreSQL server (BENCH_DATABASE_URL) or an embedded folder
// (BENCH_EMBEDDED_DIR, PGlite in this process, as `pnpm start` runs without DATABASE_URL).
// Its clock is the bench's "today", so answers do not drift with the date; it keeps dashboard
// aggregates as `pnpm start` does (main.ts). With BENCH_API_START=production (`--production`,
// run from the bundle by node) it also starts as main.ts does: pending migrations applied (none,
// on the bench's migrated database), the seed checked, and the request log and the console in
// front of yoga.
import { createServer } from 'node:http';
import { connectPrisma, disconnectPrisma } from '@tepei/api/db';
import { startSessionChangeFeed, stopSessionChangeFeed } from '@tepei/api/auth/session-cache';
import { withConsole } from '@tepei/api/console';
import { withRequestLog } from '@tepei/api/logger';
import { serverAggregateTtlMs } from '@tepei/api/modules/analytics/aggregate-cache';
import { withProbes } from '@tepei/api/probes';
import { createYogaApp } from '@tepei/api/yoga';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { isSeeded } from '@tepei/db/seed';
import { benchToday } from './bench-today.ts';
import { serveForParent, type StartupPhases, tracked } from './server-process.ts';
import { installStatementCounter } from './statement-counter.ts';

// Milliseconds since the process started (performance's time origin), at each step.
const phases: StartupPhases = { loadedMs: performance.now() };
const production = process.env.BENCH_API_START === 'production';
const counter = installStatementCounter();
const embeddedDir = process.env.BENCH_EMBEDDED_DIR;
const database = embeddedDir ? await openDatabase({ url: '', dataDir: embeddedDir }) : await openDatabase({ url: process.env.BENCH_DATABASE_URL! });
if (production) {
  await migrate(database.url);
  phases.migratedMs = performance.now();
}
const prisma = connectPrisma(database);
startSessionChangeFeed(database);
if (production) await isSeeded(prisma);
const yoga = createYogaApp({ clock: () => benchToday, aggregateTtlMs: serverAggregateTtlMs });
// /readiness (the database answers, every migration applied) is how the parent knows it is ready.
const handler = production ? withRequestLog(withProbes(withConsole(yoga))) : withProbes(yoga);
await serveForParent(createServer(tracked(handler)), counter, phases, async () => {
  await stopSessionChangeFeed();
  await disconnectPrisma();
  await database.close();
});
