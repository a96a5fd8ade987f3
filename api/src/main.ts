// `pnpm start`: choose the database (DATABASE_URL or embedded under ./data), apply pending
// migrations, seed demo data into an empty database, and listen.
import { createServer } from 'node:http';
import { runCli } from '@tepei/db/cli';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { isSeeded } from '@tepei/db/seed';
import { consoleBuilt, withConsole } from './console.ts';
import { serverAggregateTtlMs } from './modules/analytics/aggregate-cache.ts';
import { connectPrisma, disconnectPrisma } from './db.ts';
import { seedDemoData } from './demo-data.ts';
import { withProbes } from './probes.ts';
import { createYogaApp } from './yoga.ts';

await runCli(async () => {
  const database = await openDatabase();
  const applied = await migrate(database.url);
  if (applied.length) console.log(`已应用迁移 / applied migrations: ${applied.join(', ')}`);
  const prisma = connectPrisma(database);
  if (!(await isSeeded(prisma))) {
    console.log('空数据库，正在写入演示数据 / empty database: seeding demo data…');
    await seedDemoData(prisma);
  }
  const yoga = createYogaApp({ aggregateTtlMs: serverAggregateTtlMs });
  // Probes first: a load balancer must never get the console's index.html for /health.
  const server = createServer(withProbes(withConsole(yoga), { metricsToken: process.env.METRICS_TOKEN || undefined }));
  const port = Number(process.env.PORT ?? 4000);
  await new Promise<void>((resolve) => server.listen(port, resolve));
  console.log(`GraphQL: http://localhost:${port}/graphql  (${database.embedded ? '嵌入式数据库 embedded PostgreSQL ./data' : 'PostgreSQL server'})`);
  if (consoleBuilt()) console.log(`审核管理台 / console: http://localhost:${port}/`);

  const shutdown = async () => {
    server.close();
    await disconnectPrisma();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
