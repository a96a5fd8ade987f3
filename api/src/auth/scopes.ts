// Who may call what: the boolean half of access control. Which rows each role may see is in
// row-rules.ts. Every root field names one of these scopes (a test checks that none is left
// without one).
import type { Context } from '../context.ts';

export interface AuthScopes {
  /** Anyone, signed in or not: login, registration, health. Declared so that it is on purpose. */
  public: boolean;
  signedIn: boolean;
  applicant: boolean;
  employer: boolean;
  prefecture: boolean;
  regional: boolean;
  analyst: boolean;
  /** Reviewers of any stage (employer, prefecture, regional). */
  reviewer: boolean;
  /** Reads the whole programme: regional admins and analysts. */
  wholeProgrammeReader: boolean;
}

export function authScopesFor(ctx: Context): AuthScopes {
  const role = ctx.actor?.role;
  return {
    public: true,
    signedIn: !!ctx.actor,
    applicant: role === 'APPLICANT',
    employer: role === 'EMPLOYER',
    prefecture: role === 'PREFECTURE',
    regional: role === 'REGIONAL',
    analyst: role === 'ANALYST',
    reviewer: role === 'EMPLOYER' || role === 'PREFECTURE' || role === 'REGIONAL',
    wholeProgrammeReader: role === 'REGIONAL' || role === 'ANALYST',
  };
}
