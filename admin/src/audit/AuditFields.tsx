// The parts of an audit record a reader needs in words: who acted (for a sign-in, the account
// that signed in, which the API records in the details since the request had no actor yet),
// what the error code means, the affected record as a link to its page, and the details.
import { Box, Link } from '@mui/material';
import { useCreatePath, useRecordContext, useResourceDefinitions, useTranslate } from 'react-admin';
import type { MouseEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { detailLines } from './auditDetails.ts';

export interface AuditRecordRow {
  id: string;
  operation: string;
  actorUsername: string | null;
  targetType: string | null;
  targetId: string | null;
  errorCode: string | null;
  details: unknown;
}

/** An applicant's username is their ID number (masked in the details): named by role, as the API does for actorUsername. */
const looksLikeIdNumber = (username: string) => /^[\dX*]{15,18}$/i.test(username);

function signedInAs(record: AuditRecordRow): string | null {
  if (record.operation !== 'login' && record.operation !== 'register') return null;
  const username = (record.details as { username?: unknown } | null)?.username;
  return record.operation === 'register' || typeof username !== 'string' ? null : username;
}

export const OperatorField = (_props: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<AuditRecordRow>();
  if (!record) return null;
  const username = record.actorUsername ?? signedInAs(record);
  const name = username ? (looksLikeIdNumber(username) ? translate('tepei.admin.audit.applicant') : username) : record.operation === 'register' ? translate('tepei.admin.audit.applicant') : '—';
  return <span data-testid="audit-operator">{name}</span>;
};

export const ErrorCodeField = (_props: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const code = useRecordContext<AuditRecordRow>()?.errorCode;
  if (!code) return <span>—</span>;
  return (
    <span title={code} data-testid="audit-error">
      {translate(`tepei.admin.audit.errorCodes.${code}`, { _: translate('tepei.admin.audit.unknownError', { code }) })}
    </span>
  );
};

/** Where each kind of target is shown in the console; `node` when its records' ids there are the API's global ids. */
const targetRoutes: Record<string, { resource: string; node?: string }> = {
  Application: { resource: 'applications', node: 'Application' },
  AuditRecord: { resource: 'auditRecords', node: 'AuditRecord' },
  Round: { resource: 'rounds', node: 'Round' },
  BlacklistEntry: { resource: 'blacklist', node: 'BlacklistEntry' },
  User: { resource: 'users' },
  EmployerUnit: { resource: 'units', node: 'EmployerUnit' },
  Area: { resource: 'areas', node: 'Area' },
  QuotaAllocation: { resource: 'quotas' },
};

/** The console page of an audit record's target: its own page where the role has one, else its list. */
function useTargetPath(record: AuditRecordRow | undefined): string | null {
  const definitions = useResourceDefinitions();
  const createPath = useCreatePath();
  const route = record?.targetType ? targetRoutes[record.targetType] : undefined;
  const definition = route ? definitions[route.resource] : undefined;
  if (!record?.targetId || !route || !definition) return null;
  // The API's global id of a node is base64 of "<Type>:<id>" (Relay's convention, as Pothos encodes it).
  const id = route.node ? btoa(`${route.node}:${record.targetId}`) : record.targetId;
  if (route.node && definition.hasShow) return createPath({ resource: route.resource, type: 'show', id });
  if (route.node && definition.hasEdit) return createPath({ resource: route.resource, type: 'edit', id });
  return definition.hasList ? createPath({ resource: route.resource, type: 'list' }) : null;
}

export const TargetField = (_props: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<AuditRecordRow>();
  const path = useTargetPath(record);
  if (!record?.targetType) return <span>—</span>;
  const type = translate(`tepei.targetTypes.${record.targetType}`, { _: record.targetType });
  const text = record.targetId ? `${type} ${record.targetId.slice(0, 8)}` : type;
  if (!path) return <span title={record.targetId ?? undefined}>{text}</span>;
  return (
    <Link
      component={RouterLink}
      to={path}
      title={translate('tepei.admin.audit.openTarget', { type })}
      data-testid="audit-target-link"
      // Inside a row that opens the audit record itself.
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Link>
  );
};

/** Label：value lines; `compact` for a list cell (two lines at most, the rest on the record's page). */
export const DetailsField = ({ compact = false }: { label?: string; sortable?: boolean; compact?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<AuditRecordRow>();
  const lines = record?.details === null || record?.details === undefined ? [] : detailLines(translate, record.details);
  if (!lines.length) return <span>{translate('tepei.admin.audit.noDetails')}</span>;
  if (compact) {
    return (
      <Box component="span" data-testid="audit-details-summary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', maxWidth: 320, fontSize: '0.8125rem', color: 'text.secondary' }}>
        {lines.map((line) => `${line.label}：${line.value}`).join('；')}
      </Box>
    );
  }
  return (
    <Box component="dl" data-testid="audit-details" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, fontSize: '0.875rem' }}>
      {lines.map((line, index) => (
        <Box key={index} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ color: 'text.secondary' }}>
            {line.label}
          </Box>
          <Box component="dd" sx={{ m: 0, wordBreak: 'break-all' }}>
            {line.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
};
