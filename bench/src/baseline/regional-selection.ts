// The regional bureau selects a recommended application (regionalDecision SELECT): in one
// transaction, as reviews.service.ts orders it, the round's row lock first, then the checks the
// facts may have failed since the recommendation — eligibility (the same pure rules, on facts
// read under the lock, so a listing committed meanwhile is seen), the signed scans, the quota
// counts — then the versioned update, the status change and the review; then the audit record,
// as the API writes it after the mutation. A refusal answers with the API's error type and
// message and is audited with its code.
import { randomUUID } from 'node:crypto';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type pg from 'pg';
import type { Actor } from '@tepei/api/auth/actor';
import type { SignedScanKind } from '@tepei/api/modules/documents/signed-scan-kinds';
import { placeHoldingStatuses } from '@tepei/db/reference/status-flow';
import { isoInstant, visibleApplications } from './actor.ts';
import { eligibilityColumns, eligibilityOf, type EligibilityRow } from './eligibility-facts.ts';
import { missingSignedScansColumn, signedScansMissingMessage } from './signed-scans.ts';

/** The API's error codes (errors/domain-errors.ts) of the refusals answered here, for the audit record. */
const errorCodes = {
  ForbiddenError: 'FORBIDDEN',
  NotFoundError: 'NOT_FOUND',
  InvalidTransitionError: 'INVALID_TRANSITION',
  ConcurrentModificationError: 'CONCURRENT_MODIFICATION',
  NotEligibleError: 'NOT_ELIGIBLE',
  SignedScansMissingError: 'SIGNED_SCANS_MISSING',
  QuotaExceededError: 'QUOTA_EXCEEDED',
} as const;

function refused(typename: keyof typeof errorCodes, message: string) {
  return { data: { regionalDecision: { __typename: typename, message } } };
}

interface CheckRow extends EligibilityRow {
  missingSignedScans: SignedScanKind[];
  places: number;
  used: number;
  areaPlaces: number | null;
  usedInArea: number;
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
      // The round's row lock first, in a statement of its own: selections of one round take
      // turns on it (quotas.service.ts), and a blacklisting waits for it, so the facts read by
      // the next statement — its snapshot taken after the lock — include any listing committed meanwhile.
      await client.query('SELECT id FROM "Round" WHERE id = $1 FOR UPDATE', [application.roundId]);
      const { rows: [checks] } = await client.query<CheckRow>(
        `SELECT a.ethnicity, a."birthDate", a.education, a."titleLevel", a."trainingSpecialty", a."hasDisqualifyingIllness",
                a."earlierTrainee", a."earlierTrainingYear", a."earlierTrainingPlace",
                ${eligibilityColumns(2)},
                ${missingSignedScansColumn},
                CASE WHEN a.mode = 'REMOTE' THEN r."remotePlaces" ELSE r."localPlaces" END AS places,
                (SELECT count(*)::int FROM "Application" o WHERE o."roundId" = a."roundId" AND o.mode = a.mode AND o.status = ANY($3::"ApplicationStatus"[])) AS used,
                (SELECT q.places FROM "QuotaAllocation" q WHERE q."roundId" = a."roundId" AND q.mode = a.mode AND q."areaId" = a."areaId") AS "areaPlaces",
                (SELECT count(*)::int FROM "Application" o WHERE o."roundId" = a."roundId" AND o.mode = a.mode AND o."areaId" = a."areaId"
                   AND o.status = ANY($3::"ApplicationStatus"[])) AS "usedInArea"
         FROM "Application" a
         JOIN "Round" r ON r.id = a."roundId"
         JOIN "EmployerUnit" u ON u.id = a."unitId"
         JOIN "Area" ar ON ar.id = a."areaId"
         WHERE a.id = $1`,
        [id, now, placeHoldingStatuses],
      );
      const facts = checks!;
      const blocking = eligibilityOf(facts).filter((result) => result.blocking);
      if (blocking.length) {
        outcome = refused('NotEligibleError', `不符合推荐条件，不能确定入选：${blocking.map((result) => result.reason).join('；')}`);
      } else if (facts.missingSignedScans.length) {
        outcome = refused('SignedScansMissingError', signedScansMissingMessage(facts.missingSignedScans, '确定入选'));
      } else if (facts.used >= facts.places || (facts.areaPlaces !== null && facts.usedInArea >= facts.areaPlaces)) {
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
    [now, randomUUID(), actor.userId, id, success ? 'SUCCESS' : 'REFUSED', success ? null : errorCodes[outcome.data.regionalDecision.__typename as keyof typeof errorCodes], JSON.stringify({ id: { typename: 'Application', id }, version: variables.version, decision: 'SELECT' })],
  );
  return outcome;
}
