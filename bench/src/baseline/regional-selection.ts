// The regional bureau selects a recommended application (regionalDecision SELECT): in one
// transaction, the round's row lock, the quota counts, the versioned update, the status change
// and the review; then the audit record, as the API writes it after the mutation.
import { randomUUID } from 'node:crypto';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type pg from 'pg';
import type { Actor } from '@tepei/api/auth/actor';
import { placeHoldingStatuses } from '@tepei/db/reference/status-flow';
import { isoInstant, visibleApplications } from './actor.ts';

function refused(typename: string, message: string) {
  return { data: { regionalDecision: { __typename: typename, message } } };
}

export async function regionalSelection(pool: pg.Pool, actor: Actor, variables: { id: string; version: number }, now: Date) {
  if (actor.role !== 'REGIONAL') return refused('ForbiddenError', '仅自治区人社厅可以作出入选决定');
  const id = decodeGlobalID(variables.id).id;
  const visible = visibleApplications(actor, 2);
  const client = await pool.connect();
  let outcome: ReturnType<typeof refused> | { data: { regionalDecision: { __typename: string; data: Record<string, unknown> } } };
  try {
    await client.query('BEGIN');
    const { rows: [application] } = await client.query<{ roundId: string; mode: string; areaId: string; status: string; version: number }>(
      `SELECT a."roundId", a.mode, a."areaId", a.status, a.version FROM "Application" a WHERE a.id = $1 AND ${visible.sql}`,
      [id, ...visible.params],
    );
    if (!application) outcome = refused('NotFoundError', '申报不存在或无权访问');
    else if (application.status !== 'RECOMMENDED') outcome = refused('InvalidTransitionError', '当前状态不能确定入选');
    else if (application.version !== variables.version) outcome = refused('ConcurrentModificationError', '申报已被他人修改');
    else {
      // The round's row lock makes selections of one round take turns (quotas.service.ts).
      const { rows: [quota] } = await client.query<{ places: number; used: number; areaPlaces: number | null; usedInArea: number }>(
        `WITH round AS (SELECT id, "remotePlaces", "localPlaces" FROM "Round" WHERE id = $1 FOR UPDATE)
         SELECT CASE WHEN $2::"TrainingMode" = 'REMOTE' THEN round."remotePlaces" ELSE round."localPlaces" END AS places,
                (SELECT count(*)::int FROM "Application" WHERE "roundId" = $1 AND mode = $2::"TrainingMode" AND status = ANY($4::"ApplicationStatus"[])) AS used,
                (SELECT places FROM "QuotaAllocation" WHERE "roundId" = $1 AND mode = $2::"TrainingMode" AND "areaId" = $3) AS "areaPlaces",
                (SELECT count(*)::int FROM "Application" WHERE "roundId" = $1 AND mode = $2::"TrainingMode" AND "areaId" = $3 AND status = ANY($4::"ApplicationStatus"[])) AS "usedInArea"
         FROM round`,
        [application.roundId, application.mode, application.areaId, placeHoldingStatuses],
      );
      if (quota!.used >= quota!.places || (quota!.areaPlaces !== null && quota!.usedInArea >= quota!.areaPlaces)) {
        outcome = refused('QuotaExceededError', '名额已满');
      } else {
        const { rows: [updated] } = await client.query<{ id: string; status: string; version: number; decidedAt: Date }>(
          `WITH updated AS (
             UPDATE "Application" SET status = 'SELECTED', version = version + 1, "decidedAt" = $3, "updatedAt" = now()
             WHERE id = $1 AND version = $2 AND status = 'RECOMMENDED'
             RETURNING id, status, version, "decidedAt"
           ), change AS (
             INSERT INTO "StatusChange" (id, "applicationId", "fromStatus", "toStatus", "actorId", "actorRole", reason, at)
             SELECT gen_random_uuid(), id, 'RECOMMENDED', 'SELECTED', $4, 'REGIONAL', NULL, $3 FROM updated
           ), review AS (
             INSERT INTO "Review" (id, "applicationId", stage, decision, "reviewerId", comment, "conductConfirmed", "decidedAt")
             SELECT gen_random_uuid(), id, 'REGIONAL', 'SELECT', $4, NULL, TRUE, $3 FROM updated
           )
           SELECT * FROM updated`,
          [id, variables.version, now, actor.userId],
        );
        outcome = updated
          ? {
              data: {
                regionalDecision: {
                  __typename: 'MutationRegionalDecisionSuccess',
                  data: { id: encodeGlobalID('Application', updated.id), status: updated.status, version: updated.version, decidedAt: isoInstant(updated.decidedAt) },
                },
              },
            }
          : refused('ConcurrentModificationError', '申报已被他人修改');
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  const success = outcome.data.regionalDecision.__typename === 'MutationRegionalDecisionSuccess';
  await pool.query(
    `INSERT INTO "AuditRecord" (at, "requestId", "actorId", "actorRole", "actorScope", operation, "targetType", "targetId", result, "errorCode", details)
     VALUES ($1, $2, $3, 'REGIONAL', 'region', 'regionalDecision', 'Application', $4, $5, $6, $7)`,
    [now, randomUUID(), actor.userId, id, success ? 'SUCCESS' : 'REFUSED', success ? null : outcome.data.regionalDecision.__typename, JSON.stringify({ id: { typename: 'Application', id }, version: variables.version, decision: 'SELECT' })],
  );
  return outcome;
}
