// The past of each application: the chain of legal transitions that leads to its status,
// when each happened (inside the round's window, submissions before the applicant deadline,
// reviews before the recommendation deadline, decisions after), who acted, why, and the
// review each decision produced.
import type { ApplicationStatus, FindingResult, Prisma, ReviewDecision, ReviewStage, Role } from '../src/client.ts';
import { allowedTransitions } from '../src/reference/status-flow.ts';
import { hourMs, minuteMs } from './calendar.ts';
import { Random, seedId } from './random.ts';
import type { SeedRound } from './rounds.ts';

export interface Finding {
  item: string;
  result: FindingResult;
  comment: string;
}

export interface ReviewNote {
  reason: string;
  findings: Finding[];
}

export interface HistoryChoices {
  /** Why the last step happened, in place of a drawn reason. */
  finalNote?: ReviewNote;
  /** Findings the employer records when endorsing, e.g. which rule it relaxed. */
  endorsementFindings?: Finding[];
  /** Instants of the steps after the recommendation (decision, orientation, training). */
  fixedTimes?: Partial<Record<ApplicationStatus, Date>>;
}

// ───────────── the chain ─────────────

function submitted(random: Random, loops: boolean): ApplicationStatus[] {
  const path: ApplicationStatus[] = ['DRAFT', 'SUBMITTED'];
  if (loops && random.chance(0.15)) path.push('RETURNED_TO_APPLICANT', 'SUBMITTED');
  return path;
}

function endorsed(random: Random, loops: boolean): ApplicationStatus[] {
  const path = [...submitted(random, loops), 'ENDORSED'] as ApplicationStatus[];
  if (loops && random.chance(0.08)) path.push('RETURNED_TO_EMPLOYER', 'ENDORSED');
  return path;
}

const withdrawnFrom: readonly (readonly [ApplicationStatus, number])[] = [
  ['DRAFT', 25], ['SUBMITTED', 30], ['RETURNED_TO_APPLICANT', 15], ['ENDORSED', 15], ['RETURNED_TO_EMPLOYER', 5], ['RECOMMENDED', 10],
];

/**
 * A legal chain from DRAFT to `target`. With `loops`, some go round a return for correction
 * on the way, as real applications do; scenarios ask for the shortest chain.
 */
export function statusPath(random: Random, target: ApplicationStatus, loops = true): ApplicationStatus[] {
  const recommended = (): ApplicationStatus[] => [...endorsed(random, loops), 'RECOMMENDED'];
  const selected = (): ApplicationStatus[] => [...recommended(), 'SELECTED'];
  switch (target) {
    case 'DRAFT':
      return ['DRAFT'];
    case 'SUBMITTED':
      return submitted(random, loops);
    case 'RETURNED_TO_APPLICANT':
      return loops && random.chance(0.15)
        ? [...endorsed(random, loops), 'RETURNED_TO_EMPLOYER', 'RETURNED_TO_APPLICANT']
        : [...submitted(random, loops), 'RETURNED_TO_APPLICANT'];
    case 'EMPLOYER_REJECTED':
      return loops && random.chance(0.1)
        ? [...endorsed(random, loops), 'RETURNED_TO_EMPLOYER', 'EMPLOYER_REJECTED']
        : [...submitted(random, loops), 'EMPLOYER_REJECTED'];
    case 'ENDORSED':
      return endorsed(random, loops);
    case 'RETURNED_TO_EMPLOYER':
      return [...endorsed(random, loops), 'RETURNED_TO_EMPLOYER'];
    case 'PREFECTURE_REJECTED':
      return [...endorsed(random, loops), 'PREFECTURE_REJECTED'];
    case 'RECOMMENDED':
      return recommended();
    case 'SELECTED':
      return selected();
    case 'NOT_SELECTED':
      return [...recommended(), 'NOT_SELECTED'];
    case 'WITHDRAWN':
      return [...statusPath(random, random.weighted(withdrawnFrom), loops), 'WITHDRAWN'];
    case 'ORIENTATION_ATTENDED':
      return [...selected(), 'ORIENTATION_ATTENDED'];
    case 'IN_TRAINING':
      return [...selected(), 'ORIENTATION_ATTENDED', 'IN_TRAINING'];
    case 'COMPLETED':
      return [...selected(), 'ORIENTATION_ATTENDED', 'IN_TRAINING', 'COMPLETED'];
    case 'ABANDONED':
      throw new Error('say where the abandonment came from: [...statusPath(random, "SELECTED"), "ABANDONED"]');
  }
}

export function assertLegalPath(path: readonly ApplicationStatus[]): void {
  if (path[0] !== 'DRAFT') throw new Error(`history must start with DRAFT: ${path.join(' → ')}`);
  for (let i = 1; i < path.length; i++) {
    if (!allowedTransitions[path[i - 1]!].includes(path[i]!)) throw new Error(`illegal transition in ${path.join(' → ')}`);
  }
}

// ───────────── when ─────────────

/** People act in office hours: a night-time instant moves to the next morning, Beijing time. */
function inOfficeHours(instant: number): number {
  const hour = new Date(instant + 8 * hourMs).getUTCHours();
  if (hour >= 9 && hour < 21) return instant;
  return instant + ((hour >= 21 ? 24 + 9 : 9) - hour) * hourMs;
}

function sortedInstants(random: Random, count: number, from: Date, to: Date): number[] {
  // Keep a margin at the end so that the one-minute spacing below cannot overrun `to`.
  const last = to.getTime() - 15 * minuteMs;
  const span = Math.max(0, last - from.getTime());
  return Array.from({ length: count }, () => {
    const instant = inOfficeHours(from.getTime() + Math.floor(random.float() * span));
    return Math.min(instant, Math.max(last, from.getTime()));
  }).sort((a, b) => a - b);
}

/** Instants of each step; see the file comment for the windows. */
export function scheduleSteps(
  random: Random,
  path: readonly ApplicationStatus[],
  round: SeedRound,
  fixedTimes: Partial<Record<ApplicationStatus, Date>> = {},
): Date[] {
  const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
  const applicationsClose = earliest(round.applicationDeadline, round.activityEndsAt);
  const reviewsClose = earliest(round.recommendationDeadline, round.activityEndsAt);
  const firstFixed = path.findIndex((status, index) => index > 0 && fixedTimes[status] !== undefined);
  const workflowEnd = firstFixed < 0 ? path.length : firstFixed;
  const lastSubmission = path.slice(0, workflowEnd).lastIndexOf('SUBMITTED');
  const applicantPhase = Math.max(lastSubmission, 0) + 1;
  const times = sortedInstants(random, applicantPhase, round.opensAt, applicationsClose);
  times.push(...sortedInstants(random, workflowEnd - applicantPhase, new Date(times[times.length - 1]!), reviewsClose));
  for (let i = workflowEnd; i < path.length; i++) {
    const fixed = fixedTimes[path[i]!];
    if (!fixed) throw new Error(`no instant given for ${path[i]} after ${path[i - 1]}`);
    times.push(fixed.getTime());
  }
  for (let i = 1; i < times.length; i++) {
    if (i < workflowEnd) times[i] = Math.max(times[i]!, times[i - 1]! + minuteMs);
    else if (times[i]! <= times[i - 1]!) throw new Error(`step ${path[i]} at ${new Date(times[i]!).toISOString()} is not after the one before`);
  }
  if (times[times.length - 1]! > round.activityEndsAt.getTime()) throw new Error(`history of ${path.join(' → ')} runs past ${round.activityEndsAt.toISOString()}`);
  return times.map((time) => new Date(time));
}

// ───────────── who and why ─────────────

interface StepMeaning {
  role: Role;
  review?: { stage: ReviewStage; decision: ReviewDecision };
}

function meaningOf(from: ApplicationStatus | null, to: ApplicationStatus): StepMeaning {
  switch (to) {
    case 'DRAFT':
    case 'SUBMITTED':
    case 'WITHDRAWN':
      return { role: 'APPLICANT' };
    case 'RETURNED_TO_APPLICANT':
      return { role: 'EMPLOYER', review: { stage: 'EMPLOYER', decision: 'RETURN' } };
    case 'EMPLOYER_REJECTED':
      return { role: 'EMPLOYER', review: { stage: 'EMPLOYER', decision: 'REJECT' } };
    case 'ENDORSED':
      return { role: 'EMPLOYER', review: { stage: 'EMPLOYER', decision: 'ENDORSE' } };
    case 'RETURNED_TO_EMPLOYER':
      return { role: 'PREFECTURE', review: { stage: 'PREFECTURE', decision: 'RETURN' } };
    case 'PREFECTURE_REJECTED':
      return { role: 'PREFECTURE', review: { stage: 'PREFECTURE', decision: 'REJECT' } };
    case 'RECOMMENDED':
      return { role: 'PREFECTURE', review: { stage: 'PREFECTURE', decision: 'RECOMMEND' } };
    case 'SELECTED':
      return { role: 'REGIONAL', review: { stage: 'REGIONAL', decision: 'SELECT' } };
    case 'NOT_SELECTED':
      return { role: 'REGIONAL', review: { stage: 'REGIONAL', decision: 'NOT_SELECT' } };
    default:
      // Orientation, training, completion and abandonment are recorded by the regional bureau.
      if (from === null) throw new Error(`an application cannot start as ${to}`);
      return { role: 'REGIONAL' };
  }
}

const employerReturns: readonly Finding[] = [
  { item: 'education', result: 'NEEDS_CORRECTION', comment: '学历、学位证书扫描件不清晰，请重新上传' },
  { item: 'titleLevel', result: 'NEEDS_CORRECTION', comment: '专业技术职务任职资格证书未上传，请补充' },
  { item: 'awards[0]', result: 'NEEDS_CORRECTION', comment: '获奖证书与填报的获奖等级不一致，请核实后修改' },
  { item: 'workHistory[0]', result: 'NEEDS_CORRECTION', comment: '工作经历起止时间填写不完整，请补充' },
  { item: 'publications[0]', result: 'NEEDS_CORRECTION', comment: '论文未注明期刊名称及期号，请补充完整' },
  { item: 'studyGoals', result: 'NEEDS_CORRECTION', comment: '个人学习目标和计划过于简略，请细化具体学习内容' },
  { item: 'hostPreferences[0]', result: 'NEEDS_CORRECTION', comment: '拟选培养单位名称填写不规范，请填写全称' },
];
const employerRejections: readonly Finding[] = [
  { item: 'department', result: 'FAIL', comment: '本人所在岗位人员紧缺，本年度无法安排脱产培养' },
  { item: 'trainingSpecialty', result: 'FAIL', comment: '申报培养专业与本人现从事岗位不符' },
  { item: 'workHistory', result: 'FAIL', comment: '在本单位从事专业技术工作年限较短，本年度暂不推荐' },
];
const prefectureReturns: readonly Finding[] = [
  { item: 'unitTrainingNeeds', result: 'NEEDS_CORRECTION', comment: '派出单位培养需求填写过于简略，请单位补充培养规划' },
  { item: 'form4Scan', result: 'NEEDS_CORRECTION', comment: '用人单位审核表扫描件未加盖单位公章，请重新上传' },
  { item: 'trainingSpecialty', result: 'NEEDS_CORRECTION', comment: '培养专业与现从事专业不一致，请单位核实' },
];
const prefectureRejections: readonly Finding[] = [
  { item: 'application', result: 'FAIL', comment: '经综合评审择优推荐，未列入本地区推荐名单' },
  { item: 'awards', result: 'FAIL', comment: '工作业绩不够突出，择优未予推荐' },
  { item: 'publications', result: 'FAIL', comment: '近5年专业技术成果较少，择优未予推荐' },
];
const withdrawals = ['因个人家庭原因申请撤回申报', '因工作调动，申请撤回', '本人承担单位重点项目，无法脱产，申请撤回', '因身体原因申请撤回'];
const notSelectedReason = '经自治区综合评审，名额有限，未入选本年度特培名单';

export interface ApplicationContent {
  hasAwards: boolean;
  hasPublications: boolean;
}

function drawNote(random: Random, to: ApplicationStatus, content: ApplicationContent): ReviewNote | undefined {
  const fits = (finding: Finding) =>
    (content.hasAwards || !finding.item.startsWith('awards[')) && (content.hasPublications || !finding.item.startsWith('publications['));
  const note = (findings: Finding[]): ReviewNote => ({ reason: findings.map((finding) => finding.comment).join('；'), findings });
  switch (to) {
    case 'RETURNED_TO_APPLICANT':
      return note(random.sample(employerReturns.filter(fits), random.int(1, 2)));
    case 'EMPLOYER_REJECTED':
      return note([random.pick(employerRejections)]);
    case 'RETURNED_TO_EMPLOYER':
      return note([random.pick(prefectureReturns)]);
    case 'PREFECTURE_REJECTED':
      return note([random.pick(prefectureRejections)]);
    case 'NOT_SELECTED':
      return { reason: notSelectedReason, findings: [] };
    case 'WITHDRAWN':
      return { reason: random.pick(withdrawals), findings: [] };
    default:
      return undefined;
  }
}

const approvalComments: Partial<Record<ReviewDecision, string>> = {
  ENDORSE: '经逐项审核，申报材料真实完整，符合推荐条件，同意推荐',
  RECOMMEND: '经审核，符合推荐条件，同意推荐',
  SELECT: '经自治区综合评审，入选本年度特培名单',
};

// ───────────── the rows ─────────────

export interface Actors {
  applicantId: string | null;
  employerId: string;
  prefectureId: string;
  adminId: string;
}

export interface WrittenHistory {
  statusChanges: Prisma.StatusChangeCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  findings: Prisma.ReviewFindingCreateManyInput[];
  /** The application's workflow columns, as the history leaves them. */
  workflow: {
    status: ApplicationStatus;
    version: number;
    createdAt: Date;
    updatedAt: Date;
    /** The entry into the final status: the last step. */
    statusChangedAt: Date;
    firstSubmittedAt: Date | null;
    submittedAt: Date | null;
    endorsedAt: Date | null;
    recommendedAt: Date | null;
    decidedAt: Date | null;
  };
  /** Instant of each step, by index in the path. */
  times: Date[];
}

/**
 * Rows for one application's history. The timestamps on the application are the latest
 * entry into that status (submittedAt: the last submission), null if never reached.
 */
export function writeHistory(
  random: Random,
  applicationKey: string,
  applicationId: string,
  path: readonly ApplicationStatus[],
  round: SeedRound,
  actors: Actors,
  content: ApplicationContent,
  choices: HistoryChoices = {},
): WrittenHistory {
  assertLegalPath(path);
  const times = scheduleSteps(random, path, round, choices.fixedTimes);
  const statusChanges: WrittenHistory['statusChanges'] = [];
  const reviews: WrittenHistory['reviews'] = [];
  const findings: WrittenHistory['findings'] = [];
  const actorIds: Record<Role, string | null> = {
    APPLICANT: actors.applicantId,
    EMPLOYER: actors.employerId,
    PREFECTURE: actors.prefectureId,
    REGIONAL: actors.adminId,
    ANALYST: null,
  };
  const latest: Partial<Record<ApplicationStatus, Date>> = {};
  path.forEach((to, index) => {
    const from = index === 0 ? null : path[index - 1]!;
    const at = times[index]!;
    latest[to] = at;
    const meaning = meaningOf(from, to);
    const last = index === path.length - 1;
    const note = last && choices.finalNote ? choices.finalNote : drawNote(random, to, content);
    const key = `${applicationKey}:step:${index}`;
    statusChanges.push({
      id: seedId(key),
      applicationId,
      fromStatus: from,
      toStatus: to,
      actorId: actorIds[meaning.role],
      actorRole: meaning.role,
      reason: note?.reason ?? null,
      at,
    });
    if (!meaning.review) return;
    const reviewId = seedId(`${key}:review`);
    const confirmsConduct = meaning.review.decision === 'ENDORSE' || meaning.review.decision === 'RECOMMEND';
    reviews.push({
      id: reviewId,
      applicationId,
      stage: meaning.review.stage,
      reviewerId: actorIds[meaning.role],
      decision: meaning.review.decision,
      comment: note?.reason ?? approvalComments[meaning.review.decision] ?? null,
      conductConfirmed: confirmsConduct,
      decidedAt: at,
    });
    const recorded = meaning.review.decision === 'ENDORSE' ? (choices.endorsementFindings ?? []) : (note?.findings ?? []);
    recorded.forEach((finding, position) => {
      findings.push({ id: seedId(`${key}:finding:${position}`), reviewId, ...finding });
    });
  });
  const firstSubmission = path.indexOf('SUBMITTED');
  return {
    statusChanges,
    reviews,
    findings,
    workflow: {
      status: path[path.length - 1]!,
      // Creating the draft is not a transition; every move after it bumps the version.
      version: path.length - 1,
      createdAt: times[0]!,
      updatedAt: times[times.length - 1]!,
      statusChangedAt: times[times.length - 1]!,
      firstSubmittedAt: firstSubmission < 0 ? null : times[firstSubmission]!,
      submittedAt: latest.SUBMITTED ?? null,
      endorsedAt: latest.ENDORSED ?? null,
      recommendedAt: latest.RECOMMENDED ?? null,
      decidedAt: latest.SELECTED ?? latest.NOT_SELECTED ?? null,
    },
    times,
  };
}
