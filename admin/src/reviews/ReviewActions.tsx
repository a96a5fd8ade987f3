// The review buttons of an application's page, for the signed-in reviewer's stage and only while
// the application waits for that stage: 用人单位 退回修改/不通过/审核通过, 地州市 退回单位/不予推荐/推荐,
// 自治区 未入选/入选. Each asks for confirmation in a dialog.
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { decisionsFor, stageOf } from './decisions.ts';
import { ReviewDialog } from './ReviewDialog.tsx';

const approving = new Set(['ENDORSE', 'RECOMMEND', 'SELECT']);

export const ReviewActions = () => {
  const record = useRecordContext<{ id: string; version: number; name: string; status: string }>();
  const { permissions } = usePermissions<Permissions>();
  const translate = useTranslate();
  const [decision, setDecision] = useState<string | null>(null);
  const stage = stageOf(permissions?.role);
  const decisions = decisionsFor(permissions?.role, record?.status);
  if (!record || !stage || !decisions.length) return null;
  return (
    <Stack direction="row" spacing={1} data-testid="review-actions">
      {decisions.map((choice) => (
        <Button
          key={choice}
          size="small"
          variant={approving.has(choice) ? 'contained' : 'outlined'}
          color={choice === 'REJECT' || choice === 'NOT_SELECT' ? 'error' : 'primary'}
          onClick={() => setDecision(choice)}
          data-decision={choice}
        >
          {translate(`tepei.review.stages.${stage}.${choice}.label`)}
        </Button>
      ))}
      {decision ? (
        <ReviewDialog
          key={decision}
          open
          onClose={() => setDecision(null)}
          stage={stage}
          decision={decision}
          application={{ id: record.id, version: record.version, name: record.name }}
        />
      ) : null}
    </Stack>
  );
};
