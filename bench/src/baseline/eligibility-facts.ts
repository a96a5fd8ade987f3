// The facts the API's eligibility loader gathers, gathered by SQL on alias `a` instead, and
// handed to the same pure rules (eligibility.rules.ts): the baseline measures data access,
// not a second implementation of the rules.
import type { Actor } from '@tepei/api/auth/actor';
import { evaluateEligibility, type BlacklistingFact, type EarlierParticipationFact, type RuleResult } from '@tepei/api/modules/eligibility/eligibility.rules';
import { participatedStatuses } from '@tepei/db/reference/status-flow';

/**
 * The earlier rounds application `a` 's ID number took part in (rule 6 from the system's own
 * history, as eligibility.loader.ts finds them), as JSON EarlierParticipationFact[]. ID numbers
 * are stored normalised (the API normalises them on every write, and its loader compares the
 * stored column as it is): plain equality, so the index on "idNumber" serves it. Comparing
 * upper(trim(…)) of both sides made every row of the page scan the round's participants
 * (190 ms a page at 20,000 instead of 10 ms), and the baseline and PostGraphile slower than the
 * statement they stand beside.
 */
export const earlierParticipationsColumn = `(SELECT coalesce(json_agg(json_build_object('year', pr.year, 'hostInstitution', t."hostInstitution", 'assessment', t.assessment)), '[]')
     FROM "Application" p JOIN "Round" pr ON pr.id = p."roundId" LEFT JOIN "TrainingRecord" t ON t."applicationId" = p.id
     WHERE p."idNumber" = a."idNumber"
       AND pr.year < (SELECT year FROM "Round" WHERE id = a."roundId")
       AND p.status IN (${participatedStatuses.map((status) => `'${status}'`).join(', ')}))`;

/** Columns to select beside the application's own (a.*): its round, area, unit, listings in force at $now and earlier rounds taken part in. */
export function eligibilityColumns(nowParam: number): string {
  return `
    r.year AS "roundYear", r."ageCutoffDate", r."shortageSpecialties",
    ar.name AS "areaName", ar."isSouthernXinjiang", u.name AS "unitName",
    (SELECT coalesce(json_agg(json_build_object(
              'applicant', b."applicantIdNumber" = a."idNumber",
              'unit', b."unitId" = a."unitId",
              'listedAt', b."listedAt", 'expiresAt', b."expiresAt", 'reason', b.reason)), '[]')
     FROM "BlacklistEntry" b
     WHERE (b."applicantIdNumber" = a."idNumber" OR b."unitId" = a."unitId")
       AND b."liftedAt" IS NULL AND b."listedAt" <= $${nowParam} AND b."expiresAt" > $${nowParam}) AS listings,
    ${earlierParticipationsColumn} AS participations`;
}

export interface EligibilityRow {
  ethnicity: string;
  birthDate: string;
  education: string;
  titleLevel: string;
  trainingSpecialty: string;
  hasDisqualifyingIllness: boolean;
  earlierTrainee: boolean;
  earlierTrainingYear: number | null;
  earlierTrainingPlace: string | null;
  roundYear: number;
  ageCutoffDate: string;
  shortageSpecialties: string[];
  areaName: string;
  isSouthernXinjiang: boolean;
  unitName: string;
  listings: Array<{ applicant: boolean | null; unit: boolean | null; listedAt: string; expiresAt: string; reason: string }>;
  participations: EarlierParticipationFact[];
}

export function eligibilityOf(row: EligibilityRow): RuleResult[] {
  const blacklistings: BlacklistingFact[] = [];
  for (const listing of row.listings) {
    const dates = { listedAt: new Date(listing.listedAt), expiresAt: new Date(listing.expiresAt), reason: listing.reason };
    if (listing.applicant) blacklistings.push({ subject: 'APPLICANT', ...dates });
    if (listing.unit) blacklistings.push({ subject: 'UNIT', ...dates });
  }
  return evaluateEligibility({
    ethnicity: row.ethnicity as never,
    birthDate: row.birthDate,
    education: row.education as never,
    titleLevel: row.titleLevel as never,
    trainingSpecialty: row.trainingSpecialty,
    hasDisqualifyingIllness: row.hasDisqualifyingIllness,
    earlierTrainee: row.earlierTrainee,
    earlierTrainingYear: row.earlierTrainingYear,
    earlierTrainingPlace: row.earlierTrainingPlace,
    round: { year: row.roundYear, ageCutoffDate: row.ageCutoffDate, shortageSpecialties: row.shortageSpecialties },
    area: { name: row.areaName, isSouthernXinjiang: row.isSouthernXinjiang },
    unitName: row.unitName,
    blacklistings,
    earlierParticipations: row.participations,
  });
}

export type { Actor };
