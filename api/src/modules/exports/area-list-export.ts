// The recommending authorities as one .xlsx, for GET /files/exports/areas.xlsx
// (list-export.route.ts serves it): what the `areas` field lists for the reader (areasVisibleTo,
// in areas-units.service.ts's order), each with the number of its units the reader sees, as
// the list's `units`. It takes the field's own `filter` (AreaFilter), as the console's list sends it.
import type { Actor } from '../../auth/actor.ts';
import { unitsVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { type AreaFilter, areaReaders, areasOrder, areasWhere } from '../areas-units/areas-units.service.ts';
import { areaListColumns, areaListFile, type AreaListRow } from './area-list-sheet.ts';
import { type ExportedList, exportBatchSize, inputType, keysetList, type ListExport } from './list-export.ts';

export interface AreaListQuery {
  filter: AreaFilter | null;
}

export async function areaList(actor: Actor, query: AreaListQuery, _now: Date, batchSize = exportBatchSize): Promise<ExportedList<AreaListRow>> {
  const where = areasWhere(actor, query.filter ?? {});
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
  parameters: { filter: { type: () => inputType('AreaFilter'), example: '{"kind":"PREFECTURE","isSouthernXinjiang":true,"search":"喀什"}' } },
  list: areaList,
  sheet: { name: areaListFile.sheetName, columns: areaListColumns },
};
