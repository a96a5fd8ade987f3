// The recommending authorities as a spreadsheet: the columns of the console's list that the
// `areas` field gives, with its Chinese headers (i18n resources.areas.fields reads them from
// here), and where it is downloaded. Free of the database, so the console bundles it.
import type { AreaKind } from '@tepei/db/enums';
import { areaKindLabels } from '../areas-units/area-kinds.ts';
import { columnLabels, countCell, type ListColumn, listExportPath, listFile, yesNoCell } from './list-sheet.ts';

/** One authority as the `areas` field gives it, with how many of its units the reader sees. */
export interface AreaListRow {
  code: string;
  name: string;
  kind: AreaKind;
  isSouthernXinjiang: boolean;
  unitCount: number;
}

/** The columns, in the console list's order. */
export const areaListColumns = [
  { field: 'code', header: '代码', width: 12, value: (row: AreaListRow) => row.code },
  { field: 'name', header: '名称', width: 24, value: (row: AreaListRow) => row.name },
  { field: 'kind', header: '类别', width: 14, value: (row: AreaListRow) => areaKindLabels[row.kind] },
  { field: 'isSouthernXinjiang', header: '南疆地区', width: 10, value: (row: AreaListRow) => yesNoCell(row.isSouthernXinjiang) },
  { field: 'unitCount', header: '用人单位数', width: 12, value: (row: AreaListRow) => countCell(row.unitCount) },
] as const satisfies readonly ListColumn<AreaListRow>[];

export const areaListLabels = columnLabels(areaListColumns);

export const areaListFile = listFile('areas', '推荐主管部门');

/** Where the list is downloaded for the `areas` field's `filter` (AreaFilter), as the console's list sends it. */
export function areaListExportPath(args: { filter?: object | null }): string {
  return listExportPath(areaListFile.pathname, { filter: args.filter });
}
