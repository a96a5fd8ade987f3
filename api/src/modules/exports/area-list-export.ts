// The recommending authorities as one .xlsx, for GET /files/exports/areas.xlsx
// (list-export.route.ts serves it): what the `areas` field lists for the reader (areasVisibleTo,
// in areas-units.service.ts's order), each with the number of its units the reader sees, as
// the list's `units`. The field takes no arguments, so neither does the file.
import type { Actor } from '../../auth/actor.ts';
import { areasVisibleTo, unitsVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { areaReaders, areasOrder } from '../areas-units/areas-units.service.ts';
import { areaListColumns, areaListFile, type AreaListRow } from './area-list-sheet.ts';
import { type ExportedList, exportBatchSize, keysetList, type ListExport } from './list-export.ts';

export type AreaListQuery = Record<never, never>;

export async function areaList(actor: Actor, _query: AreaListQuery, _now: Date, batchSize = exportBatchSize): Promise<ExportedList<AreaListRow>> {
  const where = areasVisibleTo(actor);
  return keysetList(batchSize, {
    count: () => prisma.area.count({ where }),
    read: (page) =>
      prisma.area.findMany({
        where,
        orderBy: areasOrder,
        select: { id: true, code: true, name: true, kind: true, isSouthernXinjiang: true, _count: { select: { units: { where: unitsVisibleTo(actor) } } } },
        ...page,
      }),
    complete: (rows) => rows.map(({ _count, ...area }) => ({ ...area, unitCount: _count.units })),
  });
}

export const areaListExport: ListExport<AreaListQuery, AreaListRow> = {
  ...areaListFile,
  operation: 'exportAreas',
  targetType: 'Area',
  authScopes: areaReaders,
  refusal: '请先登录',
  parameters: {},
  list: areaList,
  sheet: { name: areaListFile.sheetName, columns: areaListColumns },
};
