// Command-line entry points print expected failures as one line, without a stack trace.
import { DatabaseUnreachable, EmbeddedDatabaseInUse } from '../src/database.ts';
import { MigrationHistoryError } from './migrate.ts';

const expectedErrors = [DatabaseUnreachable, EmbeddedDatabaseInUse, MigrationHistoryError];

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (expectedErrors.some((kind) => error instanceof kind) || (error as Error)?.name === 'UsageError') {
      console.error(`错误 / error: ${(error as Error).message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
