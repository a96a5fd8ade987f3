// The prefecture reviewer's queue page (applications, ENDORSED, first 50, default order
// updatedAt, id) with unit, area, host preferences, reviews, eligibility and the signed scans
// still missing: one statement.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type pg from 'pg';
import type { Actor } from '@tepei/api/auth/actor';
import { isoInstant, visibleApplications } from './actor.ts';
import { eligibilityColumns, eligibilityOf, type EligibilityRow } from './eligibility-facts.ts';
import { missingSignedScansColumn } from './signed-scans.ts';

interface QueueRow extends EligibilityRow {
  id: string;
  serialNumber: string | null;
  name: string;
  gender: string;
  status: string;
  mode: string;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  unitId: string;
  unitNature: string;
  unitAreaName: string;
  areaId: string;
  missingSignedScans: string[];
  hostPreferences: Array<{ rank: number; institution: string; mentor: string | null }>;
  reviews: Array<{ stage: string; decision: string; decidedAt: string }>;
}

export async function queuePage(pool: pg.Pool, actor: Actor, variables: { first: number }, now: Date) {
  const visible = visibleApplications(actor, 3);
  const where = `a.status = 'ENDORSED' AND ${visible.sql}`;
  const { rows } = await pool.query<{ total: number; page: QueueRow[] }>(
    `WITH page AS (
       SELECT a.id, a."serialNumber", a.name, a.gender, a.status, a.mode, a."trainingSpecialty", a."submittedAt", a."updatedAt",
              a.version, a.ethnicity, a."birthDate", a.education, a."titleLevel", a."hasDisqualifyingIllness", a."earlierTrainee",
              a."earlierTrainingYear", a."earlierTrainingPlace", a."unitId", a."areaId",
              u.nature AS "unitNature", ua.name AS "unitAreaName",
              ${eligibilityColumns(1)},
              ${missingSignedScansColumn},
              (SELECT coalesce(json_agg(json_build_object('rank', h.rank, 'institution', h.institution, 'mentor', h.mentor) ORDER BY h.rank), '[]')
               FROM "HostPreference" h WHERE h."applicationId" = a.id) AS "hostPreferences",
              (SELECT coalesce(json_agg(json_build_object('stage', v.stage, 'decision', v.decision, 'decidedAt', v."decidedAt") ORDER BY v."decidedAt"), '[]')
               FROM "Review" v WHERE v."applicationId" = a.id) AS reviews
       FROM "Application" a
       JOIN "Round" r ON r.id = a."roundId"
       JOIN "EmployerUnit" u ON u.id = a."unitId"
       JOIN "Area" ua ON ua.id = u."areaId"
       JOIN "Area" ar ON ar.id = a."areaId"
       WHERE ${where}
       ORDER BY a."updatedAt", a.id
       LIMIT $2
     )
     SELECT (SELECT count(*)::int FROM "Application" a WHERE ${where}) AS total,
            (SELECT coalesce(json_agg(page ORDER BY page."updatedAt", page.id), '[]') FROM page) AS page`,
    [now, Math.min(variables.first, 100), ...visible.params],
  );
  const { total, page } = rows[0]!;
  return {
    data: {
      applications: {
        totalCount: total,
        edges: page.map((row) => ({
          node: {
            id: encodeGlobalID('Application', row.id),
            serialNumber: row.serialNumber,
            name: row.name,
            gender: row.gender,
            status: row.status,
            mode: row.mode,
            trainingSpecialty: row.trainingSpecialty,
            submittedAt: isoInstant(row.submittedAt),
            updatedAt: isoInstant(row.updatedAt),
            version: row.version,
            unit: { id: encodeGlobalID('EmployerUnit', row.unitId), name: row.unitName, nature: row.unitNature, area: { name: row.unitAreaName } },
            area: { id: encodeGlobalID('Area', row.areaId), name: row.areaName, isSouthernXinjiang: row.isSouthernXinjiang },
            hostPreferences: row.hostPreferences,
            eligibility: eligibilityOf(row),
            missingSignedScans: row.missingSignedScans,
            reviews: row.reviews.map((review) => ({ ...review, decidedAt: isoInstant(review.decidedAt) })),
          },
        })),
      },
    },
  };
}
