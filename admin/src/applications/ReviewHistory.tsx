// 审核记录: each stage's conclusion, who gave it, when, and the item-by-item findings (items
// named by their label when the console knows them, as written otherwise).
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';
import { formatDateTime } from '../common/format.ts';
import { SimpleTable } from '../common/SimpleTable.tsx';
import type { ApplicationRecord } from './types.ts';

export const ReviewHistory = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <SimpleTable
      testId="reviews"
      rows={record.reviews}
      columns={[
        { label: 'tepei.application.reviews.decidedAt', width: 150, render: (row) => formatDateTime(row.decidedAt) },
        { label: 'tepei.application.reviews.stage', width: 120, render: (row) => <EnumText enum="ReviewStage" value={row.stage} /> },
        { label: 'tepei.application.reviews.decision', width: 110, render: (row) => <EnumText enum="ReviewDecision" value={row.decision} /> },
        { label: 'tepei.application.reviews.reviewer', width: 110, render: (row) => row.reviewerName },
        { label: 'tepei.application.reviews.comment', render: (row) => row.comment },
        {
          label: 'tepei.application.reviews.conductConfirmed',
          width: 120,
          render: (row) => translate(row.conductConfirmed ? 'ra.boolean.true' : 'ra.boolean.false'),
        },
        {
          label: 'tepei.application.reviews.findings',
          render: (row) =>
            row.findings
              .map(
                (finding) =>
                  `${translate(`tepei.review.findings.items.${finding.item}`, { _: finding.item })}：${translate(`tepei.enums.FindingResult.${finding.result}`)}${finding.comment ? `（${finding.comment}）` : ''}`,
              )
              .join('；'),
        },
      ]}
    />
  );
};
