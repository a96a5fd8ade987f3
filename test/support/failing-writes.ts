// A database that fails the way a full disk or a broken constraint would: while `work` runs,
// every insert or update of `table` whose new row matches `condition` (SQL over NEW) raises.
// For tests of what the API does with a failure it did not expect.
import type { PrismaClient } from '@tepei/db/client';

export async function withFailingWrites<T>(prisma: PrismaClient, table: string, condition: string, work: () => Promise<T>): Promise<T> {
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION tepei_test_failing_write() RETURNS trigger AS $$
    BEGIN
      IF ${condition} THEN RAISE EXCEPTION 'the store refuses this write (test)'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await prisma.$executeRawUnsafe(`CREATE TRIGGER tepei_test_failing_write BEFORE INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION tepei_test_failing_write()`);
  try {
    return await work();
  } finally {
    await prisma.$executeRawUnsafe(`DROP TRIGGER tepei_test_failing_write ON "${table}"`);
  }
}
