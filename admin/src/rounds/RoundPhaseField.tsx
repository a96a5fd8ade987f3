// The round's phase (the API's Round.phase): 个人申报中 / 审核推荐中 / 遴选中 by the deadlines, the
// others as the regional admin advances them.
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { LifecyclePhase, RoundRecord } from './types.ts';

const colors: Record<LifecyclePhase, 'default' | 'success' | 'info' | 'warning' | 'primary'> = {
  PREPARING: 'default',
  APPLICATIONS: 'success',
  RECOMMENDATIONS: 'info',
  SELECTION: 'warning',
  PLACEMENT: 'primary',
  ORIENTATION: 'primary',
  TRAINING: 'primary',
  CLOSED: 'default',
};

export const RoundPhaseField = (_props: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<RoundRecord>();
  if (!record) return null;
  return <Chip size="small" color={colors[record.phase]} label={translate(`tepei.lifecycle.phase.${record.phase}`)} data-phase={record.phase} />;
};
