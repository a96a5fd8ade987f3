// What PostGraphile needs in the bench database (and only there, never in the project's
// migrations): a PostgreSQL role for the prefecture reviewer, row-level security for the area
// rule of auth/row-rules.ts (applicationsVisibleTo, unitsVisibleTo, areasVisibleTo for
// PREFECTURE: the reviewer's area, read from the request's `jwt.claims.area_id` setting), and
// three computed columns giving the facts the queue page shows beside an application: the signed
// scans it still lacks (the baseline's SQL of documents/signed-scans.ts) and the blacklist
// listings in force that name its applicant or unit (eligibility.loader.ts's query), and the
// earlier rounds its ID number took part in (rule 6 from the system's history). The
// computed columns run as their owner, as the API's loaders read those facts whatever the
// reviewer may list; they only ever see an application the reviewer may see.
// The API and the baseline connect as the tables' owner, whom row-level security does not
// restrict.
import pg from 'pg';
import { earlierParticipationsColumn } from '../baseline/eligibility-facts.ts';
import { missingSignedScansColumn } from '../baseline/signed-scans.ts';

/** The role PostGraphile's transactions take for a prefecture reviewer (`pgSettings.role`). Roles are the server's, shared by every bench database. */
export const prefectureRole = 'tepei_bench_prefecture';
/** The setting holding the reviewer's area id, per transaction. */
export const areaSetting = 'jwt.claims.area_id';

const reviewerArea = `nullif(current_setting('${areaSetting}', true), '')::uuid`;
// A child row of an application follows the application's own policy.
const ofVisibleApplication = 'EXISTS (SELECT 1 FROM "Application" a WHERE a.id = "applicationId")';

const policies: Record<string, string> = {
  Application: `"areaId" = ${reviewerArea}`,
  EmployerUnit: `"areaId" = ${reviewerArea}`,
  Area: `id = ${reviewerArea}`,
  HostPreference: ofVisibleApplication,
  Review: ofVisibleApplication,
};

const statements = [
  // Concurrent runs (the tests) may race to create it.
  `DO $$ BEGIN CREATE ROLE ${prefectureRole} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
  `GRANT ${prefectureRole} TO CURRENT_USER`,
  `GRANT USAGE ON SCHEMA public TO ${prefectureRole}`,
  // Every reviewer reads the rounds.
  `GRANT SELECT ON "Round", ${Object.keys(policies).map((table) => `"${table}"`).join(', ')} TO ${prefectureRole}`,
  ...Object.entries(policies).flatMap(([table, rule]) => [
    `ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS prefecture_area ON "${table}"`,
    `CREATE POLICY prefecture_area ON "${table}" FOR SELECT TO ${prefectureRole} USING (${rule})`,
  ]),
  `CREATE OR REPLACE FUNCTION "Application_missingSignedScans"(a "Application") RETURNS text[]
     LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT ${missingSignedScansColumn} $$`,
  `CREATE OR REPLACE FUNCTION "Application_blacklistingsInForce"(a "Application", at timestamptz) RETURNS SETOF "BlacklistEntry"
     LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
       SELECT b.* FROM "BlacklistEntry" b
       WHERE (b."applicantIdNumber" = a."idNumber" OR b."unitId" = a."unitId")
         AND b."liftedAt" IS NULL AND b."listedAt" <= at AND b."expiresAt" > at $$`,
  `CREATE OR REPLACE FUNCTION "Application_earlierParticipations"(a "Application") RETURNS json
     LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT ${earlierParticipationsColumn} $$`,
];

/** Installs the role, the policies and the computed columns in the bench database at `url`; idempotent. */
export async function installPrefectureRowSecurity(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
