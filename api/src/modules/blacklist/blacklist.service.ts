// 失信名单: fraud or abandonment bars the applicant and the sending unit for 5 years.
import type { Application, BlacklistEntry, BlacklistReason, Prisma } from '@tepei/db/client';
import { blacklistExpiresAt } from '@tepei/db/reference/blacklist-term';
import type { Actor } from '../../auth/actor.ts';
import { blacklistVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { FieldProblems, ForbiddenError, InvalidTransitionError, NotFoundError } from '../../errors/domain-errors.ts';
import { normalizeResidentId, parseResidentId } from '@tepei/db/reference/resident-id';
import type { Transaction } from '../applications/workflow.service.ts';
import { lockAllRoundsForListing } from '../quotas/quotas.service.ts';

function requireRegional(actor: Actor): void {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以管理失信名单');
}

export interface NewListing {
  applicantIdNumber?: string | null;
  applicantName?: string | null;
  unitId?: string | null;
  reasonKind: BlacklistReason;
  reason: string;
}

export async function listOnBlacklist(actor: Actor, now: Date, input: NewListing): Promise<BlacklistEntry> {
  requireRegional(actor);
  const problems = new FieldProblems();
  const idNumber = input.applicantIdNumber ? normalizeResidentId(input.applicantIdNumber) : null;
  if (!idNumber && !input.unitId) problems.add(['input'], '须至少指定申报人身份证号或用人单位之一');
  if (idNumber && !parseResidentId(idNumber).ok) problems.add(['input', 'applicantIdNumber'], '身份证号不正确');
  if (input.reason.trim().length < 4 || input.reason.length > 500) problems.add(['input', 'reason'], '请填写4至500字的列入原因');
  problems.throwIfAny();
  if (input.unitId && !(await prisma.employerUnit.findUnique({ where: { id: input.unitId } }))) throw new NotFoundError('用人单位');
  // Inside the mutation's unit of work: the locks are held until the listing commits.
  await lockAllRoundsForListing(prisma);
  return prisma.blacklistEntry.create({
    data: {
      applicantIdNumber: idNumber,
      applicantName: input.applicantName?.trim() || null,
      unitId: input.unitId ?? null,
      reasonKind: input.reasonKind,
      reason: input.reason.trim(),
      listedAt: now,
      expiresAt: blacklistExpiresAt(now),
      listedById: actor.userId,
    },
  });
}

export async function liftListing(actor: Actor, now: Date, entryId: string, reason: string): Promise<BlacklistEntry> {
  requireRegional(actor);
  if (reason.trim().length < 4) {
    const problems = new FieldProblems();
    problems.add(['reason'], '请填写解除原因（至少4字）');
    problems.throwIfAny();
  }
  const entry = await prisma.blacklistEntry.findUnique({ where: { id: entryId } });
  if (!entry) throw new NotFoundError('失信名单记录');
  const { count } = await prisma.blacklistEntry.updateMany({
    where: { id: entryId, liftedAt: null },
    data: { liftedAt: now, liftedById: actor.userId, liftReason: reason.trim() },
  });
  if (count !== 1) throw new InvalidTransitionError('LIFTED', 'LIFTED', '该记录已解除');
  return prisma.blacklistEntry.findUniqueOrThrow({ where: { id: entryId } });
}

/** Giving up after 已成功入选 lists applicant and unit, in the transaction of the status change. */
export async function listForAbandonment(tx: Transaction, actor: Actor, now: Date, application: Application): Promise<void> {
  await lockAllRoundsForListing(tx);
  await tx.blacklistEntry.create({
    data: {
      applicantIdNumber: application.idNumber,
      applicantName: application.name,
      unitId: application.unitId,
      applicationId: application.id,
      reasonKind: 'ABANDONMENT',
      reason: `已成功入选后放弃或变更培养（学员编号 ${application.serialNumber ?? application.id}）`,
      listedAt: now,
      expiresAt: blacklistExpiresAt(now),
      listedById: actor.userId,
    },
  });
}

/** Who may read the blacklist (auth/scopes.ts): the regional admin, analysts and reviewers (within their area or unit). */
export const blacklistReaders = { $any: { regional: true, analyst: true, prefecture: true, employer: true } } as const;

/** The `blacklist` connection's order, newest listing first (its Excel export reads it too), ending on the id. */
export const blacklistOrder = [{ listedAt: 'desc' }, { id: 'asc' }] as const satisfies Prisma.BlacklistEntryOrderByWithRelationInput[];

/** The listings an actor may read (row-rules.ts), only those in force at `activeAt` when given (isListingInForce). */
export function blacklistWhere(actor: Actor, options: { activeAt?: Date | null }): Prisma.BlacklistEntryWhereInput {
  const active = options.activeAt
    ? { liftedAt: null, listedAt: { lte: options.activeAt }, expiresAt: { gt: options.activeAt } }
    : {};
  return { AND: [blacklistVisibleTo(actor), active] };
}
