// When and why a listing was lifted, in one cell.
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatDateTime } from '../common/format.ts';

export const LiftedField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ liftedAt: string | null; liftReason: string | null }>();
  if (!record?.liftedAt) return <span>—</span>;
  return (
    <>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(record.liftedAt)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {record.liftReason}
      </Typography>
    </>
  );
};
