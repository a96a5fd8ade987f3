// 学员编号 on first submission (format: prisma/src/reference/trainee-number.ts, as the seed
// writes them): the next sequence of the application's round and area. Two first submissions in
// one area at once must not take the same number: a transaction-scoped advisory lock on the
// round and area makes the second wait until the first has committed, then read its number (the
// unit of work runs READ COMMITTED, so the statement after the lock sees it). The unique index on
// serialNumber stays the last guard. Applications of other areas never wait.
import { traineeNumber, traineeNumberPrefix } from '@tepei/db/reference/trainee-number';
import type { Transaction } from './workflow.service.ts';

/** Where a number is drawn from: the application's round and area, with the year and code the number shows. */
export interface TraineeNumberSeries {
  roundId: string;
  areaId: string;
  year: number;
  areaCode: string;
}

/**
 * The next number of the series, for the submission to write in its own UPDATE; the advisory
 * lock it takes is held to the end of the transaction, so the number stays this one's.
 */
export async function nextTraineeNumber(tx: Transaction, series: TraineeNumberSeries): Promise<string> {
  const prefix = traineeNumberPrefix(series.year, series.areaCode);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`trainee-number:${prefix}`}))`;
  // Only numbers of this format count: digits after the prefix (an older format is skipped).
  const [{ last }] = await tx.$queryRaw<[{ last: number | null }]>`
    SELECT max(split_part("serialNumber", '-', 3)::int) AS last
    FROM "Application"
    WHERE "roundId" = ${series.roundId}::uuid AND "areaId" = ${series.areaId}::uuid
      AND "serialNumber" ~ ${`^${prefix}-[0-9]{4,9}$`}`;
  return traineeNumber(series.year, series.areaCode, (last ?? 0) + 1);
}
