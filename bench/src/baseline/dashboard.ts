// The dashboard's four aggregates in one response: places used per mode and area
// (quotaUsage), counts by status (applicationCounts), deadline progress and the reviewer's
// queue. Four statements, run side by side on the pool.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type pg from 'pg';
import type { Actor } from '@tepei/api/auth/actor';
import { daysLeft, queueStatuses } from '@tepei/api/modules/analytics/analytics.service';
import { ApplicationStatus } from '@tepei/db/enums';
import { placeHoldingStatuses, statusLabels } from '@tepei/db/reference/status-flow';
import { isoInstant, visibleApplications } from './actor.ts';

interface Variables {
  roundId: string;
  roundYear: number;
}

const statusOrder: string[] = Object.values(ApplicationStatus);

async function quotaUsage(pool: pg.Pool, actor: Actor, roundId: string) {
  const { rows } = await pool.query<{
    round: { remotePlaces: number; localPlaces: number };
    allocations: Array<{ mode: 'REMOTE' | 'LOCAL'; areaId: string; areaName: string; places: number }>;
    counts: Array<{ mode: string; areaId: string; status: string; count: number }>;
  }>(
    `SELECT (SELECT json_build_object('remotePlaces', "remotePlaces", 'localPlaces', "localPlaces") FROM "Round" WHERE id = $1) AS round,
            (SELECT coalesce(json_agg(json_build_object('mode', q.mode, 'areaId', q."areaId", 'areaName', (SELECT name FROM "Area" WHERE id = q."areaId"), 'places', q.places)), '[]')
             FROM "QuotaAllocation" q WHERE q."roundId" = $1) AS allocations,
            (SELECT coalesce(json_agg(c), '[]') FROM (
               SELECT mode, "areaId", status, count(*)::int AS count FROM "Application"
               WHERE "roundId" = $1 AND status = ANY($2::"ApplicationStatus"[]) GROUP BY mode, "areaId", status) c) AS counts`,
    [roundId, [...placeHoldingStatuses, 'RECOMMENDED']],
  );
  const { round, allocations, counts } = rows[0]!;
  const tally = (mode: string, areaId: string | null, statuses: readonly string[]) =>
    counts.filter((row) => row.mode === mode && (areaId === null || row.areaId === areaId) && statuses.includes(row.status)).reduce((sum, row) => sum + row.count, 0);
  const line = (mode: 'REMOTE' | 'LOCAL', area: { id: string; name: string } | null, places: number) => {
    const used = tally(mode, area?.id ?? null, placeHoldingStatuses);
    return { mode, area: area && { id: encodeGlobalID('Area', area.id), name: area.name }, places, used, reserved: tally(mode, area?.id ?? null, ['RECOMMENDED']), remaining: Math.max(places - used, 0) };
  };
  return [
    line('REMOTE', null, round.remotePlaces),
    line('LOCAL', null, round.localPlaces),
    ...allocations
      .filter((allocation) => actor.role !== 'PREFECTURE' || allocation.areaId === actor.areaId)
      .map((allocation) => line(allocation.mode, { id: allocation.areaId, name: allocation.areaName }, allocation.places)),
  ];
}

async function statusCounts(pool: pg.Pool, actor: Actor, roundYear: number) {
  const visible = visibleApplications(actor, 2);
  const { rows } = await pool.query<{ status: string; count: number }>(
    `SELECT a.status, count(*)::int AS count FROM "Application" a
     WHERE a."roundId" = (SELECT id FROM "Round" WHERE year = $1) AND ${visible.sql} GROUP BY a.status`,
    [roundYear, ...visible.params],
  );
  return {
    __typename: 'QueryApplicationCountsSuccess',
    data: rows
      .sort((x, y) => statusOrder.indexOf(x.status) - statusOrder.indexOf(y.status))
      .map((row) => ({ count: row.count, keys: [{ value: row.status, label: statusLabels[row.status as ApplicationStatus] }] })),
  };
}

async function deadlineProgress(pool: pg.Pool, actor: Actor, roundYear: number, now: Date) {
  const visible = visibleApplications(actor, 2);
  const { rows } = await pool.query<{
    round: { id: string; name: string; year: number; applicationDeadline: string; recommendationDeadline: string };
    totals: { applications: number; submitted: number; endorsed: number; recommended: number; selected: number };
    perDay: Array<{ date: string; submitted: number; endorsed: number; recommended: number; selected: number }>;
  }>(
    `WITH round AS (SELECT id, name, year, "applicationDeadline", "recommendationDeadline" FROM "Round" WHERE year = $1),
     first_reached AS (
       SELECT sc."applicationId", sc."toStatus", min(sc.at) AS at
       FROM "StatusChange" sc JOIN "Application" a ON a.id = sc."applicationId"
       WHERE a."roundId" = (SELECT id FROM round) AND ${visible.sql} AND sc."toStatus" IN ('SUBMITTED', 'ENDORSED', 'RECOMMENDED', 'SELECTED')
       GROUP BY sc."applicationId", sc."toStatus"
     ),
     days AS (
       SELECT to_char(date_trunc('day', at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS date,
              (count(*) FILTER (WHERE "toStatus" = 'SUBMITTED'))::int AS submitted,
              (count(*) FILTER (WHERE "toStatus" = 'ENDORSED'))::int AS endorsed,
              (count(*) FILTER (WHERE "toStatus" = 'RECOMMENDED'))::int AS recommended,
              (count(*) FILTER (WHERE "toStatus" = 'SELECTED'))::int AS selected
       FROM first_reached GROUP BY 1
     )
     SELECT (SELECT row_to_json(round) FROM round) AS round,
            (SELECT json_build_object('applications', count(*), 'submitted', count(a."submittedAt"), 'endorsed', count(a."endorsedAt"), 'recommended', count(a."recommendedAt"),
                                     'selected', count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "StatusChange" s WHERE s."applicationId" = a.id AND s."toStatus" = 'SELECTED')))
             FROM "Application" a WHERE a."roundId" = (SELECT id FROM round) AND ${visible.sql}) AS totals,
            (SELECT coalesce(json_agg(days ORDER BY date), '[]') FROM days) AS "perDay"`,
    [roundYear, ...visible.params],
  );
  const { round, totals, perDay } = rows[0]!;
  if (!round) return null;
  return {
    round: { id: encodeGlobalID('Round', round.id), name: round.name, year: round.year },
    daysLeftToApplicationDeadline: daysLeft(now, new Date(round.applicationDeadline)),
    daysLeftToRecommendationDeadline: daysLeft(now, new Date(round.recommendationDeadline)),
    totals,
    perDay,
  };
}

async function reviewQueue(pool: pg.Pool, actor: Actor, roundYear: number) {
  const visible = visibleApplications(actor, 3);
  const { rows } = await pool.query<{ size: number; since: Date | null; id: string | null; name: string | null; status: string | null }>(
    `WITH queue AS (
       SELECT a.id, a.name, a.status,
              COALESCE((SELECT max(sc.at) FROM "StatusChange" sc WHERE sc."applicationId" = a.id AND sc."toStatus" = a.status), a."updatedAt") AS since
       FROM "Application" a
       WHERE a.status = ANY($1::"ApplicationStatus"[]) AND a."roundId" = (SELECT id FROM "Round" WHERE year = $2) AND ${visible.sql}
     )
     SELECT (SELECT count(*) FROM queue)::int AS size, oldest.id, oldest.name, oldest.status, oldest.since
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT id, name, status, since FROM queue ORDER BY since, id LIMIT 1) AS oldest ON TRUE`,
    [queueStatuses[actor.role] ?? [], roundYear, ...visible.params],
  );
  const row = rows[0]!;
  return {
    size: row.size,
    oldestWaitingSince: isoInstant(row.since),
    oldestApplication: row.id ? { id: encodeGlobalID('Application', row.id), name: row.name, status: row.status } : null,
  };
}

export async function dashboard(pool: pg.Pool, actor: Actor, variables: Variables, now: Date) {
  const roundId = decodeGlobalID(variables.roundId).id;
  const [quotas, counts, progress, queue] = await Promise.all([
    quotaUsage(pool, actor, roundId),
    statusCounts(pool, actor, variables.roundYear),
    deadlineProgress(pool, actor, variables.roundYear, now),
    reviewQueue(pool, actor, variables.roundYear),
  ]);
  return { data: { quotaUsage: quotas, applicationCounts: counts, deadlineProgress: progress, myReviewQueue: queue } };
}
