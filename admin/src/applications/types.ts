// The application as the show page reads it (resources.ts, applicationFields). Plain types only:
// the test package, which has no JSX, reads them too.
/** One condition of 推荐条件核验 as the API reports it. */
export interface EligibilityResult {
  rule: string;
  outcome: 'PASSED' | 'RELAXED' | 'FLAGGED' | 'FAILED';
  reason: string;
  blocking: boolean;
}

export interface ApplicationRecord {
  id: string;
  version: number;
  serialNumber: string | null;
  name: string;
  status: string;
  // The choices, the birth date and the list dates are null only in a draft not filled in that
  // far (the API's draftOnlyEmptyFields); every application past its draft has them.
  mode: string | null;
  gender: string | null;
  ethnicity: string | null;
  /** Null for analysts, who read the month alone (birthMonth). */
  birthDate: string | null;
  /** YYYY-MM, 出生年月. */
  birthMonth: string | null;
  /** All stars for analysts. */
  idNumber: string;
  politicalStatus: string | null;
  chineseProficiency: string | null;
  trainingSpecialty: string;
  intendedSpecialty: string;
  unit: { id: string; name: string };
  area: { id: string; name: string };
  round: { id: string; name: string; year: number };
  eligibility: EligibilityResult[];
  /** The signed scans the regional decision still lacks (API Application.missingSignedScans). */
  missingSignedScans: Array<'FORM4_SCAN' | 'FORM5_SCAN'>;
  workHistory: { startMonth: string | null; endMonth: string | null; work: string; postOrTitle: string | null }[];
  awards: { awardedOn: string | null; name: string; level: string }[];
  publications: { publishedOn: string | null; titleAndContent: string; publisher: string }[];
  hostPreferences: {
    rank: number;
    institution: string;
    mentor: string | null;
    hostAgreed: boolean;
    contactName: string | null;
    contactDepartment: string | null;
    contactPost: string | null;
    contactPhone: string | null;
    /** The registry's host the preference names; null for a host not (yet) listed. */
    hostInstitution?: { id: string; name: string } | null;
  }[];
  /** 培养单位分配: the trainee sees it once confirmed. */
  placement?: { status: 'PROPOSED' | 'CONFIRMED'; host: { name: string; province: string } | null; mentor: string | null; preferenceRank: number | null } | null;
  reviews: {
    id: string;
    stage: string;
    decision: string;
    comment: string | null;
    conductConfirmed: boolean;
    reviewerName: string | null;
    decidedAt: string;
    findings: { item: string; result: string; comment: string | null }[];
  }[];
  statusHistory: { at: string; fromStatus: string | null; toStatus: string; actorName: string | null; actorRole: string | null; reason: string | null }[];
  classifiedItems: { kind: string; sentOfflineOn: string; recordedAt: string }[];
  [field: string]: unknown;
}
