// The blacklist as a spreadsheet: its columns with the Chinese headers of the console's list
// (i18n resources.blacklist.fields reads them from here) and where it is downloaded. Free of the
// database, so the console bundles it.
import type { BlacklistReason } from '@tepei/db/enums';
import { blacklistReasonLabels, listingStatusLabels, listingStatusOf } from '../blacklist/blacklist-labels.ts';
import { beijingDayCell, columnLabels, instantCell, type ListColumn, listExportPath, listFile } from './list-sheet.ts';

/** One listing as the `blacklist` connection gives it to the reader (the ID number masked as the field masks it). */
export interface BlacklistRow {
  applicantName: string | null;
  applicantIdNumber: string | null;
  unit: { name: string } | null;
  reasonKind: BlacklistReason;
  reason: string;
  listedAt: Date;
  expiresAt: Date;
  isActive: boolean;
  liftedAt: Date | null;
  liftReason: string | null;
}

/** The columns, in the console list's order; the list shows the lifting's reason below its time. */
export const blacklistColumns = [
  { field: 'applicantName', header: '申报人', width: 14, value: (row: BlacklistRow) => row.applicantName },
  { field: 'applicantIdNumber', header: '身份证号', width: 20, value: (row: BlacklistRow) => row.applicantIdNumber },
  { field: 'unit.name', header: '派出单位', width: 28, value: (row: BlacklistRow) => row.unit?.name ?? null },
  { field: 'reasonKind', header: '列入原因', width: 18, value: (row: BlacklistRow) => blacklistReasonLabels[row.reasonKind] },
  { field: 'reason', header: '情况说明', width: 40, value: (row: BlacklistRow) => row.reason },
  { field: 'listedAt', header: '列入时间', width: 12, value: (row: BlacklistRow) => beijingDayCell(row.listedAt) },
  { field: 'expiresAt', header: '有效至（列入满5年）', width: 14, value: (row: BlacklistRow) => beijingDayCell(row.expiresAt) },
  { field: 'status', header: '状态', width: 8, value: (row: BlacklistRow) => listingStatusLabels[listingStatusOf(row)] },
  { field: 'liftedAt', header: '解除时间', width: 17, value: (row: BlacklistRow) => instantCell(row.liftedAt) },
  { field: 'liftReason', header: '解除原因', width: 30, value: (row: BlacklistRow) => row.liftReason },
] as const satisfies readonly ListColumn<BlacklistRow>[];

export const blacklistLabels = columnLabels(blacklistColumns);

export const blacklistFile = listFile('blacklist', '失信名单');

/** Where the whole list is downloaded: the `blacklist` connection's own `activeOnly` argument. */
export function blacklistExportPath(args: { activeOnly?: boolean | null }): string {
  return listExportPath(blacklistFile.pathname, { activeOnly: args.activeOnly });
}
