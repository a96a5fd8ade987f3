// The review steps of the flow (DOMAIN.md): the employer unit's 退回修改/不通过/审核通过, the
// prefecture bureau's 退回单位/不予推荐/推荐 and the regional bureau's 入选/未入选. Each is one
// mutation of the API, which checks role, scope, status, deadline, eligibility and quota.
import { callMutation, type MutationSpec } from './callMutation.ts';

export type ReviewStage = 'EMPLOYER' | 'PREFECTURE' | 'REGIONAL';

export interface ReviewInput {
  id: string;
  /** The version of the application the reviewer saw (optimistic concurrency). */
  version: number;
  decision: string;
  comment?: string;
  /** Political and moral conditions (推荐条件 一、二), confirmed by the reviewer. */
  conductConfirmed?: boolean;
  /** 派出单位培养需求, filled by the employer unit. */
  unitTrainingNeeds?: string;
  /** 逐项审核: one result per item looked at, with a reason for what does not pass. */
  findings?: ReviewFinding[];
}

export interface ReviewFinding {
  /** The item, by the key of its field or section (e.g. `education`, `awards`). */
  item: string;
  result: 'PASS' | 'NEEDS_CORRECTION' | 'FAIL';
  comment?: string;
}

export interface ReviewedApplication {
  id: string;
  status: string;
  version: number;
}

const reviewed = 'id status version';

export const reviewMutations: Record<ReviewStage, MutationSpec> = {
  EMPLOYER: {
    field: 'employerReview',
    variables: '$id: ID!, $version: Int!, $decision: EmployerDecision!, $comment: String, $findings: [ReviewFindingInput!], $conductConfirmed: Boolean, $unitTrainingNeeds: String',
    data: reviewed,
  },
  PREFECTURE: {
    field: 'prefectureReview',
    variables: '$id: ID!, $version: Int!, $decision: PrefectureDecision!, $comment: String, $findings: [ReviewFindingInput!], $conductConfirmed: Boolean',
    data: reviewed,
  },
  REGIONAL: {
    field: 'regionalDecision',
    variables: '$id: ID!, $version: Int!, $decision: RegionalDecision!, $comment: String, $findings: [ReviewFindingInput!]',
    data: reviewed,
  },
};

export function review(stage: ReviewStage, input: ReviewInput): Promise<ReviewedApplication> {
  const spec = reviewMutations[stage];
  const declared = new Set([...spec.variables.matchAll(/\$(\w+)/g)].map(([, name]) => name));
  const variables = Object.fromEntries(Object.entries(input).filter(([name, value]) => declared.has(name) && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)));
  return callMutation<ReviewedApplication>(spec, variables);
}
