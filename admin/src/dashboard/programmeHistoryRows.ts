// programmeHistory's lines (per year and area) as the card shows them: one row per year, for
// one area or for every area the reader sees (the sum of its areas, which the API's test proves
// equal to its own count of the year).
import type { ProgrammeYear } from '../dataProvider/aggregates.ts';

export const historySteps = ['submitted', 'recommended', 'selected', 'placed', 'completed'] as const;

export type HistoryRow = Pick<ProgrammeYear, 'year' | 'roundName' | (typeof historySteps)[number]>;

/** The years of one area (its id), or of all the lines when `areaId` is empty, oldest first. */
export function historyRows(lines: readonly ProgrammeYear[], areaId: string): HistoryRow[] {
  const years = new Map<number, HistoryRow>();
  for (const line of lines) {
    if (areaId && line.areaId !== areaId) continue;
    const row = years.get(line.year) ?? { year: line.year, roundName: line.roundName, submitted: 0, recommended: 0, selected: 0, placed: 0, completed: 0 };
    for (const step of historySteps) row[step] += line[step];
    years.set(line.year, row);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** The areas of the lines, in the API's order (by code), once each. */
export function historyAreas(lines: readonly ProgrammeYear[]): { id: string; name: string }[] {
  const areas = new Map<string, string>();
  for (const line of lines) if (line.areaId && line.areaName) areas.set(line.areaId, line.areaName);
  return [...areas].map(([id, name]) => ({ id, name }));
}
