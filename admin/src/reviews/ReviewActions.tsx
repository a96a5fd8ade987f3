// The review buttons of an application's page, for the signed-in reviewer's stage and only while
// the application waits for that stage: 用人单位 退回修改/不通过/审核通过, 地州市 退回单位/不予推荐/推荐,
// 自治区 未入选/入选. Each asks for confirmation in a dialog. After the recommendation deadline the
// unit's and prefecture's buttons are disabled under a banner saying so (the API refuses them);
// after a decision, 下一份 opens the next application of the queue.
import { Alert, Stack } from '@mui/material';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useGetOne, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { formatDateTime } from '../common/format.ts';
import type { RoundRecord } from '../rounds/types.ts';
import { decisionsFor, stageOf } from './decisions.ts';
import { NextInQueueButton } from './NextInQueueButton.tsx';
import { ReviewDialog, type ReviewedApplication } from './ReviewDialog.tsx';

const approving = new Set(['ENDORSE', 'RECOMMEND', 'SELECT']);

export const ReviewActions = () => {
  const record = useRecordContext<ReviewedApplication & { status: string }>();
  const { permissions } = usePermissions<Permissions>();
  const translate = useTranslate();
  const [decision, setDecision] = useState<string | null>(null);
  // The application decided on this page (the page stays on it after the refresh).
  const [decidedId, setDecidedId] = useState<string | null>(null);
  const stage = stageOf(permissions?.role);
  const deadlineBound = stage === 'EMPLOYER' || stage === 'PREFECTURE';
  const round = useGetOne<RoundRecord>('rounds', { id: record?.round?.id ?? '' }, { enabled: !!record?.round?.id && deadlineBound });
  const decisions = decisionsFor(permissions?.role, record?.status);
  if (!record || !stage) return null;
  if (decidedId === record.id) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="review-decided">
        <NextInQueueButton stage={stage} roundYear={record.round.year} />
      </Stack>
    );
  }
  if (!decisions.length) return null;
  const closed = deadlineBound && round.data ? !round.data.isOpenForRecommendations : false;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' } }} data-testid="review-actions">
      {closed ? (
        <Alert severity="warning" sx={{ py: 0 }} data-testid="review-closed">
          {translate('tepei.review.deadlinePassed', { name: round.data!.name, deadline: formatDateTime(round.data!.recommendationDeadline) })}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {decisions.map((choice) => (
          <Button
            key={choice}
            size="small"
            variant={approving.has(choice) ? 'contained' : 'outlined'}
            color={choice === 'REJECT' || choice === 'NOT_SELECT' ? 'error' : 'primary'}
            onClick={() => setDecision(choice)}
            disabled={closed || (deadlineBound && round.isPending)}
            data-decision={choice}
          >
            {translate(`tepei.review.stages.${stage}.${choice}.label`)}
          </Button>
        ))}
      </Stack>
      {decision ? (
        <ReviewDialog
          key={decision}
          open
          onClose={() => setDecision(null)}
          onDecided={() => {
            setDecision(null);
            setDecidedId(record.id);
          }}
          stage={stage}
          decision={decision}
          application={{ id: record.id, version: record.version, name: record.name, mode: record.mode, round: record.round, area: record.area }}
        />
      ) : null}
    </Stack>
  );
};
