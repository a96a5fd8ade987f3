// The one way an application changes status (DOMAIN.md "The flow"). Each step checks the
// acting user's scope, the current status, the version the actor read (two reviewers acting
// at once leave exactly one winner) and writes the status history in the same transaction.
import { type Application, type ApplicationStatus, Prisma, type ReviewDecision, type ReviewStage, type FindingResult } from '@tepei/db/client';
import { allowedTransitions, statusLabels } from '@tepei/db/reference/status-flow';
import type { Actor } from '../../auth/actor.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { inUnitOfWork, prisma } from '../../db.ts';
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
  /**
   * Rule checks and writes that must share the transaction (deadlines, eligibility, quota,
   * blacklist). Columns it returns are set by the transition's own UPDATE (a trainee number).
   */
  guard?: (tx: Transaction, application: Application) => Promise<Prisma.ApplicationUncheckedUpdateManyInput | void>;
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

/** The application with the transition's columns set, or ConcurrentModificationError when someone changed it first. */
async function updateIfUnchanged(
  tx: Transaction,
  application: Application,
  expectedVersion: number,
  data: Prisma.ApplicationUncheckedUpdateManyInput,
): Promise<Application> {
  try {
    return await tx.application.update({
      where: { id: application.id, version: expectedVersion, status: application.status },
      data: { ...data, version: { increment: 1 } },
    });
  } catch (error) {
    // P2025: no row matched the id, version and status read a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw new ConcurrentModificationError();
    throw error;
  }
}

export async function transition(actor: Actor, now: Date, request: TransitionRequest): Promise<Application> {
  // A unit of work of its own when no mutation opened one (a script): the guards' shaped reads
  // go through `prisma`, which is then bound to this same transaction.
  return inUnitOfWork(async () => {
    const tx: Transaction = prisma;
    const application = await loadVisibleApplication(tx, actor, request.applicationId);
    assertTransitionAllowed(application, request.to, request.action);
    if (application.version !== request.expectedVersion) throw new ConcurrentModificationError();
    const decided = await request.guard?.(tx, application);

    // The version in the WHERE makes the loser of a race update nothing, even under READ COMMITTED;
    // the row comes back from the UPDATE itself (no second read inside the transaction).
    const updated = await updateIfUnchanged(tx, application, request.expectedVersion, { ...request.data, ...decided, status: request.to, statusChangedAt: now });

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
    if (!request.after) return updated;
    await request.after(tx, updated);
    return tx.application.findUniqueOrThrow({ where: { id: application.id } });
  });
}

