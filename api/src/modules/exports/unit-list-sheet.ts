// The employer units list as a spreadsheet: its columns with the Chinese headers of the console's
// list (i18n resources.units.fields reads them from here) and where it is downloaded. Free of the
// database, so the console bundles it.
import type { UnitNature } from '@tepei/db/enums';
import { unitNatureLabels } from '../applications/application-form.ts';
import { columnLabels, countCell, type ListColumn, listExportPath, listFile } from './list-sheet.ts';

/** One unit as the `units` connection gives it, with how many applications of it the reader sees (all rounds). */
export interface UnitListRow {
  name: string;
  area: { name: string };
  nature: UnitNature;
  address: string;
  postcode: string | null;
  applicationCount: number;
}

/** The columns, in the console list's order. */
export const unitListColumns = [
  { field: 'name', header: '单位名称', width: 30, value: (row: UnitListRow) => row.name },
  { field: 'area.name', header: '推荐主管部门', width: 16, value: (row: UnitListRow) => row.area.name },
  { field: 'nature', header: '单位性质', width: 14, value: (row: UnitListRow) => unitNatureLabels[row.nature] },
  { field: 'address', header: '单位地址', width: 30, value: (row: UnitListRow) => row.address },
  { field: 'postcode', header: '邮政编码', width: 10, value: (row: UnitListRow) => row.postcode },
  { field: 'applications.totalCount', header: '申报数（全部年度）', width: 12, value: (row: UnitListRow) => countCell(row.applicationCount) },
] as const satisfies readonly ListColumn<UnitListRow>[];

export const unitListLabels = columnLabels(unitListColumns);

export const unitListFile = listFile('units', '用人单位');

/** Where the whole list is downloaded: the `units` connection's own `areaId` argument (the area's global ID). */
export function unitListExportPath(args: { areaId?: string | null }): string {
  return listExportPath(unitListFile.pathname, { areaId: args.areaId });
}
