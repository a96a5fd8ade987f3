// The whole audit log as one .xlsx, for GET /files/exports/audit-records.xlsx (list-export.route.ts
// serves it). It takes the `auditRecords` connection's own `filter`, checked by the schema's
// AuditFilter, and reads what the connection lists for the reader (audit.service.ts: the row
// rules AND the filter, newest first, the operator named as the field names them, analysts'
// details through the personal-data policy), in keyset batches on the id (list-export.ts).
import type { Prisma } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { shownDetails } from '../../auth/personal-data.ts';
import { prisma } from '../../db.ts';
import { type AuditFilter, auditActorName, auditActorSelect, auditReaders, auditRecordsOrder, auditRecordsWhere } from '../audit/audit.service.ts';
import { auditRecordListColumns, auditRecordListFile, type AuditRecordListRow } from './audit-record-sheet.ts';
import { type ExportedList, exportBatchSize, inputType, keysetList, type ListExport } from './list-export.ts';

export interface AuditRecordListQuery {
  filter: AuditFilter | null;
}

const rowSelect = {
  ...auditActorSelect,
  id: true,
  at: true,
  operation: true,
  result: true,
  actorRole: true,
  errorCode: true,
  details: true,
  targetType: true,
  targetId: true,
} as const satisfies Prisma.AuditRecordSelect;

/** The log: how many records it has for the reader and the filter, and its records in batches of `batchSize`, newest first. */
export async function auditRecordList(actor: Actor, query: AuditRecordListQuery, _now: Date, batchSize = exportBatchSize): Promise<ExportedList<AuditRecordListRow>> {
  // The log as it stands when the export starts: records written meanwhile (this download's own
  // among them) have higher ids and stay out, so the file holds as many as `total` says.
  const newest = await prisma.auditRecord.aggregate({ _max: { id: true } });
  const where = { AND: [auditRecordsWhere(actor, query.filter), { id: { lte: newest._max.id ?? 0n } }] };
  return keysetList(batchSize, {
    count: () => prisma.auditRecord.count({ where }),
    read: (page) => prisma.auditRecord.findMany({ where, orderBy: auditRecordsOrder, select: rowSelect, ...page }),
    complete: (rows) => rows.map(({ actor: operator, ...row }) => ({ ...row, actorUsername: auditActorName({ actor: operator }), details: shownDetails(actor, row.details) })),
  });
}

export const auditRecordListExport: ListExport<AuditRecordListQuery, AuditRecordListRow> = {
  ...auditRecordListFile,
  operation: 'exportAuditRecords',
  targetType: 'AuditRecord',
  authScopes: auditReaders,
  refusal: '仅自治区人社厅管理员和数据分析账号可导出审计日志',
  parameters: { filter: { type: () => inputType('AuditFilter'), example: '{"operation":"login","result":"REFUSED"}' } },
  list: auditRecordList,
  columns: auditRecordListColumns,
};
