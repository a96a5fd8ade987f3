// The one way an application changes status (DOMAIN.md "The flow"). Each step checks the
// acting user's scope, the current status, the version the actor read (two reviewers acting
// at once leave exactly one winner) and writes the status history in the same transaction.
import type { Application, ApplicationStatus, Prisma, ReviewDecision, ReviewStage, FindingResult } from '@tepei/db/client';
import { allowedTransitions, statusLabels } from '@tepei/db/reference/status-flow';
import type { Actor } from '../../auth/actor.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { ConcurrentModificationError, InvalidTransitionError, NotFoundError } from '../../errors/domain-errors.ts';

export type Transaction = Prisma.TransactionClient;

export interface ReviewRecord {
  stage: ReviewStage;
  decision: ReviewDecision;
  comment?: string | null;
  conductConfirmed?: boolean;
  findings?: Array<{ item: string; result: FindingResult; comment?: string | null }>;
}

export interface TransitionRequest {
  applicationId: string;
  /** The `version` the actor saw; the step fails if anyone changed the application since. */
  expectedVersion: number;
  to: ApplicationStatus;
  /** What the actor is doing, in words for the refusal message, e.g. "提交". */
  action: string;
  reason?: string | null;
  review?: ReviewRecord;
  /** Extra columns to set with the status (timestamps, unit training needs…). */
  data?: Prisma.ApplicationUncheckedUpdateManyInput;
  /** Rule checks and writes that must share the transaction (deadlines, eligibility, quota, blacklist). */
  guard?: (tx: Transaction, application: Application) => Promise<void>;
  after?: (tx: Transaction, application: Application) => Promise<void>;
}

export async function loadVisibleApplication(db: Transaction | typeof prisma, actor: Actor, id: string): Promise<Application> {
  const application = await db.application.findFirst({ where: { AND: [{ id }, applicationsVisibleTo(actor)] } });
  if (!application) throw new NotFoundError('申报');
  return application;
}

export function assertTransitionAllowed(application: Application, to: ApplicationStatus, action: string): void {
  if (!allowedTransitions[application.status].includes(to)) {
    throw new InvalidTransitionError(
      application.status,
      to,
      `当前状态为“${statusLabels[application.status]}”，不能${action}`,
    );
  }
}

export async function transition(actor: Actor, now: Date, request: TransitionRequest): Promise<Application> {
  return prisma.$transaction(async (tx) => {
    const application = await loadVisibleApplication(tx, actor, request.applicationId);
    assertTransitionAllowed(application, request.to, request.action);
    if (application.version !== request.expectedVersion) throw new ConcurrentModificationError();
    await request.guard?.(tx, application);

    // The version in the WHERE makes the loser of a race update nothing, even under READ COMMITTED.
    const { count } = await tx.application.updateMany({
      where: { id: application.id, version: request.expectedVersion, status: application.status },
      data: { ...request.data, status: request.to, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConcurrentModificationError();

    await tx.statusChange.create({
      data: {
        applicationId: application.id,
        fromStatus: application.status,
        toStatus: request.to,
        actorId: actor.userId,
        actorRole: actor.role,
        reason: request.reason ?? null,
        at: now,
      },
    });
    if (request.review) {
      await tx.review.create({
        data: {
          applicationId: application.id,
          stage: request.review.stage,
          decision: request.review.decision,
          reviewerId: actor.userId,
          comment: request.review.comment ?? null,
          conductConfirmed: request.review.conductConfirmed ?? false,
          decidedAt: now,
          findings: request.review.findings?.length
            ? { createMany: { data: request.review.findings.map((f) => ({ item: f.item, result: f.result, comment: f.comment ?? null })) } }
            : undefined,
        },
      });
    }
    const updated = await tx.application.findUniqueOrThrow({ where: { id: application.id } });
    if (!request.after) return updated;
    await request.after(tx, updated);
    return tx.application.findUniqueOrThrow({ where: { id: application.id } });
  }, transactionOptions);
}

