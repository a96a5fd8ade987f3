// One audit record: who, in which role and scope, did what to which record, with what result,
// and the request's details as the API stored them (ID and phone numbers already masked).
import { Box } from '@mui/material';
import { FunctionField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField } from '../common/EnumField.tsx';
import { TranslatedField } from '../common/TranslatedField.tsx';
import { formatDateTime } from '../common/format.ts';

/** The API records a scope as `region`, `area:<id>` or `unit:<id>`. */
const ScopeText = ({ scope }: { scope: string | null }) => {
  const translate = useTranslate();
  if (!scope) return <span>—</span>;
  const [kind, id] = scope.split(':');
  return <span>{kind === 'region' ? translate('tepei.admin.audit.region') : `${translate(`tepei.admin.audit.${kind}`, { _: kind })} ${id ?? ''}`}</span>;
};

const DetailsField = (_props: { label?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<{ details: unknown }>();
  if (record?.details === null || record?.details === undefined) return <span>{translate('tepei.admin.audit.noDetails')}</span>;
  return (
    <Box component="pre" data-testid="audit-details" sx={{ m: 0, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontSize: '0.8rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(record.details, null, 2)}
    </Box>
  );
};

/** 审计记录：<operation> <time>, rather than the record's global id. */
const AuditTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<{ operation: string; at: string }>();
  if (!record) return null;
  return <span>{`${translate('resources.auditRecords.name', { smart_count: 1 })}：${translate(`tepei.operations.${record.operation}`, { _: record.operation })} ${formatDateTime(record.at)}`}</span>;
};

export const AuditRecordShow = () => (
  <Show title={<AuditTitle />}>
    <SimpleShowLayout data-testid="audit-record">
      <DateTimeField source="at" />
      <TranslatedField source="operation" messages="operations" />
      <EnumField source="result" enum="AuditResult" />
      <TextField source="errorCode" emptyText="—" />
      <TextField source="actorUsername" emptyText="—" />
      <EnumField source="actorRole" enum="Role" />
      <FunctionField source="actorScope" render={(record: { actorScope: string | null }) => <ScopeText scope={record.actorScope} />} />
      <TranslatedField source="targetType" messages="targetTypes" />
      <TextField source="targetId" emptyText="—" />
      <TextField source="requestId" />
      <DetailsField label="tepei.admin.audit.details" />
    </SimpleShowLayout>
  </Show>
);
