// Which reviewer, round and application the operations use: the open round, the area with the
// longest prefecture queue, and that area's queued application with the longest history.
import type pg from 'pg';
import { prefectureUsername } from '@tepei/db/seed/accounts';
import type { Scenario } from './operations.ts';
import { benchToday } from './round-data.ts';

export async function findScenario(client: pg.Client): Promise<Scenario> {
  const { rows: [round] } = await client.query<{ id: string; year: number }>(
    'SELECT id, year FROM "Round" WHERE "recommendationDeadline" >= $1 ORDER BY year LIMIT 1',
    [benchToday],
  );
  if (!round) throw new Error('the bench database has no open round');
  const { rows: [area] } = await client.query<{ id: string; code: string }>(
    `SELECT ar.id, ar.code FROM "Application" a JOIN "Area" ar ON ar.id = a."areaId"
     WHERE a."roundId" = $1 AND a.status = 'ENDORSED' GROUP BY ar.id, ar.code ORDER BY count(*) DESC, ar.code LIMIT 1`,
    [round.id],
  );
  const { rows: [detail] } = await client.query<{ id: string }>(
    `SELECT a.id FROM "Application" a WHERE a."roundId" = $1 AND a."areaId" = $2 AND a.status = 'ENDORSED'
     ORDER BY (SELECT count(*) FROM "StatusChange" s WHERE s."applicationId" = a.id) DESC, a.id LIMIT 1`,
    [round.id, area!.id],
  );
  return { prefectureUsername: prefectureUsername(area!.code), roundId: round.id, roundYear: round.year, detailApplicationId: detail!.id };
}
