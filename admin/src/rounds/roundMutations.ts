// The one change a round takes: updateRound (regional admin), the deadlines as the end of a
// Beijing day, the age cut-off as a date, the shortage specialties as a whole list.
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';
import { endOfBeijingDay } from '../common/format.ts';

export const updateRoundMutation: MutationSpec = {
  field: 'updateRound',
  variables: '$roundId: ID!, $input: UpdateRoundInput!',
  data: 'id applicationDeadline recommendationDeadline ageCutoffDate shortageSpecialties',
};

export interface RoundSettings {
  /** Beijing calendar dates, YYYY-MM-DD. */
  applicationDeadline: string;
  recommendationDeadline: string;
  ageCutoffDate: string;
  shortageSpecialties: string[];
}

export function updateRound(roundId: string, settings: RoundSettings) {
  return callMutation(updateRoundMutation, {
    roundId,
    input: {
      applicationDeadline: endOfBeijingDay(settings.applicationDeadline),
      recommendationDeadline: endOfBeijingDay(settings.recommendationDeadline),
      ageCutoffDate: settings.ageCutoffDate,
      shortageSpecialties: settings.shortageSpecialties,
    },
  });
}
