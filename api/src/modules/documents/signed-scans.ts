// The signed and stamped scans the notice requires before the regional decision (附件4、附件5
// 扫描件): the employer unit's form 4 (用人单位审核表) of the application, and the form 5
// (名单汇总表) of its recommending authority (the area's prefecture, department or XPCC) for the
// round. A scan counts only when it was uploaded at or after the step it signs off — form 4
// after the unit's (latest) endorsement, form 5 after the application's recommendation — so a
// scan of an earlier decision, or a list drawn up before this applicant was on it, does not.
//
// One definition: the regional decision refuses with it (reviews.service.ts) and the queues
// show it (`Application.missingSignedScans`).
import type { Application, ApplicationStatus, Prisma } from '@tepei/db/client';
import { prisma } from '../../db.ts';
import { SignedScansMissingError } from '../../errors/domain-errors.ts';
import { type SignedScanKind, signedScanLabels } from './signed-scan-kinds.ts';

export type { SignedScanKind };

/** Which scans are due in which status: form 4 once endorsed, form 5 once recommended, until the decision. */
const dueIn: Record<SignedScanKind, readonly ApplicationStatus[]> = {
  FORM4_SCAN: ['ENDORSED', 'RECOMMENDED'],
  FORM5_SCAN: ['RECOMMENDED'],
};

/** The columns of an application the rule reads. */
export const signedScansSelect = {
  id: true,
  status: true,
  roundId: true,
  unitId: true,
  areaId: true,
  endorsedAt: true,
  recommendedAt: true,
} as const satisfies Prisma.ApplicationSelect;

export type SignedScansApplication = Pick<Application, keyof typeof signedScansSelect>;

type Reader = Pick<Prisma.TransactionClient, 'document'>;

// Where the scans are found: one definition for the loader's queries and for reads that load
// the same facts with their page (application-reads.ts).
export const form4ScanFactsSelect = { applicationId: true, unitId: true, uploadedAt: true } as const satisfies Prisma.DocumentSelect;

export function form4ScansWhere(applicationIds: string[]): Prisma.DocumentWhereInput {
  return { kind: 'FORM4_SCAN', supersededAt: null, applicationId: { in: applicationIds } };
}

export function form5ScansWhere(roundIds: string[], areaIds: string[]): Prisma.DocumentWhereInput {
  return { kind: 'FORM5_SCAN', roundId: { in: roundIds }, areaId: { in: areaIds } };
}

type Form4Scan = Prisma.DocumentGetPayload<{ select: typeof form4ScanFactsSelect }>;

/** The latest form-5 upload of a round and area. */
export interface LatestForm5Scan {
  roundId: string | null;
  areaId: string | null;
  uploadedAt: Date | null;
}

/**
 * The scans each application still lacks, keyed by id: two queries for any number of
 * applications (the form-4 scans of those due, the latest form-5 scan of each round and area).
 */
export async function loadMissingSignedScans(
  applications: readonly SignedScansApplication[],
  db: Reader = prisma,
): Promise<Map<string, SignedScanKind[]>> {
  const form4Due = applications.filter((application) => dueIn.FORM4_SCAN.includes(application.status));
  const form5Due = applications.filter((application) => dueIn.FORM5_SCAN.includes(application.status));
  const distinct = (values: string[]) => [...new Set(values)];

  const form4Scans = form4Due.length
    ? await db.document.findMany({ where: form4ScansWhere(form4Due.map((application) => application.id)), select: form4ScanFactsSelect })
    : [];
  const form5Scans = form5Due.length
    ? await db.document.groupBy({
        by: ['roundId', 'areaId'],
        where: form5ScansWhere(distinct(form5Due.map((application) => application.roundId)), distinct(form5Due.map((application) => application.areaId))),
        _max: { uploadedAt: true },
      })
    : [];
  return missingSignedScansFrom(
    applications,
    form4Scans,
    form5Scans.map((scan) => ({ roundId: scan.roundId, areaId: scan.areaId, uploadedAt: scan._max.uploadedAt })),
  );
}

/** The scans each application still lacks, from the scans already loaded (a superset does no harm). */
export function missingSignedScansFrom(
  applications: readonly SignedScansApplication[],
  form4Scans: readonly Form4Scan[],
  latestForm5Scans: readonly LatestForm5Scan[],
): Map<string, SignedScanKind[]> {
  const missing = new Map<string, SignedScanKind[]>(applications.map((application) => [application.id, []]));
  for (const application of applications.filter((candidate) => dueIn.FORM4_SCAN.includes(candidate.status))) {
    const signed = form4Scans.some(
      (scan) =>
        scan.applicationId === application.id &&
        scan.unitId === application.unitId &&
        !!application.endorsedAt &&
        scan.uploadedAt >= application.endorsedAt,
    );
    if (!signed) missing.get(application.id)!.push('FORM4_SCAN');
  }
  for (const application of applications.filter((candidate) => dueIn.FORM5_SCAN.includes(candidate.status))) {
    const latest = latestForm5Scans.find((scan) => scan.roundId === application.roundId && scan.areaId === application.areaId)?.uploadedAt;
    if (!latest || !application.recommendedAt || latest < application.recommendedAt) missing.get(application.id)!.push('FORM5_SCAN');
  }
  return missing;
}

/** Refuses a step that needs the application's scans, naming those missing (inside the step's transaction). */
export async function assertSignedScansPresent(tx: Reader, application: SignedScansApplication, action: string): Promise<void> {
  throwIfSignedScansMissing((await loadMissingSignedScans([application], tx)).get(application.id) ?? [], action);
}

/** Refuses `action` when scans are missing from a list already computed (missingSignedScansFrom). */
export function throwIfSignedScansMissing(missing: readonly SignedScanKind[], action: string): void {
  if (missing.length) {
    throw new SignedScansMissingError(
      [...missing],
      `缺少${missing.map((kind) => signedScanLabels[kind]).join('、')}，不能${action}：` +
        '须在单位审核通过后上传附件4、在地州市推荐后上传本地区附件5',
    );
  }
}
