// The whole blacklist as one .xlsx, for GET /files/exports/blacklist.xlsx (list-export.route.ts
// serves it). It takes the `blacklist` connection's own `activeOnly` and reads what the
// connection lists for the reader (blacklist.service.ts: the row rules AND, when asked, the
// listings in force, newest first), the ID number as the field gives it (shownIdNumber: none of
// its characters for analysts) and whether each listing is in force now (isListingInForce).
import type { Prisma } from '@tepei/db/client';
import { isListingInForce } from '@tepei/db/reference/blacklist-term';
import type { Actor } from '../../auth/actor.ts';
import { shownIdNumber } from '../../auth/personal-data.ts';
import { prisma } from '../../db.ts';
import { blacklistOrder, blacklistReaders, blacklistWhere } from '../blacklist/blacklist.service.ts';
import { blacklistColumns, blacklistFile, type BlacklistRow } from './blacklist-sheet.ts';
import { type ExportedList, exportBatchSize, inputType, keysetList, type ListExport } from './list-export.ts';

export interface BlacklistQuery {
  activeOnly: boolean | null;
}

const rowSelect = {
  id: true,
  applicantName: true,
  applicantIdNumber: true,
  unit: { select: { name: true } },
  reasonKind: true,
  reason: true,
  listedAt: true,
  expiresAt: true,
  liftedAt: true,
  liftReason: true,
} as const satisfies Prisma.BlacklistEntrySelect;

export async function blacklistEntries(actor: Actor, query: BlacklistQuery, now: Date, batchSize = exportBatchSize): Promise<ExportedList<BlacklistRow>> {
  const where = blacklistWhere(actor, { activeAt: query.activeOnly ? now : null });
  return keysetList(batchSize, {
    count: () => prisma.blacklistEntry.count({ where }),
    read: (page) => prisma.blacklistEntry.findMany({ where, orderBy: blacklistOrder, select: rowSelect, ...page }),
    complete: (rows) =>
      rows.map((entry) => ({
        ...entry,
        applicantIdNumber: entry.applicantIdNumber ? shownIdNumber(actor, entry.applicantIdNumber) : null,
        isActive: isListingInForce(entry, now),
      })),
  });
}

export const blacklistExport: ListExport<BlacklistQuery, BlacklistRow> = {
  ...blacklistFile,
  operation: 'exportBlacklist',
  targetType: 'BlacklistEntry',
  authScopes: blacklistReaders,
  refusal: '仅自治区人社厅、数据分析账号和审核人可导出失信名单',
  parameters: { activeOnly: { type: () => inputType('Boolean'), example: 'true' } },
  list: blacklistEntries,
  columns: blacklistColumns,
};
