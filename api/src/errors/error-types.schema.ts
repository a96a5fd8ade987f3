// The schema side of domain-errors.ts: an `Error` interface and one object type per error.
import { builder } from '../builder.ts';
import {
  AuthenticationFailedError,
  ConcurrentModificationError,
  ConflictError,
  DeadlinePassedError,
  DomainError,
  ForbiddenError,
  InvalidTransitionError,
  NotEligibleError,
  NotFoundError,
  QuotaExceededError,
  RateLimitedError,
  RoundFinishedError,
  RoundPhaseError,
  ValidationFailedError,
  type FieldProblem,
} from './domain-errors.ts';

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: '业务规则拒绝了请求；message 为中文说明',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FieldsOf = (t: any) => Record<string, unknown>;

export function errorType(errorClass: abstract new (...args: never[]) => DomainError, name: string, description: string, extra?: FieldsOf) {
  builder.objectType(errorClass as typeof DomainError & (new () => DomainError), {
    name,
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value: unknown) => value instanceof errorClass,
    fields: (extra ?? (() => ({}))) as never,
  });
}

errorType(ForbiddenError, 'ForbiddenError', '无权执行此操作或记录不在管辖范围内');
errorType(NotFoundError, 'NotFoundError', '记录不存在或无权访问');
errorType(DeadlinePassedError, 'DeadlinePassedError', '已过截止时间', (t) => ({
  deadline: t.field({ type: 'DateTime', resolve: (error: DeadlinePassedError) => (error as DeadlinePassedError).deadline }),
}));
errorType(QuotaExceededError, 'QuotaExceededError', '名额已满', (t) => ({
  places: t.int({ resolve: (error: QuotaExceededError) => error.places }),
  used: t.int({ resolve: (error: QuotaExceededError) => error.used }),
}));
errorType(NotEligibleError, 'NotEligibleError', '不符合推荐条件', (t) => ({
  rules: t.stringList({ resolve: (error: NotEligibleError) => error.rules }),
}));
errorType(InvalidTransitionError, 'InvalidTransitionError', '当前状态下不能进行此操作', (t) => ({
  from: t.string({ resolve: (error: InvalidTransitionError) => error.from }),
  to: t.string({ resolve: (error: InvalidTransitionError) => error.to }),
}));
errorType(ConcurrentModificationError, 'ConcurrentModificationError', '记录已被他人修改');
errorType(ConflictError, 'ConflictError', '与已有记录冲突');
errorType(RoundFinishedError, 'RoundFinishedError', '年度已结束，只读');
errorType(RoundPhaseError, 'RoundPhaseError', '年度当前阶段不能进行此操作', (t) => ({
  phase: t.string({ description: '年度当前阶段（RoundPhase）', resolve: (error: RoundPhaseError) => error.phase }),
}));
errorType(AuthenticationFailedError, 'AuthenticationFailedError', '登录失败', (t) => ({
  retryAfterSeconds: t.int({ nullable: true, resolve: (error: AuthenticationFailedError) => error.retryAfterSeconds }),
}));
errorType(RateLimitedError, 'RateLimitedError', '同一网络地址的尝试过多，请稍后再试', (t) => ({
  // Nullable like AuthenticationFailedError's, so one selection can ask both for it.
  retryAfterSeconds: t.int({ nullable: true, resolve: (error: RateLimitedError) => error.retryAfterSeconds }),
}));

const FieldProblemType = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: '某个输入字段的问题',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
  }),
});

errorType(ValidationFailedError, 'ValidationFailedError', '输入校验未通过', (t) => ({
  problems: t.field({ type: [FieldProblemType], resolve: (error: ValidationFailedError) => error.problems }),
}));

/** The errors every mutation may return; mutations add the specific ones they raise. */
export const commonErrors = [ForbiddenError, NotFoundError, ValidationFailedError];
