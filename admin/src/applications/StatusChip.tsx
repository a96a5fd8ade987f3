// The application's status as a coloured chip: waiting (blue), passed on (green), stopped (grey
// or red), so that a queue reads at a glance.
import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';

const colours: Record<string, ChipProps['color']> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  RETURNED_TO_APPLICANT: 'warning',
  EMPLOYER_REJECTED: 'error',
  ENDORSED: 'primary',
  RETURNED_TO_EMPLOYER: 'warning',
  PREFECTURE_REJECTED: 'error',
  RECOMMENDED: 'secondary',
  SELECTED: 'success',
  NOT_SELECTED: 'default',
  ORIENTATION_ATTENDED: 'success',
  IN_TRAINING: 'success',
  COMPLETED: 'success',
  WITHDRAWN: 'default',
  ABANDONED: 'error',
};

export const StatusChip = ({ status }: { status?: string; label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ status: string }>();
  const value = status ?? record?.status;
  if (!value) return null;
  return <Chip size="small" color={colours[value] ?? 'default'} label={<EnumText enum="ApplicationStatus" value={value} />} data-status={value} />;
};
