// The rounds list as a spreadsheet: its columns with the Chinese headers of the console's list
// (i18n resources.rounds.fields reads them from here) and where it is downloaded. Free of the
// database, so the console bundles it.
import { type RoundPhase, roundPhaseLabels } from '@tepei/db/reference/round-phases';
import { calendarDateCell, columnLabels, countCell, instantCell, joinedCell, type ListColumn, listFile } from './list-sheet.ts';

/** One round as the `rounds` field gives it. */
export interface RoundListRow {
  name: string;
  phase: RoundPhase;
  applicationDeadline: Date;
  recommendationDeadline: Date;
  ageCutoffDate: Date | string;
  remotePlaces: number;
  localPlaces: number;
  shortageSpecialties: readonly string[];
}

/** The columns, in the console list's order. */
export const roundListColumns = [
  { field: 'name', header: '年度', width: 14, value: (row: RoundListRow) => row.name },
  { field: 'phase', header: '进度', width: 14, value: (row: RoundListRow) => roundPhaseLabels[row.phase] },
  { field: 'applicationDeadline', header: '个人申报截止', width: 17, value: (row: RoundListRow) => instantCell(row.applicationDeadline) },
  { field: 'recommendationDeadline', header: '审核推荐截止', width: 17, value: (row: RoundListRow) => instantCell(row.recommendationDeadline) },
  { field: 'ageCutoffDate', header: '出生日期不早于', width: 14, value: (row: RoundListRow) => calendarDateCell(row.ageCutoffDate) },
  { field: 'remotePlaces', header: '异地培养名额', width: 12, value: (row: RoundListRow) => countCell(row.remotePlaces) },
  { field: 'localPlaces', header: '当地培养名额', width: 12, value: (row: RoundListRow) => countCell(row.localPlaces) },
  { field: 'shortageSpecialties', header: '紧缺专业', width: 40, value: (row: RoundListRow) => joinedCell(row.shortageSpecialties) },
] as const satisfies readonly ListColumn<RoundListRow>[];

export const roundListLabels = columnLabels(roundListColumns);

export const roundListFile = listFile('rounds', '年度与截止时间');

/** Where the whole list is downloaded: the `rounds` field takes no arguments. */
export const roundListExportPath = (): string => roundListFile.pathname;
