// The recommending authorities as one .xlsx, for GET /files/exports/areas.xlsx
// (list-export.route.ts serves it): what the `areas` field lists for the reader (areasVisibleTo,
// in areas-units.service.ts's order), each with the number of its units the reader sees, as
// the list's `units`, and of the current round's applications, as the list's 本年度申报数
// (applicationCounts by AREA, as the console's column). It takes the field's own `filter`
// (AreaFilter), as the console's list sends it.
import type { Actor } from '../../auth/actor.ts';
import { unitsVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { applicationCounts, mayCount } from '../analytics/analytics.service.ts';
import { currentRound } from '../rounds/rounds.service.ts';
import { type AreaFilter, areaReaders, areasOrder, areasWhere } from '../areas-units/areas-units.service.ts';
import { areaListColumns, areaListFile, type AreaListRow } from './area-list-sheet.ts';
import { type ExportedList, exportBatchSize, inputType, keysetList, type ListExport } from './list-export.ts';

export interface AreaListQuery {
  filter: AreaFilter | null;
}

/** The current round's applications the reader sees, by area id; null for a reader who may not count them. */
async function currentRoundCounts(actor: Actor, now: Date): Promise<Map<string, number> | null> {
  if (!mayCount(actor)) return null;
  const round = await currentRound(now, { select: { year: true } });
  if (!round) return new Map();
  const lines = await applicationCounts(actor, { roundYear: round.year, groupBy: ['AREA'] });
  return new Map(lines.map((line) => [line.keys[0]!.value!, line.count]));
}

export async function areaList(actor: Actor, query: AreaListQuery, now: Date, batchSize = exportBatchSize): Promise<ExportedList<AreaListRow>> {
  const where = areasWhere(actor, query.filter ?? {});
  const counts = await currentRoundCounts(actor, now);
  return keysetList(batchSize, {
    count: () => prisma.area.count({ where }),
    read: (page) =>
      prisma.area.findMany({
        where,
        orderBy: areasOrder,
        select: { id: true, code: true, name: true, kind: true, isSouthernXinjiang: true, _count: { select: { units: { where: unitsVisibleTo(actor) } } } },
        ...page,
      }),
    complete: (rows) => rows.map(({ _count, ...area }) => ({ ...area, unitCount: _count.units, applicationCount: counts && (counts.get(area.id) ?? 0) })),
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
  columns: areaListColumns,
};
