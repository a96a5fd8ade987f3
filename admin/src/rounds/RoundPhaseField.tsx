// 个人申报中 / 审核推荐中 / 已结束, by the API's clock.
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { phaseOf, type RoundRecord } from './types.ts';

const colors = { APPLYING: 'success', RECOMMENDING: 'info', ENDED: 'default' } as const;

export const RoundPhaseField = (_props: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<RoundRecord>();
  if (!record) return null;
  const phase = phaseOf(record);
  return <Chip size="small" color={colors[phase]} label={translate(`tepei.admin.rounds.phase.${phase}`)} data-phase={phase} />;
};
