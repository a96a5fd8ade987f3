// `pnpm db:restore FILE [--force]`: restores a backup into DATABASE_URL, or into the embedded
// database under ./data (not while the API holds it). Refuses a target that holds data
// unless --force, which wipes it first.
import { openDatabase } from '../src/database.ts';
import { defaultDataDir } from '../src/paths.ts';
import { runCli, UsageError } from './cli.ts';
import { fromInvocationDir } from './command-files.ts';
import { restoreDatabase } from './restore.ts';

await runCli(async () => {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((arg) => arg !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-')) throw new UsageError('用法 / usage: pnpm db:restore FILE [--force]');
  const source = fromInvocationDir(files[0]!);
  const database = await openDatabase();
  try {
    const label = database.embedded ? `嵌入式数据库 / embedded database ${process.env.TEPEI_DATA_DIR ?? defaultDataDir}` : undefined;
    const summary = await restoreDatabase(database.url, source, { force, label });
    console.log(`已恢复 / restored: ${summary.rows} 行 / rows in ${summary.tables} 张表 / tables from ${source}`);
    if (summary.migratedAfter.length) console.log(`随后应用迁移 / then applied: ${summary.migratedAfter.join(', ')}`);
  } finally {
    await database.close();
  }
});
