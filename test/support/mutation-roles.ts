// Every mutation of the schema, arranged to be called as any role, and the role that
// succeeds at each: shared by the audit and schema-contract tests.
import { mutationCalls as matrixCalls, type Role } from './matrix.ts';
import { documentMutationCalls } from './uploads.ts';

/** support/matrix.ts arranges the workflow mutations; support/uploads.ts the multipart ones. */
export const mutationCalls = { ...matrixCalls, ...documentMutationCalls };

/** Who succeeds at each mutation (see the two files above for what each acts on). */
export const succeedsAs: Record<string, Role> = {
  acceptHostProposal: 'regional',
  advanceRoundPhase: 'regional',
  completeTraining: 'regional',
  confirmPlacement: 'regional',
  createHostInstitution: 'regional',
  createRound: 'regional',
  movePlacement: 'regional',
  proposePlacement: 'regional',
  refuseHostProposal: 'regional',
  setHostPlaces: 'regional',
  updateHostInstitution: 'regional',
  createApplication: 'applicant',
  createOrientationSession: 'regional',
  createUser: 'regional',
  employerReview: 'employer',
  liftBlacklistEntry: 'regional',
  listOnBlacklist: 'regional',
  login: 'anonymous',
  logout: 'employer',
  prefectureReview: 'prefecture',
  recordClassifiedItem: 'applicant',
  recordOrientation: 'regional',
  regionalDecision: 'regional',
  register: 'anonymous',
  revokeUserSessions: 'regional',
  setAreaAllocation: 'regional',
  setModePlaces: 'regional',
  setUserDisabled: 'regional',
  startTraining: 'regional',
  submitApplication: 'applicant',
  unlockUser: 'regional',
  updateApplication: 'applicant',
  updateRound: 'regional',
  uploadApplicationPhoto: 'applicant',
  uploadEvidence: 'applicant',
  uploadForm4Scan: 'employer',
  uploadForm5Scan: 'prefecture',
  withdrawApplication: 'applicant',
};
