// One audit record: who, in which role and scope, did what to which record (a link to it), with
// what result and why in words, and the request's details as the API stored them (ID and phone
// numbers already masked), one labelled line each.
import { FunctionField, Show, SimpleShowLayout, TextField, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField } from '../common/EnumField.tsx';
import { TranslatedField } from '../common/TranslatedField.tsx';
import { formatDateTime } from '../common/format.ts';
import { DetailsField, ErrorCodeField, OperatorField, TargetField } from './AuditFields.tsx';

/** The API records a scope as `region`, `area:<id>` or `unit:<id>`: shown with the area's or unit's name. */
const scopeResources: Record<string, { resource: string; node: string }> = {
  area: { resource: 'areas', node: 'Area' },
  unit: { resource: 'units', node: 'EmployerUnit' },
};

const ScopeText = ({ scope }: { scope: string | null }) => {
  const translate = useTranslate();
  const [kind = '', id = ''] = scope?.split(':') ?? [];
  const named = scopeResources[kind];
  const { data } = useGetOne<{ id: string; name: string }>(named?.resource ?? 'areas', { id: named ? btoa(`${named.node}:${id}`) : '' }, { enabled: !!named && !!id, retry: false });
  if (!scope) return <span>—</span>;
  if (kind === 'region') return <span>{translate('tepei.admin.audit.region')}</span>;
  return <span>{`${translate(`tepei.admin.audit.${kind}`, { _: kind })} ${data?.name ?? id}`}</span>;
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
      <ErrorCodeField label="resources.auditRecords.fields.errorCode" />
      <OperatorField label="resources.auditRecords.fields.actorUsername" />
      <EnumField source="actorRole" enum="Role" />
      <FunctionField source="actorScope" render={(record: { actorScope: string | null }) => <ScopeText scope={record.actorScope} />} />
      <TranslatedField source="targetType" messages="targetTypes" />
      <TargetField label="resources.auditRecords.fields.targetId" />
      <TextField source="requestId" />
      <DetailsField label="tepei.admin.audit.details" />
    </SimpleShowLayout>
  </Show>
);
