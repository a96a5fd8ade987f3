// The head of an application's page: who, from where, which mode, in which status.
import { Box, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';
import { formatDateTime } from '../common/format.ts';
import { StatusChip } from './StatusChip.tsx';
import type { ApplicationRecord } from './types.ts';

export const ApplicationSummary = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const field = (name: string) => translate(`resources.applications.fields.${name}`);
  return (
    <Box sx={{ px: 2, pt: 2, pb: 1 }} data-testid="application-summary">
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
        <Typography variant="h5" component="h2">
          {record.name}
        </Typography>
        <StatusChip />
        <Typography variant="body2" color="text.secondary">
          {record.round?.name} · <EnumText enum="TrainingMode" value={record.mode} /> · {record.trainingSpecialty}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {field('unit')}：{record.unit?.name}　{field('area')}：{record.area?.name}
        {record.serialNumber ? `　${field('serialNumber')}：${record.serialNumber}` : ''}
        {record.submittedAt ? `　${field('submittedAt')}：${formatDateTime(record.submittedAt as string)}` : ''}
      </Typography>
    </Box>
  );
};
