// 推荐条件核验: for each condition the system can check, the outcome and the facts behind it.
// Conditions 一、二 (political and moral) are the reviewer's to confirm, never computed.
import { Alert, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import { outcomeColours } from './EligibilityBadges.tsx';
import type { ApplicationRecord } from './types.ts';

export const EligibilityPanel = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const blocking = record.eligibility?.some((result) => result.blocking);
  return (
    <>
      {blocking ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('tepei.application.eligibility.blocking')}
        </Alert>
      ) : null}
      <SimpleTable
        testId="eligibility"
        rows={record.eligibility}
        columns={[
          { label: 'tepei.application.eligibility.rule', width: 140, render: (row) => <EnumText enum="EligibilityRule" value={row.rule} /> },
          {
            label: 'tepei.application.eligibility.outcome',
            width: 140,
            render: (row) => <Chip size="small" color={outcomeColours[row.outcome]} label={<EnumText enum="RuleOutcome" value={row.outcome} />} />,
          },
          { label: 'tepei.application.eligibility.reason', render: (row) => row.reason },
        ]}
      />
    </>
  );
};
