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

export type RoundPhase = 'APPLYING' | 'RECOMMENDING' | 'SELECTING' | 'ENDED';

/**
 * Where the round stands by the API's clock: applications open, then recommendations, then the
 * regional selection and training until every application is settled (finished, roundState.ts).
 */
export function phaseOf(round: Pick<RoundRecord, 'isOpenForApplications' | 'isOpenForRecommendations'>, finished: boolean): RoundPhase {
  if (round.isOpenForApplications) return 'APPLYING';
  if (round.isOpenForRecommendations) return 'RECOMMENDING';
  return finished ? 'ENDED' : 'SELECTING';
}
