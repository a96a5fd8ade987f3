// The one change a round takes: updateRound (regional admin), the deadlines as the end of a
// Beijing day, the age cut-off as a date, the shortage specialties as a whole list. Only the
// settings the admin changed are sent: the API keeps the others as it holds them, so a page
// read before someone else's save never puts an old value back.
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';
import { endOfBeijingDay } from '../common/format.ts';

export const updateRoundMutation: MutationSpec = {
  field: 'updateRound',
  variables: '$roundId: ID!, $input: UpdateRoundInput!',
  data: 'id applicationDeadline recommendationDeadline ageCutoffDate shortageSpecialties isOpenForApplications isOpenForRecommendations',
};

export interface RoundSettings {
  /** Beijing calendar dates, YYYY-MM-DD. */
  applicationDeadline: string;
  recommendationDeadline: string;
  ageCutoffDate: string;
  shortageSpecialties: string[];
}

export function updateRound(roundId: string, changed: Partial<RoundSettings>) {
  const input: Record<string, unknown> = {};
  if (changed.applicationDeadline !== undefined) input.applicationDeadline = endOfBeijingDay(changed.applicationDeadline);
  if (changed.recommendationDeadline !== undefined) input.recommendationDeadline = endOfBeijingDay(changed.recommendationDeadline);
  if (changed.ageCutoffDate !== undefined) input.ageCutoffDate = changed.ageCutoffDate;
  if (changed.shortageSpecialties !== undefined) input.shortageSpecialties = changed.shortageSpecialties;
  return callMutation(updateRoundMutation, { roundId, input });
}
