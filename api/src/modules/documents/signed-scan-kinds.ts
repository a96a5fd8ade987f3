// The two signed scans a selection needs, and their Chinese names: what the API's refusal and
// the console's queue badges say. Free of the database, so the console bundles it.
export type SignedScanKind = 'FORM4_SCAN' | 'FORM5_SCAN';

export const signedScanLabels: Record<SignedScanKind, string> = {
  FORM4_SCAN: '附件4用人单位审核表（签字盖章）扫描件',
  FORM5_SCAN: '附件5名单汇总表（签字盖章）扫描件',
};

/** A queue's badge for a scan still missing. */
export const missingScanLabels: Record<SignedScanKind, string> = {
  FORM4_SCAN: '缺附件4扫描件',
  FORM5_SCAN: '缺附件5扫描件',
};
