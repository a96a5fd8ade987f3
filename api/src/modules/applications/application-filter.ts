// Filters a reviewer or analyst may put on the list of applications. They narrow the row
// rules, never widen them (the caller ANDs them with applicationsVisibleTo).
import type { Prisma } from '@tepei/db/client';
import { builder } from '../../builder.ts';
import { ApplicationStatusEnum } from './application-status.schema.ts';
import { TrainingModeEnum } from './application-enums.schema.ts';
import { decodeGlobalID } from '@pothos/plugin-relay';

export const ApplicationFilterInput = builder.inputType('ApplicationFilter', {
  description: '申报筛选条件（与可见范围同时生效）',
  fields: (t) => ({
    roundYear: t.int({ required: false, description: '年度，如 2025' }),
    statuses: t.field({ type: [ApplicationStatusEnum], required: false }),
    mode: t.field({ type: TrainingModeEnum, required: false }),
    areaId: t.id({ required: false }),
    unitId: t.id({ required: false }),
    nameContains: t.string({ required: false, description: '姓名包含' }),
  }),
});

function rawId(id: string | number): string {
  const text = String(id);
  try {
    return decodeGlobalID(text).id;
  } catch {
    return text;
  }
}

export function applicationFilterWhere(filter: typeof ApplicationFilterInput.$inferInput | null | undefined): Prisma.ApplicationWhereInput {
  if (!filter) return {};
  return {
    ...(filter.roundYear ? { round: { year: filter.roundYear } } : {}),
    ...(filter.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(filter.mode ? { mode: filter.mode } : {}),
    ...(filter.areaId ? { areaId: rawId(filter.areaId) } : {}),
    ...(filter.unitId ? { unitId: rawId(filter.unitId) } : {}),
    ...(filter.nameContains ? { name: { contains: filter.nameContains } } : {}),
  };
}
