import type { QuotaLine } from '../dataProvider/aggregates.ts';
import type { TrainingMode } from './quotaMutations.ts';

export const modes: TrainingMode[] = ['REMOTE', 'LOCAL'];

export interface QuotaRound {
  id: string;
  name: string;
  year: number;
  remotePlaces: number;
  localPlaces: number;
  isOpenForRecommendations: boolean;
}

export interface QuotaArea {
  id: string;
  code: string;
  name: string;
}

export function placesOf(round: QuotaRound, mode: TrainingMode): number {
  return mode === 'REMOTE' ? round.remotePlaces : round.localPlaces;
}

/** The mode's line (area null) or one area's line of quotaUsage. */
export function lineOf(usage: QuotaLine[], mode: TrainingMode, areaId: string | null): QuotaLine | undefined {
  return usage.find((line) => line.mode === mode && (line.area?.id ?? null) === areaId);
}

/** A typed number of places: a whole number from 0, or null while the field is empty or wrong. */
export function parsePlaces(text: string): number | null {
  return /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : null;
}
