// 审计日志: the append-only record of who did what, newest first, filtered by actor, operation,
// result and Beijing dates; each row names the operator, the error in words, links the affected
// record and sums up the (masked) details; a row opens the record with all of them. It grows with
// every request: its Excel export is the API's, of the whole filtered log.
import { List, SelectInput, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput.tsx';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField } from '../common/EnumField.tsx';
import { formatDateTime } from '../common/format.ts';
import { ListGrid } from '../common/ListGrid.tsx';
import { TranslatedField } from '../common/TranslatedField.tsx';
import { enumChoices } from '../enums.ts';
import { DetailsField, ErrorCodeField, OperatorField, TargetField } from './AuditFields.tsx';
import { appMessagesZh } from '../i18n/zh-CN.ts';
import { ExportingListActions } from '../common/ExportingListActions.tsx';
import { ServerExportButton } from '../common/ServerExportButton.tsx';
import { auditRecordListExportPath } from '../../../api/src/modules/exports/audit-record-sheet.ts';

const operationChoices = Object.keys(appMessagesZh.tepei.operations).map((operation) => ({ id: operation, name: `tepei.operations.${operation}` }));

const filters = [
  <TextInput key="actorUsername" source="actorUsername" alwaysOn />,
  <SelectInput key="operation" source="operation" choices={operationChoices} alwaysOn />,
  <SelectInput key="result" source="result" choices={enumChoices('AuditResult')} alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="targetId" source="targetId" />,
];

/** A record on a phone: when, what and how it ended, by whom. */
const phoneRow = {
  primaryText: () => <TranslatedField source="operation" messages="operations" />,
  secondaryText: (record: { at: string }) => (
    <>
      {formatDateTime(record.at)} · <OperatorField />
    </>
  ),
  tertiaryText: () => (
    <>
      <EnumField source="result" enum="AuditResult" /> <ErrorCodeField />
    </>
  ),
};

export const AuditRecordList = () => (
  <List filters={filters} perPage={25} actions={<ExportingListActions exportButton={<ServerExportButton exportPath={auditRecordListExportPath} testId="export-audit-records" />} />} sort={{ field: 'at', order: 'DESC' }}>
    <ListGrid phone={phoneRow} bulkActionButtons={false} rowClick="show" data-testid="audit-list">
      <DateTimeField source="at" sortable={false} />
      <TranslatedField source="operation" messages="operations" sortable={false} />
      <EnumField source="result" enum="AuditResult" sortable={false} />
      <OperatorField label="resources.auditRecords.fields.actorUsername" />
      <EnumField source="actorRole" enum="Role" sortable={false} />
      <ErrorCodeField label="resources.auditRecords.fields.errorCode" />
      <DetailsField label="resources.auditRecords.fields.details" compact />
      {/* Last, away from the middle of the row, where a click opens the audit record itself. */}
      <TargetField label="resources.auditRecords.fields.targetId" />
    </ListGrid>
  </List>
);
