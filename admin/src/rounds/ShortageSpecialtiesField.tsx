// 紧缺专业 as chips.
import { Box, Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { RoundRecord } from './types.ts';

export const ShortageSpecialtiesField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<RoundRecord>();
  if (!record?.shortageSpecialties.length) return <span>—</span>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, maxWidth: 420 }}>
      {record.shortageSpecialties.map((specialty) => (
        <Chip key={specialty} size="small" variant="outlined" label={specialty} />
      ))}
    </Box>
  );
};
