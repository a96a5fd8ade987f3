// When a round is finished (our design: the notice has no closing act). The regional bureau
// may close a round by hand at the end of its year (round-phase.ts, stage CLOSED); without
// that, and never while it is still in preparation, a round is finished once
//   1. its recommendation deadline has passed — no application, review or recommendation can
//      come any more — and
//   2. every one of its applications is in a final status (status-flow.ts: rejected, not
//      selected, withdrawn, abandoned, completed): none awaits a decision, an orientation or
//      the end of its training.
// Once both hold, nothing undoes them (updateRound, which may move a passed deadline later
// while the round runs, refuses a finished round), so a finished round stays finished. From
// then on the workflow cannot change its applications (no move is left), and the API refuses
// the rest too: places and area split, round settings, orientation sessions, form-5 scans. The
// blacklist is a register of its own, not part of the round: listing someone later for what
// happened in it stays possible.
import type { ApplicationStatus, Round } from '@tepei/db/client';
import { allowedTransitions } from '@tepei/db/reference/status-flow';
import { prisma } from '../../db.ts';
import { NotFoundError, RoundFinishedError } from '../../errors/domain-errors.ts';
import type { Transaction } from '../applications/workflow.service.ts';

/** Statuses from which the workflow has no move left. */
export const finalStatuses = (Object.keys(allowedTransitions) as ApplicationStatus[]).filter((status) => allowedTransitions[status].length === 0);

type Reader = Pick<Transaction, 'application'>;

export async function isRoundFinished(round: Pick<Round, 'id' | 'recommendationDeadline' | 'stage'>, now: Date, db: Reader = prisma): Promise<boolean> {
  if (round.stage === 'CLOSED') return true;
  if (round.stage === 'PREPARING' || now <= round.recommendationDeadline) return false;
  const moving = await db.application.count({ where: { roundId: round.id, status: { notIn: [...finalStatuses] } }, take: 1 });
  return moving === 0;
}

/** Refuses any change to a finished round; returns the round (NotFoundError when there is none). */
export async function assertRoundNotFinished(db: Pick<Transaction, 'application' | 'round'>, roundId: string, now: Date): Promise<Round> {
  const round = await db.round.findUnique({ where: { id: roundId } });
  if (!round) throw new NotFoundError('特培年度');
  if (await isRoundFinished(round, now, db)) throw new RoundFinishedError(round.name);
  return round;
}
