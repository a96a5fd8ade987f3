// 结业证书编号: XJTP (新疆特培), the round's year and a sequence within the round, e.g.
// XJTP-2025-0001. The seed numbers the earlier rounds' certificates with it and the API numbers
// each certificate it issues with it, so that the public verification page finds every one.

/** 结业考核 results in the bureau's words: the API, the certificate, the completion list and the console. */
export const assessmentLabels: Record<'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED', string> = { EXCELLENT: '优秀', QUALIFIED: '合格', UNQUALIFIED: '不合格' };

/** Assessments that earn the certificate: 培训期满经考核合格者 (notice 五(三)). */
export const certifiedAssessments = ['EXCELLENT', 'QUALIFIED'] as const;

export function earnsCertificate(assessment: string): boolean {
  return (certifiedAssessments as readonly string[]).includes(assessment);
}

/** What all certificate numbers of one round begin with, e.g. "XJTP-2025". */
export function certificateNumberPrefix(roundYear: number): string {
  return `XJTP-${roundYear}`;
}

/** The `sequence`-th certificate (from 1) of a round: four digits at least. */
export function certificateNumber(roundYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`certificateNumber: sequence must be a positive integer, got ${sequence}`);
  return `${certificateNumberPrefix(roundYear)}-${String(sequence).padStart(4, '0')}`;
}

/** A certificate number as someone may type it: trimmed, upper case; null when it cannot be one. */
export function normalizedCertificateNumber(text: string): string | null {
  const number = text.trim().toUpperCase();
  return /^XJTP-\d{4}-\d{4,9}$/.test(number) ? number : null;
}
