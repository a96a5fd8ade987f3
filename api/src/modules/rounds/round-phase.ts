// A round's year, in one place (issue #14 item 1): 筹备中 → 个人申报 → 审核推荐 → 遴选 →
// 培养单位分配 → 训前培训 → 培养中 → 已结束. The round stores only what a person decides
// (Round.stage: published, placement begun, orientation, training, closed); the three phases
// of an open round follow its deadlines, as the notice sets them, so no one has to remember to
// close applications on 5 March. A round whose applications are all settled after its
// recommendation deadline is closed too (round-finished.ts). Everything that depends on where
// a round is asks this module.
import type { Round, RoundStage } from '@tepei/db/client';
import { type RoundPhase, roundPhaseLabels, type RoundStep, roundPhases, stepPhases } from '@tepei/db/reference/round-phases';
import { prisma } from '../../db.ts';
import { RoundPhaseError } from '../../errors/domain-errors.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import { assertRoundNotFinished, isRoundFinished } from './round-finished.ts';

export { roundPhaseLabels, roundPhases, type RoundPhase };

export type PhaseFacts = Pick<Round, 'stage' | 'applicationDeadline' | 'recommendationDeadline'>;

/** The phase of a round at `now`; `finished` is round-finished.ts's verdict on its applications. */
export function phaseOf(round: PhaseFacts, now: Date, finished: boolean): RoundPhase {
  if (round.stage === 'PREPARING') return 'PREPARING';
  if (round.stage === 'CLOSED' || finished) return 'CLOSED';
  if (round.stage !== 'OPEN') return round.stage;
  if (now <= round.applicationDeadline) return 'APPLICATIONS';
  if (now <= round.recommendationDeadline) return 'RECOMMENDATIONS';
  return 'SELECTION';
}

/** The phase of a stored round at `now`, reading whether its applications are all settled. */
export async function roundPhase(
  round: PhaseFacts & Pick<Round, 'id'>,
  now: Date,
  db: Pick<Transaction, 'application'> = prisma,
): Promise<RoundPhase> {
  return phaseOf(round, now, await isRoundFinished(round, now, db));
}

/** The phase after `phase`, or null for a closed round. */
export function nextPhase(phase: RoundPhase): RoundPhase | null {
  return roundPhases[roundPhases.indexOf(phase) + 1] ?? null;
}

/** The stage a round stores once it has entered `phase`. */
export function stageOf(phase: RoundPhase): RoundStage {
  switch (phase) {
    case 'APPLICATIONS':
    case 'RECOMMENDATIONS':
    case 'SELECTION':
      return 'OPEN';
    default:
      return phase;
  }
}

/** The phases an admin enters by hand; the others follow the deadlines. */
export function isAdvancedByHand(to: RoundPhase): boolean {
  return to !== 'RECOMMENDATIONS' && to !== 'SELECTION';
}

/** When a step is taken, for the schema's descriptions: 在“训前培训”或“培养中”阶段. */
export function stepPhaseText(step: RoundStep): string {
  return `在“${stepPhases[step].map((phase) => roundPhaseLabels[phase]).join('”或“')}”阶段`;
}

/** Refuses a step that belongs to another phase, naming both. */
export function assertPhase(round: Pick<Round, 'name'>, phase: RoundPhase, allowed: readonly RoundPhase[], action: string): void {
  if (allowed.includes(phase)) return;
  throw new RoundPhaseError(
    phase,
    `${round.name}当前为“${roundPhaseLabels[phase]}”阶段，${action}须在“${allowed.map((p) => roundPhaseLabels[p]).join('”或“')}”阶段进行`,
  );
}

/**
 * Refuses `step` (round-phases.ts) unless the round is in one of its phases. A finished round
 * is refused as finished, as every other change to it is (round-finished.ts).
 */
export async function assertStepPhase(db: Pick<Transaction, 'application' | 'round'>, roundId: string, now: Date, step: RoundStep, action: string): Promise<Round> {
  const round = await assertRoundNotFinished(db, roundId, now);
  assertPhase(round, phaseOf(round, now, false), stepPhases[step], action);
  return round;
}
