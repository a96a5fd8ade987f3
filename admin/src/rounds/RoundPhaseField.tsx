// 个人申报中 / 审核推荐中 / 遴选中 / 已结束, by the API's clock.
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFinishedRounds } from './roundState.ts';
import { phaseOf, type RoundRecord } from './types.ts';

const colors = { APPLYING: 'success', RECOMMENDING: 'info', SELECTING: 'warning', ENDED: 'default' } as const;

export const RoundPhaseField = (_props: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<RoundRecord>();
  const finished = useFinishedRounds();
  if (!record || !finished.data) return null;
  const phase = phaseOf(record, finished.data.has(record.id));
  return <Chip size="small" color={colors[phase]} label={translate(`tepei.admin.rounds.phase.${phase}`)} data-phase={phase} />;
};
