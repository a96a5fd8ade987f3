// The regional admin configures a round (DOMAIN.md "Timeline": every round is configurable):
// its deadlines, its age cut-off date and its shortage specialties (紧缺专业). Until the round is
// finished (round-finished.ts) a deadline may be extended, or a passed one moved later to reopen
// its phase; a passed deadline is never moved earlier, which would rewrite when it closed. A
// finished round is history and stays as it was.
import type { Round } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { formatBeijing } from '../../clock.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { FieldProblems, ForbiddenError } from '../../errors/domain-errors.ts';
import { recordRelaxedRules } from '../eligibility/relaxed-rules.ts';
import { assertRoundNotFinished } from './round-finished.ts';

export interface RoundChanges {
  applicationDeadline?: Date | null;
  recommendationDeadline?: Date | null;
  /** YYYY-MM-DD (the Date scalar). */
  ageCutoffDate?: string | null;
  shortageSpecialties?: readonly string[] | null;
}

const maxSpecialties = 50;
const maxSpecialtyLength = 30;

/** Trimmed, without blanks and repeats, in the order given. */
function cleanSpecialties(specialties: readonly string[]): string[] {
  return [...new Set(specialties.map((specialty) => specialty.trim()).filter(Boolean))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

const deadlineNames = { applicationDeadline: '个人申报', recommendationDeadline: '审核推荐' } as const;

function validate(round: Round, now: Date, changes: RoundChanges, next: { applicationDeadline: Date; recommendationDeadline: Date; ageCutoffDate: Date; shortageSpecialties: string[] }) {
  const problems = new FieldProblems();
  for (const key of ['applicationDeadline', 'recommendationDeadline'] as const) {
    if (now > round[key] && next[key] < round[key]) {
      problems.add(['input', key], `${deadlineNames[key]}已于 ${formatBeijing(round[key])}（北京时间）截止，截止时间只能延后（重新开放），不能提前`);
    }
  }
  if (next.recommendationDeadline <= next.applicationDeadline) {
    problems.add(['input', 'recommendationDeadline'], `审核推荐截止时间（${formatBeijing(next.recommendationDeadline)}）须晚于个人申报截止时间（${formatBeijing(next.applicationDeadline)}）`);
  }
  // The cut-off is 1 January of year − 45 in the notice; a date far from that is a typing error.
  const cutoffYear = next.ageCutoffDate.getUTCFullYear();
  if (cutoffYear < round.year - 60 || cutoffYear > round.year - 18) {
    problems.add(['input', 'ageCutoffDate'], `年龄截止出生日期应在 ${round.year - 60} 年至 ${round.year - 18} 年之间（${round.year}年度按45周岁为 ${round.year - 45}-01-01）`);
  }
  if (changes.shortageSpecialties) {
    if (next.shortageSpecialties.length > maxSpecialties) problems.add(['input', 'shortageSpecialties'], `紧缺专业最多 ${maxSpecialties} 个`);
    const tooLong = next.shortageSpecialties.filter((specialty) => specialty.length > maxSpecialtyLength);
    if (tooLong.length) problems.add(['input', 'shortageSpecialties'], `紧缺专业名称不超过 ${maxSpecialtyLength} 字：${tooLong.join('、')}`);
  }
  problems.throwIfAny();
}

/**
 * Changes a round that is not finished. Changing the shortage specialties changes which applications may
 * relax education or title, so their stored relaxed rules are recomputed in the same
 * transaction: nobody reads a round and rules that disagree.
 */
export async function updateRound(actor: Actor, now: Date, roundId: string, changes: RoundChanges): Promise<Round> {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以设置年度截止时间与紧缺专业');
  return prisma.$transaction(async (tx) => {
    // Serialises with selections and quota changes of the round (they lock the same row).
    await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${roundId}::uuid FOR UPDATE`;
    const round = await assertRoundNotFinished(tx, roundId, now);
    const next = {
      applicationDeadline: changes.applicationDeadline ?? round.applicationDeadline,
      recommendationDeadline: changes.recommendationDeadline ?? round.recommendationDeadline,
      ageCutoffDate: changes.ageCutoffDate ? new Date(`${changes.ageCutoffDate}T00:00:00Z`) : round.ageCutoffDate,
      shortageSpecialties: changes.shortageSpecialties ? cleanSpecialties(changes.shortageSpecialties) : round.shortageSpecialties,
    };
    validate(round, now, changes, next);
    const updated = await tx.round.update({ where: { id: roundId }, data: next });
    if (!sameList(round.shortageSpecialties, next.shortageSpecialties)) await recordRelaxedRules(tx, { roundId }, now);
    return updated;
  }, transactionOptions);
}
