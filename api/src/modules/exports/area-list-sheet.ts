// The recommending authorities as a spreadsheet: the columns of the console's list (the
// `areas` field's, and the current round's applications per area), with its Chinese headers
// (i18n resources.areas.fields reads them from here), and where it is downloaded. Free of the
// database, so the console bundles it.
import type { AreaKind } from '@tepei/db/enums';
import { areaKindLabels } from '../areas-units/area-kinds.ts';
import { columnLabels, countCell, type ListColumn, listExportPath, listFile, yesNoCell } from './list-sheet.ts';

/**
 * One authority as the `areas` field gives it, with how many of its units the reader sees and
 * how many of the current round's applications the reader sees from it (as the console's
 * column counts them: applicationCounts by AREA; none for a reader who may not count).
 */
export interface AreaListRow {
  code: string;
  name: string;
  kind: AreaKind;
  isSouthernXinjiang: boolean;
  unitCount: number;
  applicationCount: number | null;
}

/** The columns, in the console list's order. */
export const areaListColumns = [
  { field: 'code', header: '代码', width: 12, value: (row: AreaListRow) => row.code },
  { field: 'name', header: '名称', width: 24, value: (row: AreaListRow) => row.name },
  { field: 'kind', header: '类别', width: 14, value: (row: AreaListRow) => areaKindLabels[row.kind] },
  { field: 'isSouthernXinjiang', header: '南疆地区', width: 10, value: (row: AreaListRow) => yesNoCell(row.isSouthernXinjiang) },
  { field: 'unitCount', header: '用人单位数', width: 12, value: (row: AreaListRow) => countCell(row.unitCount) },
  { field: 'applicationCount', header: '本年度申报数', width: 14, value: (row: AreaListRow) => (row.applicationCount === null ? null : countCell(row.applicationCount)) },
] as const satisfies readonly ListColumn<AreaListRow>[];

export const areaListLabels = columnLabels(areaListColumns);

export const areaListFile = listFile('areas', '推荐主管部门');

/** Where the list is downloaded for the `areas` field's `filter` (AreaFilter), as the console's list sends it. */
export function areaListExportPath(args: { filter?: object | null }): string {
  return listExportPath(areaListFile.pathname, { filter: args.filter });
}
