// The rounds as one .xlsx, for GET /files/exports/rounds.xlsx (list-export.route.ts serves it):
// what the `rounds` field lists for the reader (roundsVisibleTo, newest first), each in its phase
// at the moment of the export as Round.phase gives it (round-phase.ts). The field takes no
// arguments, so neither does the file.
import type { Prisma } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { roundsVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { roundPhase } from '../rounds/round-phase.ts';
import { roundReaders, roundsOrder } from '../rounds/rounds.service.ts';
import { type ExportedList, exportBatchSize, keysetList, type ListExport } from './list-export.ts';
import { roundListColumns, roundListFile, type RoundListRow } from './round-list-sheet.ts';

export type RoundListQuery = Record<never, never>;

const rowSelect = {
  id: true,
  name: true,
  stage: true,
  applicationDeadline: true,
  recommendationDeadline: true,
  ageCutoffDate: true,
  remotePlaces: true,
  localPlaces: true,
  shortageSpecialties: true,
} as const satisfies Prisma.RoundSelect;

export async function roundList(actor: Actor, _query: RoundListQuery, now: Date, batchSize = exportBatchSize): Promise<ExportedList<RoundListRow>> {
  const where = roundsVisibleTo(actor);
  return keysetList(batchSize, {
    count: () => prisma.round.count({ where }),
    read: (page) => prisma.round.findMany({ where, orderBy: roundsOrder, select: rowSelect, ...page }),
    complete: (rows) => Promise.all(rows.map(async (round) => ({ ...round, phase: await roundPhase(round, now) }))),
  });
}

export const roundListExport: ListExport<RoundListQuery, RoundListRow> = {
  ...roundListFile,
  operation: 'exportRounds',
  targetType: 'Round',
  authScopes: roundReaders,
  refusal: '请先登录',
  parameters: {},
  list: roundList,
  columns: roundListColumns,
};
