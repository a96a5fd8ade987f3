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

/**
 * The scans each application still lacks, keyed by id: two queries for any number of
 * applications (the form-4 scans of those due, the latest form-5 scan of each round and area).
 */
export async function loadMissingSignedScans(
  applications: readonly SignedScansApplication[],
  db: Reader = prisma,
): Promise<Map<string, SignedScanKind[]>> {
  const missing = new Map<string, SignedScanKind[]>(applications.map((application) => [application.id, []]));
  const form4Due = applications.filter((application) => dueIn.FORM4_SCAN.includes(application.status));
  const form5Due = applications.filter((application) => dueIn.FORM5_SCAN.includes(application.status));

  const form4Scans = form4Due.length
    ? await db.document.findMany({
        where: { kind: 'FORM4_SCAN', supersededAt: null, applicationId: { in: form4Due.map((application) => application.id) } },
        select: { applicationId: true, unitId: true, uploadedAt: true },
      })
    : [];
  for (const application of form4Due) {
    const signed = form4Scans.some(
      (scan) =>
        scan.applicationId === application.id &&
        scan.unitId === application.unitId &&
        !!application.endorsedAt &&
        scan.uploadedAt >= application.endorsedAt,
    );
    if (!signed) missing.get(application.id)!.push('FORM4_SCAN');
  }

  const form5Scans = form5Due.length
    ? await db.document.groupBy({
        by: ['roundId', 'areaId'],
        where: {
          kind: 'FORM5_SCAN',
          roundId: { in: [...new Set(form5Due.map((application) => application.roundId))] },
          areaId: { in: [...new Set(form5Due.map((application) => application.areaId))] },
        },
        _max: { uploadedAt: true },
      })
    : [];
  for (const application of form5Due) {
    const latest = form5Scans.find((scan) => scan.roundId === application.roundId && scan.areaId === application.areaId)?._max.uploadedAt;
    if (!latest || !application.recommendedAt || latest < application.recommendedAt) missing.get(application.id)!.push('FORM5_SCAN');
  }
  return missing;
}

/** Refuses a step that needs the application's scans, naming those missing (inside the step's transaction). */
export async function assertSignedScansPresent(tx: Reader, application: SignedScansApplication, action: string): Promise<void> {
  const missing = (await loadMissingSignedScans([application], tx)).get(application.id) ?? [];
  if (missing.length) {
    throw new SignedScansMissingError(
      missing,
      `缺少${missing.map((kind) => signedScanLabels[kind]).join('、')}，不能${action}：` +
        '须在单位审核通过后上传附件4、在地州市推荐后上传本地区附件5',
    );
  }
}
