import type { Role } from '@tepei/db/enums';

/** The signed-in user a request acts for, with the scope that bounds what it may reach. */
export interface Actor {
  userId: string;
  sessionId: string;
  username: string;
  displayName: string;
  role: Role;
  /** PREFECTURE reviewers: the area they review. */
  areaId: string | null;
  /** EMPLOYER reviewers: their unit. APPLICANT: the unit they registered with. */
  unitId: string | null;
}
