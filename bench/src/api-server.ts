// Child process: the real API (createYogaApp on node:http, as main.ts serves it) against the
// bench database — a PostgreSQL server (BENCH_DATABASE_URL) or an embedded folder
// (BENCH_EMBEDDED_DIR, PGlite in this process, as `pnpm start` runs without DATABASE_URL).
// Its clock is the bench's "today", so answers do not drift with the date; it keeps dashboard
// aggregates as `pnpm start` does (main.ts).
import { createServer } from 'node:http';
import { connectPrisma, disconnectPrisma } from '@tepei/api/db';
import { serverAggregateTtlMs } from '@tepei/api/modules/analytics/aggregate-cache';
import { createYogaApp } from '@tepei/api/yoga';
import { openDatabase } from '@tepei/db/database';
import { benchToday } from './round-data.ts';
import { serveForParent, tracked } from './server-process.ts';
import { installStatementCounter } from './statement-counter.ts';

const counter = installStatementCounter();
const embeddedDir = process.env.BENCH_EMBEDDED_DIR;
const database = embeddedDir ? await openDatabase({ url: '', dataDir: embeddedDir }) : await openDatabase({ url: process.env.BENCH_DATABASE_URL! });
connectPrisma(database);
const yoga = createYogaApp({ clock: () => benchToday, aggregateTtlMs: serverAggregateTtlMs });
await serveForParent(createServer(tracked(yoga)), counter, async () => {
  await disconnectPrisma();
  await database.close();
});
