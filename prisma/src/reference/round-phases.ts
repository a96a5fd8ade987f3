// A round's year in phases (issue #14 item 1), and the phases in which each step after
// selection may be taken. The API refuses a step outside its phases (api rounds/round-phase.ts)
// and the console offers it only inside them, so both read this one table.
//
// The notice orders the steps (selection, orientation before the year at the host, the
// assessment at its end) but dates none of them; the phases below are our design: orientation
// is scheduled once placement is under way and may be made up while others already train (a
// host that takes its trainee late); the year at a host starts after orientation; the
// assessment belongs to the training phase.

export const roundPhases = ['PREPARING', 'APPLICATIONS', 'RECOMMENDATIONS', 'SELECTION', 'PLACEMENT', 'ORIENTATION', 'TRAINING', 'CLOSED'] as const;
export type RoundPhase = (typeof roundPhases)[number];

/** Each phase in words, as the API's messages, the console and the rounds list's Excel file name it. */
export const roundPhaseLabels: Record<RoundPhase, string> = {
  PREPARING: '筹备中',
  APPLICATIONS: '个人申报中',
  RECOMMENDATIONS: '审核推荐中',
  SELECTION: '遴选中',
  PLACEMENT: '培养单位分配中',
  ORIENTATION: '训前培训',
  TRAINING: '培养中',
  CLOSED: '已结束',
};

export const stepPhases = {
  /** proposePlacement, movePlacement, confirmPlacement. */
  placement: ['PLACEMENT'],
  /** createOrientationSession. */
  scheduleOrientation: ['PLACEMENT', 'ORIENTATION', 'TRAINING'],
  /** recordOrientation. */
  recordOrientation: ['ORIENTATION', 'TRAINING'],
  /** startTraining. */
  startTraining: ['ORIENTATION', 'TRAINING'],
  /** completeTraining. */
  completeTraining: ['TRAINING'],
} as const satisfies Record<string, readonly RoundPhase[]>;
export type RoundStep = keyof typeof stepPhases;

/** Whether `step` may be taken in a round in `phase`. */
export function isStepOpen(step: RoundStep, phase: RoundPhase): boolean {
  return (stepPhases[step] as readonly RoundPhase[]).includes(phase);
}
