// Reads of applications shaped like the page that asks for them (issue 12): the queue or list
// page, or one application, answered by ONE statement (shaped-reads/) that returns the rows with
// the relations the request selects, the count of the list, and the facts its eligibility and
// missing signed scans are computed from. The statement's where is the row rules and filters
// exactly as Prisma receives them (rendered by shaped-reads/where.ts), so no rule has a second
// copy; fields read the rows as they read Prisma's, so the masking of personal identifiers is the
// one the fields apply. A request the statement cannot express (a cursor, an operator the
// renderer does not know) is answered by Prisma as before.
import type { Application } from '@tepei/db/client';
import type { GraphQLResolveInfo } from 'graphql';
import { sql } from 'kysely';
import type { Context } from '../../context.ts';
import { type FactQuery, shapedFindMany, type ShapedFindManyArgs } from '../../shaped-reads/find-many.ts';
import { UnsupportedShape } from '../../shaped-reads/model.ts';
import { columnPlan, selectedFieldNames } from '../../shaped-reads/selection.ts';
import { valuesOf } from '../../shaped-reads/where.ts';
import { primeMissingSignedScans } from '../documents/signed-scans.schema.ts';
import {
  form4ScanFactsSelect,
  form4ScansWhere,
  form5ScansWhere,
  type LatestForm5Scan,
  missingSignedScansFrom,
  type SignedScansApplication,
} from '../documents/signed-scans.ts';
import {
  areaFactsSelect,
  type EligibilityApplication,
  type EligibilityFacts,
  eligibilityFromFacts,
  listingFactsSelect,
  listingsInForceWhere,
  participationFactsSelect,
  participationsWhere,
  roundFactsSelect,
  unitFactsSelect,
} from '../eligibility/eligibility.loader.ts';
import { primeEligibility } from './application-eligibility.schema.ts';

/** Whether reads of applications are shaped; a test turns it off to compare with Prisma's answers. */
export const shapedReads = { enabled: true };

// One instance per column, so that a statement's shape names it the same way every time
// (shaped-reads/statement-template.ts keys a subquery by its instance's text, compiled once).
const pageColumns = new Map<string, string[]>();

/** A column of every row of the page, as the values of a list filter. */
function ofPage(column: string): string[] {
  let values = pageColumns.get(column);
  if (!values) pageColumns.set(column, (values = valuesOf(sql`SELECT ${sql.ref(column)} FROM page`)));
  return values;
}

const idNumbersOfPage = valuesOf(sql`SELECT upper(btrim(${sql.ref('idNumber')})) FROM page`);

export function eligibilityFacts(now: Date): Record<string, FactQuery> {
  return {
    rounds: { model: 'Round', where: { id: { in: ofPage('roundId') } }, select: roundFactsSelect },
    areas: { model: 'Area', where: { id: { in: ofPage('areaId') } }, select: areaFactsSelect },
    units: { model: 'EmployerUnit', where: { id: { in: ofPage('unitId') } }, select: unitFactsSelect },
    // ID numbers as normalizeResidentId (trim, upper case) makes them before the loader's lookup.
    listings: { model: 'BlacklistEntry', where: listingsInForceWhere(idNumbersOfPage, ofPage('unitId'), now), select: listingFactsSelect },
    participations: { model: 'Application', where: participationsWhere(idNumbersOfPage), select: participationFactsSelect },
  };
}

export const signedScanFacts: Record<string, FactQuery> = {
  form4Scans: { model: 'Document', where: form4ScansWhere(ofPage('id')), select: form4ScanFactsSelect },
  form5Scans: { model: 'Document', where: form5ScansWhere(ofPage('roundId'), ofPage('areaId')), select: { roundId: true, areaId: true, uploadedAt: true } },
};

/** The latest upload of each round and area, as the loader's groupBy finds it. */
export function latestPerRoundAndArea(scans: readonly LatestForm5Scan[]): LatestForm5Scan[] {
  const latest = new Map<string, LatestForm5Scan>();
  for (const scan of scans) {
    const key = `${scan.roundId}/${scan.areaId}`;
    const known = latest.get(key);
    if (!known || (scan.uploadedAt && (!known.uploadedAt || scan.uploadedAt > known.uploadedAt))) latest.set(key, scan);
  }
  return [...latest.values()];
}

const counts = new WeakMap<Context, Map<string, number>>();
const pathKey = (info: GraphQLResolveInfo) => JSON.stringify(info.path);

/**
 * Rows of applications as `prisma.application.findMany(args)` returns them, read in one
 * statement; null when the statement cannot express the request. `path` is where the request
 * selects the rows' fields below the resolved field.
 */
async function shapedApplications(ctx: Context, info: GraphQLResolveInfo, args: ShapedFindManyArgs, paths: string[][], count: boolean): Promise<Application[] | null> {
  if (!shapedReads.enabled) return null;
  const fields = new Set(paths.flatMap((path) => [...selectedFieldNames(info, path)]));
  const wantsEligibility = fields.has('eligibility');
  const wantsScans = fields.has('missingSignedScans');
  try {
    const page = await shapedFindMany<Application>('Application', args, {
      count,
      // The columns the request's fields read, of the rows and of their relations, not all of
      // them: the queue page's JSON is a fifth as long.
      columns: columnPlan(info, paths, 'Application') ?? undefined,
      facts: { ...(wantsEligibility ? eligibilityFacts(ctx.now()) : {}), ...(wantsScans ? signedScanFacts : {}) },
    });
    if (wantsEligibility) {
      primeEligibility(ctx, eligibilityFromFacts(page.rows as EligibilityApplication[], page.facts as unknown as EligibilityFacts));
    }
    if (wantsScans) {
      const { form4Scans, form5Scans } = page.facts as unknown as { form4Scans: Parameters<typeof missingSignedScansFrom>[1]; form5Scans: LatestForm5Scan[] };
      primeMissingSignedScans(ctx, missingSignedScansFrom(page.rows as SignedScansApplication[], form4Scans, latestPerRoundAndArea(form5Scans)));
    }
    if (page.count !== undefined) {
      const known = counts.get(ctx) ?? new Map<string, number>();
      known.set(pathKey(info), page.count);
      counts.set(ctx, known);
    }
    return page.rows;
  } catch (error) {
    if (error instanceof UnsupportedShape) return null;
    throw error;
  }
}

/** A page of the applications connection; its totalCount comes with it when the request selects one. */
export function shapedApplicationPage(ctx: Context, info: GraphQLResolveInfo, args: ShapedFindManyArgs): Promise<Application[] | null> {
  const count = selectedFieldNames(info, []).has('totalCount');
  return shapedApplications(ctx, info, args, [['edges', 'node'], ['nodes']], count);
}

/** The totalCount the page's statement counted (shapedApplicationPage), if it did. */
export function countOfShapedPage(ctx: Context, info: GraphQLResolveInfo): number | undefined {
  return counts.get(ctx)?.get(pathKey(info));
}

/** One application as `prisma.application.findFirst(args)` returns it, or undefined when the statement cannot express the request. */
export async function shapedApplication(ctx: Context, info: GraphQLResolveInfo, args: ShapedFindManyArgs): Promise<Application | null | undefined> {
  const rows = await shapedApplications(ctx, info, { ...args, take: 1 }, [[]], false);
  return rows ? (rows[0] ?? null) : undefined;
}
