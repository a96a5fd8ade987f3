// pnpm db:seed — migrates, then writes the demo data once (a second run changes nothing).
import { createPrismaClient } from '@tepei/db/client';
import { runCli } from '@tepei/db/cli';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { demoAccounts, demoPassword, type SeedSummary } from '@tepei/db/seed';
import { databaseOptions } from './config.ts';
import { seedDemoData } from './demo-data.ts';

function report(summary: SeedSummary, seconds: number): string {
  const headline = {
    written: `演示数据已写入（${seconds.toFixed(1)} 秒）/ demo data written in ${seconds.toFixed(1)} s`,
    present: '演示数据已存在，未做任何修改 / demo data already present, nothing changed',
    declined: '数据库中已有非演示的年度或用户，未写入演示数据 / the database holds rounds or users of its own: demo data not written',
  }[summary.result];
  const lines = [
    headline,
    `  地区 areas: ${summary.areas}   用人单位 units: ${summary.units}   用户 users: ${summary.users}   失信名单 blacklist: ${summary.blacklistEntries}`,
    ...summary.rounds.map((round) => `  ${round.name} (${round.year}) 申报 applications: ${round.applications}`),
  ];
  if (summary.result === 'declined') return lines.join('\n');
  lines.push(
    `  演示账号 demo accounts (密码 password ${demoPassword}): ${demoAccounts.REGIONAL[0]}, ${demoAccounts.ANALYST[0]}, ` +
      `${demoAccounts.PREFECTURE[0]} … (${demoAccounts.PREFECTURE.length}), ${demoAccounts.EMPLOYER[0]} … ${demoAccounts.EMPLOYER.at(-1)}, ` +
      `${demoAccounts.APPLICANT.join(', ')}`,
  );
  return lines.join('\n');
}

await runCli(async () => {
  const db = await openDatabase(databaseOptions());
  try {
    await migrate(db.url);
    const prisma = createPrismaClient(db);
    try {
      const started = performance.now();
      const summary = await seedDemoData(prisma);
      console.log(report(summary, (performance.now() - started) / 1000));
      if (summary.result === 'declined') process.exitCode = 1;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.close();
  }
});
