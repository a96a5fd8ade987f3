// Gathers the facts eligibility.rules.ts needs for a batch of applications: one query each for
// their rounds, areas, units and blacklist listings in force, however many applications there
// are — a page of 50 costs the same four queries as a page of 1.
import type { Application, BlacklistEntry, Prisma, PrismaClient } from '@tepei/db/client';
import { normalizeResidentId } from '@tepei/db/reference/resident-id';
import { prisma } from '../../db.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { evaluateEligibility, type BlacklistingFact, type RuleResult } from './eligibility.rules.ts';

/** The columns of an application the rules read; select them (or more) before loading. */
export const eligibilitySelect = {
  id: true,
  idNumber: true,
  unitId: true,
  roundId: true,
  areaId: true,
  ethnicity: true,
  birthDate: true,
  education: true,
  titleLevel: true,
  trainingSpecialty: true,
  hasDisqualifyingIllness: true,
  earlierTrainee: true,
  earlierTrainingYear: true,
  earlierTrainingPlace: true,
} as const satisfies Prisma.ApplicationSelect;

export type EligibilityApplication = Pick<Application, keyof typeof eligibilitySelect>;

/** The verdicts of every rule for each application, keyed by application id. */
/** Inside a transaction pass its client: on the embedded database other connections wait for it to end. */
type Reader = Pick<PrismaClient, 'round' | 'area' | 'employerUnit' | 'blacklistEntry' | 'application'> | Prisma.TransactionClient;

export async function loadEligibility(
  applications: readonly EligibilityApplication[],
  now: Date,
  db: Reader = prisma,
): Promise<Map<string, RuleResult[]>> {
  const results = new Map<string, RuleResult[]>();
  if (!applications.length) return results;

  const distinct = <T>(values: T[]) => [...new Set(values)];
  const roundIds = distinct(applications.map((application) => application.roundId));
  const areaIds = distinct(applications.map((application) => application.areaId));
  const unitIds = distinct(applications.map((application) => application.unitId));
  const idNumbers = distinct(applications.map((application) => normalizeResidentId(application.idNumber)));

  const [rounds, areas, units, listings] = await Promise.all([
    db.round.findMany({
      where: { id: { in: roundIds } },
      select: { id: true, year: true, ageCutoffDate: true, shortageSpecialties: true },
    }),
    db.area.findMany({ where: { id: { in: areaIds } }, select: { id: true, name: true, isSouthernXinjiang: true } }),
    db.employerUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
    // The same test as isActiveListing (blacklist-expiry.ts), done by the database.
    db.blacklistEntry.findMany({
      where: {
        OR: [{ applicantIdNumber: { in: idNumbers } }, { unitId: { in: unitIds } }],
        liftedAt: null,
        listedAt: { lte: now },
        expiresAt: { gt: now },
      },
      select: { applicantIdNumber: true, unitId: true, listedAt: true, expiresAt: true, reason: true },
    }),
  ]);

  const roundById = byId(rounds);
  const areaById = byId(areas);
  const unitById = byId(units);

  for (const application of applications) {
    const round = found(roundById, application.roundId, 'round', application.id);
    const area = found(areaById, application.areaId, 'area', application.id);
    const unit = found(unitById, application.unitId, 'unit', application.id);
    results.set(
      application.id,
      evaluateEligibility({
        ethnicity: application.ethnicity,
        birthDate: application.birthDate,
        education: application.education,
        titleLevel: application.titleLevel,
        trainingSpecialty: application.trainingSpecialty,
        hasDisqualifyingIllness: application.hasDisqualifyingIllness,
        earlierTrainee: application.earlierTrainee,
        earlierTrainingYear: application.earlierTrainingYear,
        earlierTrainingPlace: application.earlierTrainingPlace,
        round,
        area,
        unitName: unit.name,
        blacklistings: blacklistingsOf(application, listings),
      }),
    );
  }
  return results;
}

/** The verdicts for one application. */
export async function eligibilityFor(applicationId: string, now: Date, db: Reader = prisma): Promise<RuleResult[]> {
  const application = await db.application.findUnique({ where: { id: applicationId }, select: eligibilitySelect });
  if (!application) throw new NotFoundError('申报记录');
  return (await loadEligibility([application], now, db)).get(applicationId)!;
}

type Listing = Pick<BlacklistEntry, 'applicantIdNumber' | 'unitId' | 'listedAt' | 'expiresAt' | 'reason'>;

function blacklistingsOf(application: EligibilityApplication, listings: Listing[]): BlacklistingFact[] {
  const idNumber = normalizeResidentId(application.idNumber);
  const facts: BlacklistingFact[] = [];
  for (const listing of listings) {
    const { listedAt, expiresAt, reason } = listing;
    // One entry may list both the applicant and the unit: each is a reason of its own.
    if (listing.applicantIdNumber && normalizeResidentId(listing.applicantIdNumber) === idNumber) {
      facts.push({ subject: 'APPLICANT', listedAt, expiresAt, reason });
    }
    if (listing.unitId === application.unitId) facts.push({ subject: 'UNIT', listedAt, expiresAt, reason });
  }
  return facts;
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function found<T>(rows: Map<string, T>, id: string, what: string, applicationId: string): T {
  const row = rows.get(id);
  // Foreign keys make this unreachable short of a caller passing a made-up application.
  if (!row) throw new Error(`eligibility: ${what} ${id} of application ${applicationId} does not exist`);
  return row;
}

