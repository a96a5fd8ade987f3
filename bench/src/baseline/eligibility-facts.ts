// The facts the API's eligibility loader gathers, gathered by SQL on alias `a` instead, and
// handed to the same pure rules (eligibility.rules.ts): the baseline measures data access,
// not a second implementation of the rules.
import type { Actor } from '@tepei/api/auth/actor';
import { evaluateEligibility, type BlacklistingFact, type RuleResult } from '@tepei/api/modules/eligibility/eligibility.rules';

/** Columns to select beside the application's own (a.*): its round, area, unit and listings in force at $now. */
export function eligibilityColumns(nowParam: number): string {
  return `
    r.year AS "roundYear", r."ageCutoffDate", r."shortageSpecialties",
    ar.name AS "areaName", ar."isSouthernXinjiang", u.name AS "unitName",
    (SELECT coalesce(json_agg(json_build_object(
              'applicant', upper(trim(b."applicantIdNumber")) = upper(trim(a."idNumber")),
              'unit', b."unitId" = a."unitId",
              'listedAt', b."listedAt", 'expiresAt', b."expiresAt", 'reason', b.reason)), '[]')
     FROM "BlacklistEntry" b
     WHERE (upper(trim(b."applicantIdNumber")) = upper(trim(a."idNumber")) OR b."unitId" = a."unitId")
       AND b."liftedAt" IS NULL AND b."listedAt" <= $${nowParam} AND b."expiresAt" > $${nowParam}) AS listings`;
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
  });
}

export type { Actor };
