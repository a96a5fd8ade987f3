// `pnpm db:backup FILE`: backs up DATABASE_URL, or the embedded database under ./data (which
// the running API holds: stop it first), documents included.
import { openDatabase } from '../src/database.ts';
import { backupDatabase } from './backup.ts';
import { runCli, UsageError } from './cli.ts';
import { fromInvocationDir } from './command-files.ts';

await runCli(async () => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length) throw new UsageError('用法 / usage: pnpm db:backup FILE   (e.g. backups/tepei-2026-12-01.backup.gz)');
  const target = fromInvocationDir(file);
  const database = await openDatabase();
  try {
    const summary = await backupDatabase(database.url, target);
    console.log(`已备份 / backed up: ${summary.rows} 行 / rows in ${summary.tables} 张表 / tables, ${summary.migrations} 个迁移 / migrations → ${summary.file}`);
  } finally {
    await database.close();
  }
});
