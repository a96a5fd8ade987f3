/** A round's phases in order (the API's RoundPhase, rounds/round-phase.ts). */
export const roundPhases = ['PREPARING', 'APPLICATIONS', 'RECOMMENDATIONS', 'SELECTION', 'PLACEMENT', 'ORIENTATION', 'TRAINING', 'CLOSED'] as const;
export type LifecyclePhase = (typeof roundPhases)[number];

/** The phases after the selection: the deadlines are history, and the API refuses to move them. */
export const pastSelection = new Set<LifecyclePhase>(['PLACEMENT', 'ORIENTATION', 'TRAINING', 'CLOSED']);

/** A round as the rounds resource reads it (dataProvider/resources.ts). */
export interface RoundRecord {
  id: string;
  year: number;
  name: string;
  noticeNumber: string | null;
  /** Where the round stands (the API's Round.phase, rounds/round-phase.ts). */
  phase: LifecyclePhase;
  applicationDeadline: string;
  recommendationDeadline: string;
  ageCutoffDate: string;
  remotePlaces: number;
  localPlaces: number;
  trainingMonths: number;
  shortageSpecialties: string[];
  isOpenForApplications: boolean;
  isOpenForRecommendations: boolean;
}
