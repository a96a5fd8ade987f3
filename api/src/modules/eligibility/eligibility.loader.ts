// Gathers the facts eligibility.rules.ts needs for a batch of applications: one query each for
// their rounds, areas, units, blacklist listings in force and the same people's participations
// in any round (with that round and its training, in one shaped statement), however many
// applications there are — a page of 50 costs the same five queries as a page of 1. A read that loads the same
// facts with its page (application-reads.ts) evaluates them with eligibilityFromFacts.
import type { Application, BlacklistEntry, Prisma, PrismaClient } from '@tepei/db/client';
import { normalizeResidentId } from '@tepei/db/reference/resident-id';
import { participatedStatuses } from '@tepei/db/reference/status-flow';
import { prisma } from '../../db.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { shapedFindMany } from '../../shaped-reads/find-many.ts';
import { evaluateEligibility, type BlacklistingFact, type EarlierParticipationFact, type RuleResult } from './eligibility.rules.ts';

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

/** Inside a transaction pass its client: on the embedded database other connections wait for it to end. */
type Reader = Pick<PrismaClient, 'round' | 'area' | 'employerUnit' | 'blacklistEntry' | 'application' | '$queryRawUnsafe'> | Prisma.TransactionClient;

// What the rules read besides the application, and where it is found: one definition for the
// loader's queries and for reads that load the same facts with their page (application-reads.ts).
export const roundFactsSelect = { id: true, year: true, ageCutoffDate: true, shortageSpecialties: true } as const satisfies Prisma.RoundSelect;
export const areaFactsSelect = { id: true, name: true, isSouthernXinjiang: true } as const satisfies Prisma.AreaSelect;
export const unitFactsSelect = { id: true, name: true } as const satisfies Prisma.EmployerUnitSelect;
export const listingFactsSelect = { applicantIdNumber: true, unitId: true, listedAt: true, expiresAt: true, reason: true } as const satisfies Prisma.BlacklistEntrySelect;

/** Listings in force at `now` of these (normalized) ID numbers or units: the same test as isActiveListing (blacklist-expiry.ts). */
export function listingsInForceWhere(idNumbers: string[], unitIds: string[], now: Date): Prisma.BlacklistEntryWhereInput {
  return {
    OR: [{ applicantIdNumber: { in: idNumbers } }, { unitId: { in: unitIds } }],
    liftedAt: null,
    listedAt: { lte: now },
    expiresAt: { gt: now },
  };
}

type Listing = Pick<BlacklistEntry, keyof typeof listingFactsSelect>;

/** Applications of these (normalized) ID numbers that took part in their round (rule 6 from the system's own history). */
export function participationsWhere(idNumbers: string[]): Prisma.ApplicationWhereInput {
  return { idNumber: { in: idNumbers }, status: { in: [...participatedStatuses] } };
}
export const participationFactsSelect = {
  idNumber: true,
  round: { select: { year: true } },
  training: { select: { hostInstitution: true, assessment: true } },
} as const satisfies Prisma.ApplicationSelect;
type Participation = Prisma.ApplicationGetPayload<{ select: typeof participationFactsSelect }>;

/** The facts of a batch of applications: their rounds, areas, units and the listings in force that concern them. */
export interface EligibilityFacts {
  rounds: readonly Prisma.RoundGetPayload<{ select: typeof roundFactsSelect }>[];
  areas: readonly Prisma.AreaGetPayload<{ select: typeof areaFactsSelect }>[];
  units: readonly Prisma.EmployerUnitGetPayload<{ select: typeof unitFactsSelect }>[];
  listings: readonly Listing[];
  /** Applications of the same ID numbers that took part in a round, any round: the earlier ones are picked per application. */
  participations: readonly Participation[];
}

const distinct = <T>(values: T[]) => [...new Set(values)];

/** The verdicts of every rule for each application, keyed by application id. */
export async function loadEligibility(
  applications: readonly EligibilityApplication[],
  now: Date,
  db: Reader = prisma,
): Promise<Map<string, RuleResult[]>> {
  if (!applications.length) return new Map();
  const roundIds = distinct(applications.map((application) => application.roundId));
  const areaIds = distinct(applications.map((application) => application.areaId));
  const unitIds = distinct(applications.map((application) => application.unitId));
  const idNumbers = distinct(applications.map((application) => normalizeResidentId(application.idNumber)));

  const [rounds, areas, units, listings, participations] = await Promise.all([
    db.round.findMany({ where: { id: { in: roundIds } }, select: roundFactsSelect }),
    db.area.findMany({ where: { id: { in: areaIds } }, select: areaFactsSelect }),
    db.employerUnit.findMany({ where: { id: { in: unitIds } }, select: unitFactsSelect }),
    db.blacklistEntry.findMany({ where: listingsInForceWhere(idNumbers, unitIds, now), select: listingFactsSelect }),
    // Prisma would send three statements for the nested round and training; the shaped read one.
    shapedFindMany<Participation>('Application', { where: participationsWhere(idNumbers), select: participationFactsSelect }, { db }).then((page) => page.rows),
  ]);
  return eligibilityFromFacts(applications, { rounds, areas, units, listings, participations });
}

/** The verdicts of every rule for each application, from facts already loaded. */
export function eligibilityFromFacts(applications: readonly EligibilityApplication[], facts: EligibilityFacts): Map<string, RuleResult[]> {
  const results = new Map<string, RuleResult[]>();
  const roundById = byId(facts.rounds);
  const areaById = byId(facts.areas);
  const unitById = byId(facts.units);

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
        blacklistings: blacklistingsOf(application, facts.listings),
        earlierParticipations: participationsBefore(application, round.year, facts.participations),
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

function blacklistingsOf(application: EligibilityApplication, listings: readonly Listing[]): BlacklistingFact[] {
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

/** The rounds before `year` this application's ID number took part in. */
function participationsBefore(application: EligibilityApplication, year: number, participations: readonly Participation[]): EarlierParticipationFact[] {
  const idNumber = normalizeResidentId(application.idNumber);
  return participations
    .filter((row) => row.round.year < year && normalizeResidentId(row.idNumber) === idNumber)
    .map((row) => ({ year: row.round.year, hostInstitution: row.training?.hostInstitution ?? null, assessment: row.training?.assessment ?? null }));
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function found<T>(rows: Map<string, T>, id: string, what: string, applicationId: string): T {
  const row = rows.get(id);
  // Foreign keys make this unreachable short of a caller passing a made-up application.
  if (!row) throw new Error(`eligibility: ${what} ${id} of application ${applicationId} does not exist`);
  return row;
}

