// The whole employer units list as one .xlsx, for GET /files/exports/units.xlsx
// (list-export.route.ts serves it). It takes the `units` connection's own `areaId` (an Area's
// global ID, as the field takes it) and reads what the connection lists for the reader
// (areas-units.service.ts: the row rules AND the area, by name), each unit with the number of
// its applications the reader sees, as the list's `applications { totalCount }`.
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Actor } from '../../auth/actor.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { FieldProblems } from '../../errors/domain-errors.ts';
import { unitReaders, unitsOrder, unitsWhere } from '../areas-units/areas-units.service.ts';
import { type ExportedList, exportBatchSize, inputType, keysetList, type ListExport } from './list-export.ts';
import { unitListColumns, unitListFile, type UnitListRow } from './unit-list-sheet.ts';

export interface UnitListQuery {
  /** The area's global ID. */
  areaId: string | null;
}

/** The area's id in the database; a ValidationFailedError when the ID names no area, as the field's globalID argument refuses it. */
function areaIdOf(areaId: string | null): string | null {
  if (!areaId) return null;
  try {
    const decoded = decodeGlobalID(areaId);
    if (decoded.typename === 'Area') return decoded.id;
  } catch {
    // Not base64 of "<type>:<id>": refused below.
  }
  const problems = new FieldProblems();
  problems.add(['areaId'], '不是推荐主管部门的 ID（areas 返回的 id）');
  problems.throwIfAny();
  return null;
}

/** The units the reader may see, of one area when asked: how many, and in batches of `batchSize`. */
export async function unitList(actor: Actor, query: UnitListQuery, _now: Date, batchSize = exportBatchSize): Promise<ExportedList<UnitListRow>> {
  const where = unitsWhere(actor, { areaId: areaIdOf(query.areaId) });
  return keysetList(batchSize, {
    count: () => prisma.employerUnit.count({ where }),
    read: (page) =>
      prisma.employerUnit.findMany({
        where,
        orderBy: unitsOrder,
        select: {
          id: true,
          name: true,
          nature: true,
          address: true,
          postcode: true,
          area: { select: { name: true } },
          _count: { select: { applications: { where: applicationsVisibleTo(actor) } } },
        },
        ...page,
      }),
    complete: (rows) => rows.map(({ _count, ...unit }) => ({ ...unit, applicationCount: _count.applications })),
  });
}

export const unitListExport: ListExport<UnitListQuery, UnitListRow> = {
  ...unitListFile,
  operation: 'exportUnits',
  targetType: 'EmployerUnit',
  authScopes: unitReaders,
  refusal: '请先登录',
  parameters: { areaId: { type: () => inputType('ID'), example: '"QXJlYTo…"（areas 返回的 id）' } },
  list: unitList,
  columns: unitListColumns,
};
