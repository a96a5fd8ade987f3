// Command-line entry points print expected failures as one line, without a stack trace.
import { DatabaseUnreachable, EmbeddedDatabaseInUse } from '../src/database.ts';
import { BackupError } from './backup-file.ts';
import { MigrationHistoryError } from './migrate.ts';

/** A command used wrongly: told how to use it, in one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const expectedErrors = [DatabaseUnreachable, EmbeddedDatabaseInUse, MigrationHistoryError, BackupError, UsageError];

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    // By name too: the seed's own refusals (seed/seed.ts) are usage errors of their command.
    if (expectedErrors.some((kind) => error instanceof kind) || (error as Error)?.name === 'UsageError') {
      console.error(`错误 / error: ${(error as Error).message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
