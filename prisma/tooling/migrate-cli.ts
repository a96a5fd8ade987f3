// `pnpm db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from '../src/database.ts';
import { migrate } from './migrate.ts';
import { runCli } from './cli.ts';

await runCli(async () => {
  const database = await openDatabase();
  try {
    const applied = await migrate(database.url);
    console.log(applied.length ? `已应用迁移 / applied: ${applied.join(', ')}` : '数据库已是最新 / database is up to date');
  } finally {
    await database.close();
  }
});
