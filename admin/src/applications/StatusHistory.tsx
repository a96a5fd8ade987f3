// 状态历史: every transition, who made it, when and why.
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';
import { formatDateTime } from '../common/format.ts';
import { SimpleTable } from '../common/SimpleTable.tsx';
import type { ApplicationRecord } from './types.ts';

export const StatusHistory = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <SimpleTable
      testId="status-history"
      rows={record.statusHistory}
      columns={[
        { label: 'tepei.application.history.at', width: 150, render: (row) => formatDateTime(row.at) },
        { label: 'tepei.application.history.from', render: (row) => <EnumText enum="ApplicationStatus" value={row.fromStatus} /> },
        { label: 'tepei.application.history.to', render: (row) => <EnumText enum="ApplicationStatus" value={row.toStatus} /> },
        {
          label: 'tepei.application.history.actor',
          render: (row) =>
            [row.actorName, row.actorRole ? translate(`tepei.enums.Role.${row.actorRole}`, { _: row.actorRole }) : null].filter(Boolean).join(' · '),
        },
        { label: 'tepei.application.history.reason', render: (row) => row.reason },
      ]}
    />
  );
};
