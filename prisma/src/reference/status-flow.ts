// The legal moves of an application (DOMAIN.md "The flow"). The seed writes histories that
// follow it and the API's workflow refuses anything else, so both read this one table.
import type { ApplicationStatus } from '../../generated/client/enums.ts';

export const allowedTransitions: Record<ApplicationStatus, ApplicationStatus[]> = {
  DRAFT: ['SUBMITTED', 'WITHDRAWN'],
  SUBMITTED: ['RETURNED_TO_APPLICANT', 'EMPLOYER_REJECTED', 'ENDORSED', 'WITHDRAWN'],
  RETURNED_TO_APPLICANT: ['SUBMITTED', 'WITHDRAWN'],
  EMPLOYER_REJECTED: [],
  ENDORSED: ['RETURNED_TO_EMPLOYER', 'PREFECTURE_REJECTED', 'RECOMMENDED', 'WITHDRAWN'],
  RETURNED_TO_EMPLOYER: ['ENDORSED', 'RETURNED_TO_APPLICANT', 'EMPLOYER_REJECTED', 'WITHDRAWN'],
  PREFECTURE_REJECTED: [],
  RECOMMENDED: ['SELECTED', 'NOT_SELECTED', 'WITHDRAWN'],
  // After SELECTED, giving up is abandonment (blacklisted), never a withdrawal.
  SELECTED: ['ORIENTATION_ATTENDED', 'ABANDONED'],
  NOT_SELECTED: [],
  WITHDRAWN: [],
  ABANDONED: [],
  ORIENTATION_ATTENDED: ['IN_TRAINING', 'ABANDONED'],
  IN_TRAINING: ['COMPLETED', 'ABANDONED'],
  COMPLETED: [],
};

export function isAllowedTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** Statuses that hold a place of the quota (已成功入选 and after, until abandoned). */
export const placeHoldingStatuses: readonly ApplicationStatus[] = ['SELECTED', 'ORIENTATION_ATTENDED', 'IN_TRAINING', 'COMPLETED'];

/**
 * Took part in a round (推荐条件六's 参加过特培): selected, and whatever followed, abandonment
 * included — a trainee who left a year's training has still taken part.
 */
export const participatedStatuses: readonly ApplicationStatus[] = [...placeHoldingStatuses, 'ABANDONED'];

export const statusLabels: Record<ApplicationStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交，待单位审核',
  RETURNED_TO_APPLICANT: '退回申报人修改',
  EMPLOYER_REJECTED: '单位审核不通过',
  ENDORSED: '单位审核通过，待地州市审核',
  RETURNED_TO_EMPLOYER: '地州市退回单位',
  PREFECTURE_REJECTED: '地州市审核不通过',
  RECOMMENDED: '已推荐，待自治区遴选',
  SELECTED: '已成功入选',
  NOT_SELECTED: '未入选',
  WITHDRAWN: '已撤回',
  ABANDONED: '入选后放弃（已列入失信名单）',
  ORIENTATION_ATTENDED: '已参加训前培训',
  IN_TRAINING: '培养中',
  COMPLETED: '已结业',
};
