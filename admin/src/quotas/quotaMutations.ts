// Places per mode (setModePlaces) and one area's share of a mode (setAreaAllocation), both the
// regional admin's; the API refuses shares that add up to more than the mode's places.
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';

export type TrainingMode = 'REMOTE' | 'LOCAL';

export const setModePlacesMutation: MutationSpec = {
  field: 'setModePlaces',
  variables: '$roundId: ID!, $remotePlaces: Int!, $localPlaces: Int!',
  data: 'id remotePlaces localPlaces',
};

export const setAreaAllocationMutation: MutationSpec = {
  field: 'setAreaAllocation',
  variables: '$roundId: ID!, $mode: TrainingMode!, $areaId: ID!, $places: Int!',
  data: 'mode area { id } places used reserved remaining',
};

export function setModePlaces(roundId: string, places: Record<TrainingMode, number>) {
  return callMutation(setModePlacesMutation, { roundId, remotePlaces: places.REMOTE, localPlaces: places.LOCAL });
}

export interface AllocationChange {
  mode: TrainingMode;
  areaId: string;
  places: number;
  /** The allocation before the change (0 when the area had none). */
  previous: number;
}

/**
 * Saves changed shares one by one, the decreases first: each call is checked against the
 * mode's places with the others as they stand, so moving places between areas never passes
 * through a moment where the shares add up to too many.
 */
export async function saveAllocations(roundId: string, changes: AllocationChange[]): Promise<void> {
  const ordered = [...changes].sort((a, b) => a.places - a.previous - (b.places - b.previous));
  for (const change of ordered) {
    await callMutation(setAreaAllocationMutation, { roundId, mode: change.mode, areaId: change.areaId, places: change.places });
  }
}
