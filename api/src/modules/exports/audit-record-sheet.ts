// The audit log as a spreadsheet: its columns with the Chinese headers of the console's list
// (i18n resources.auditRecords.fields reads them from here), the file's name and where it is
// downloaded. Free of the database, so the console bundles it.
import type { AuditResult, Role } from '@tepei/db/enums';
import { roleLabels } from '../accounts/role-labels.ts';
import { auditErrorCodeLabels, auditOperationLabels, auditResultLabels, auditTargetTypeLabels } from '../audit/audit-labels.ts';
import { columnLabels, instantCell, labelOf, type ListColumn, listExportPath, listFile } from './list-sheet.ts';

/** One record as the `auditRecords` connection gives it to the reader. */
export interface AuditRecordListRow {
  at: Date;
  operation: string;
  result: AuditResult;
  actorUsername: string | null;
  actorRole: Role | null;
  errorCode: string | null;
  details: unknown;
  targetType: string | null;
  targetId: string | null;
}

const operations: Record<string, string> = auditOperationLabels;

/** The columns, in the console list's order. */
export const auditRecordListColumns = [
  { field: 'at', header: '时间', width: 17, value: (row: AuditRecordListRow) => instantCell(row.at) },
  { field: 'operation', header: '操作', width: 22, value: (row: AuditRecordListRow) => operations[row.operation] ?? row.operation },
  { field: 'result', header: '结果', width: 8, value: (row: AuditRecordListRow) => auditResultLabels[row.result] },
  { field: 'actorUsername', header: '操作人', width: 16, value: (row: AuditRecordListRow) => row.actorUsername },
  { field: 'actorRole', header: '角色', width: 18, value: (row: AuditRecordListRow) => labelOf(roleLabels, row.actorRole) },
  { field: 'errorCode', header: '错误代码', width: 20, value: (row: AuditRecordListRow) => (row.errorCode ? (auditErrorCodeLabels[row.errorCode] ?? row.errorCode) : null) },
  { field: 'details', header: '详情', width: 60, value: (row: AuditRecordListRow) => (row.details === null || row.details === undefined ? null : JSON.stringify(row.details)) },
  {
    field: 'targetId',
    header: '对象',
    width: 46,
    value: (row: AuditRecordListRow) => (row.targetType ? [auditTargetTypeLabels[row.targetType] ?? row.targetType, row.targetId].filter(Boolean).join(' ') : null),
  },
] as const satisfies readonly ListColumn<AuditRecordListRow>[];

/** The column headers by field: the console's labels of the same fields. */
export const auditRecordListLabels = columnLabels(auditRecordListColumns);

export const auditRecordListFile = listFile('audit-records', '审计日志');

/** Where the whole log is downloaded: the `auditRecords` connection's own `filter` argument. */
export function auditRecordListExportPath(args: { filter?: object | null }): string {
  return listExportPath(auditRecordListFile.pathname, { filter: args.filter });
}
