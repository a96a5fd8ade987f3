// The signed scans an application still lacks (the API's documents/signed-scans.ts) as one SQL
// column on alias `a`: form 4 of its unit, current and uploaded at or after the endorsement,
// while ENDORSED or RECOMMENDED; its area's form 5 for the round (any list, superseded or not,
// as the API takes the latest upload) at or after the recommendation, while RECOMMENDED. In
// the API's order (form 4, then form 5). The refusal's message is the API's, from its labels.
import { signedScanLabels, type SignedScanKind } from '@tepei/api/modules/documents/signed-scan-kinds';

export const missingSignedScansColumn = `
  array_remove(ARRAY[
    CASE WHEN a.status IN ('ENDORSED', 'RECOMMENDED') AND NOT EXISTS (
           SELECT 1 FROM "Document" d
           WHERE d."applicationId" = a.id AND d.kind = 'FORM4_SCAN' AND d."supersededAt" IS NULL
             AND d."unitId" = a."unitId" AND d."uploadedAt" >= a."endorsedAt")
         THEN 'FORM4_SCAN' END,
    CASE WHEN a.status = 'RECOMMENDED' AND NOT EXISTS (
           SELECT 1 FROM "Document" d
           WHERE d."roundId" = a."roundId" AND d."areaId" = a."areaId" AND d.kind = 'FORM5_SCAN'
             AND d."uploadedAt" >= a."recommendedAt")
         THEN 'FORM5_SCAN' END
  ], NULL) AS "missingSignedScans"`;

/** SignedScansMissingError's message for a step (`action`) refused for want of `missing`. */
export function signedScansMissingMessage(missing: readonly SignedScanKind[], action: string): string {
  return (
    `缺少${missing.map((kind) => signedScanLabels[kind]).join('、')}，不能${action}：` +
    '须在单位审核通过后上传附件4、在地州市推荐后上传本地区附件5'
  );
}
