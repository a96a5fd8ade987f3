// Which review steps a role may take from which status (DOMAIN.md, "The flow"). The API
// decides; this only chooses the buttons, the bulk step and the review queue's default filter.
import type { ReviewStage } from '../dataProvider/reviews.ts';
import type { Role } from '../session.ts';

interface StageRules {
  /** Statuses that wait for this stage's review. */
  awaiting: string[];
  /** Decisions in the order their buttons appear (the approving one last). */
  decisions: string[];
}

export const stages: Record<ReviewStage, StageRules> = {
  EMPLOYER: { awaiting: ['SUBMITTED', 'RETURNED_TO_EMPLOYER'], decisions: ['RETURN', 'REJECT', 'ENDORSE'] },
  PREFECTURE: { awaiting: ['ENDORSED'], decisions: ['RETURN', 'REJECT', 'RECOMMEND'] },
  REGIONAL: { awaiting: ['RECOMMENDED'], decisions: ['NOT_SELECT', 'SELECT'] },
};

export function stageOf(role: Role | undefined): ReviewStage | null {
  return role === 'EMPLOYER' || role === 'PREFECTURE' || role === 'REGIONAL' ? role : null;
}

/** The decisions `role` may take on an application in `status`; none when it is not theirs to review. */
export function decisionsFor(role: Role | undefined, status: string | undefined): string[] {
  const stage = stageOf(role);
  return stage && status && stages[stage].awaiting.includes(status) ? stages[stage].decisions : [];
}

/** A decision that passes the application on asks the reviewer to confirm conditions 一、二. */
export function needsConductConfirmation(decision: string): boolean {
  return decision === 'ENDORSE' || decision === 'RECOMMEND';
}

/** Decisions the API refuses without a comment (reviews.service.ts). */
export function needsComment(decision: string): boolean {
  return decision === 'RETURN' || decision === 'REJECT' || decision === 'NOT_SELECT';
}

/**
 * The review queue's default order (ApplicationList), which 下一份 follows too: longest in its
 * status first, the order in which the dashboard names the longest-waiting application.
 */
export const queueSort = { field: 'statusChangedAt', order: 'ASC' } as const;
