// `pnpm start` (tsx) and `pnpm start:prod` (the bundle in api/dist): open the configured database,
// apply pending migrations, seed demo data into an empty database when asked to (config.ts),
// listen, and on SIGTERM/SIGINT stop gracefully.
import { createServer, type Server } from 'node:http';
import { runCli } from '@tepei/db/cli';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { isSeeded } from '@tepei/db/seed';
import { config, databaseOptions } from './config.ts';
import { consoleBuilt, withConsole } from './console.ts';
import { serverAggregateTtlMs } from './modules/analytics/aggregate-cache.ts';
import { connectPrisma, disconnectPrisma } from './db.ts';
import { startSessionChangeFeed, stopSessionChangeFeed } from './auth/session-cache.ts';
import { seedDemoData } from './demo-data.ts';
import { logger, withRequestLog } from './logger.ts';
import { withProbes } from './probes.ts';
import { createYogaApp } from './yoga.ts';

/** How long requests in flight may take to finish once asked to stop; then their connections are cut. */
const shutdownGraceMs = 25_000;

await runCli(async () => {
  const database = await openDatabase(databaseOptions());
  const applied = await migrate(database.url);
  if (applied.length) logger.info({ migrations: applied }, `已应用迁移 / applied migrations: ${applied.join(', ')}`);
  const prisma = connectPrisma(database);
  startSessionChangeFeed(database);
  if (await isSeeded(prisma)) {
    // Demo data already there: nothing to do.
  } else if (config.demoData) {
    logger.info('空数据库，正在写入演示数据 / empty database: seeding demo data…');
    await seedDemoData(prisma);
  } else if ((await prisma.user.count({ where: { role: 'REGIONAL' } })) === 0) {
    logger.warn('尚无自治区管理员：请运行 pnpm admin:create <用户名> / no regional administrator yet: run pnpm admin:create <username>');
  }
  const yoga = createYogaApp({ aggregateTtlMs: serverAggregateTtlMs });
  // Probes before the console: a load balancer must never get the console's index.html for /health.
  const server = createServer(withRequestLog(withProbes(withConsole(yoga), { metricsToken: config.metricsToken })));
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const where = database.embedded ? '嵌入式数据库 embedded PostgreSQL' : 'PostgreSQL server';
  logger.info({ port: config.port, embedded: database.embedded }, `GraphQL: http://localhost:${config.port}/graphql  (${where})`);
  if (consoleBuilt()) logger.info(`审核管理台 / console: http://localhost:${config.port}/`);

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, '正在停止 / stopping: finishing requests in flight');
    try {
      await closeServer(server, shutdownGraceMs);
      // The database last: requests that were in flight have used it until now.
      await stopSessionChangeFeed();
      await disconnectPrisma();
      await database.close();
      logger.info('已停止 / stopped');
      logger.flush();
      process.exit(0);
    } catch (error) {
      logger.fatal({ err: error }, 'shutdown failed');
      logger.flush();
      process.exit(1);
    }
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});

/**
 * Stops accepting connections and resolves once every request in flight has been answered.
 * Keep-alive connections are closed as soon as they fall idle; whatever still runs after
 * `graceMs` is cut off.
 */
async function closeServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => {
    logger.warn({ graceMs }, 'requests still running at the deadline: connections closed');
    server.closeAllConnections();
  }, graceMs);
  try {
    await closed;
  } finally {
    clearInterval(idleSweep);
    clearTimeout(deadline);
  }
}
