// Expected failures of the programme's rules. Each is a typed result in the schema (via the
// errors plugin), worded in Chinese for the people who read it. Anything else is unexpected
// and masked by yoga.

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The role may not do this, or the record lies outside the actor's scope. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = '无权执行此操作') {
    super(message);
  }
}

/** Nothing with that id exists within what the actor may see. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what = '记录') {
    super(`${what}不存在或无权访问`);
  }
}

export class DeadlinePassedError extends DomainError {
  readonly code = 'DEADLINE_PASSED';
  constructor(
    readonly deadline: Date,
    message: string,
  ) {
    super(message);
  }
}

export class QuotaExceededError extends DomainError {
  readonly code = 'QUOTA_EXCEEDED';
  constructor(
    message: string,
    readonly places: number,
    readonly used: number,
  ) {
    super(message);
  }
}

export class NotEligibleError extends DomainError {
  readonly code = 'NOT_ELIGIBLE';
  constructor(
    /** The failing rules (EligibilityRule values). */
    readonly rules: string[],
    message: string,
  ) {
    super(message);
  }
}

/** The application is not in a status from which this step may be taken. */
export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly from: string,
    readonly to: string,
    message: string,
  ) {
    super(message);
  }
}

/** The regional decision needs signed scans (附件4、附件5) that are not on record, or predate the step they sign. */
export class SignedScansMissingError extends DomainError {
  readonly code = 'SIGNED_SCANS_MISSING';
  constructor(
    /** SignedScanKind values: FORM4_SCAN, FORM5_SCAN. */
    readonly missing: string[],
    message: string,
  ) {
    super(message);
  }
}

/** The round is finished (rounds/round-finished.ts): it and its applications and quotas are read-only. */
export class RoundFinishedError extends DomainError {
  readonly code = 'ROUND_FINISHED';
  constructor(roundName: string) {
    super(`${roundName}已结束（审核推荐已截止，所有申报均已办结），不能再修改该年度及其申报、名额`);
  }
}

/** The round is not in the phase this step belongs to (rounds/round-phase.ts). */
export class RoundPhaseError extends DomainError {
  readonly code = 'WRONG_ROUND_PHASE';
  constructor(
    /** RoundPhase value the round is in. */
    readonly phase: string,
    message: string,
  ) {
    super(message);
  }
}

/** Someone else changed the record since it was read (optimistic concurrency). */
export class ConcurrentModificationError extends DomainError {
  readonly code = 'CONCURRENT_MODIFICATION';
  constructor(message = '该记录已被他人修改，请刷新后重试') {
    super(message);
  }
}

export interface FieldProblem {
  /** Path of the input field, e.g. ["form", "idNumber"] or ["form", "hostPreferences", "3"]. */
  path: string[];
  message: string;
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly problems: FieldProblem[]) {
    super(`输入有误：${problems.map((problem) => `${problem.path.join('.')}：${problem.message}`).join('；')}`);
  }
}

/** Wrong credentials, locked or disabled account: one message for all, so none is revealed. */
export class AuthenticationFailedError extends DomainError {
  readonly code = 'AUTHENTICATION_FAILED';
  constructor(
    message = '用户名或密码错误',
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** Too many attempts from one client address (auth/attempt-limits.ts); try again after the wait. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A unique value (username, ID number in a round) is already taken. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** Collects field problems and throws them together, so a form shows every mistake at once. */
export class FieldProblems {
  readonly problems: FieldProblem[] = [];

  add(path: string[], message: string): void {
    this.problems.push({ path, message });
  }

  throwIfAny(): void {
    if (this.problems.length) throw new ValidationFailedError(this.problems);
  }
}
