/** A round as the rounds resource reads it (dataProvider/resources.ts). */
export interface RoundRecord {
  id: string;
  year: number;
  name: string;
  noticeNumber: string | null;
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

export type RoundPhase = 'APPLYING' | 'RECOMMENDING' | 'ENDED';

/** Where the round stands by the API's clock: applications open, then recommendations, then done. */
export function phaseOf(round: Pick<RoundRecord, 'isOpenForApplications' | 'isOpenForRecommendations'>): RoundPhase {
  if (round.isOpenForApplications) return 'APPLYING';
  return round.isOpenForRecommendations ? 'RECOMMENDING' : 'ENDED';
}
