// An instant of the API, in Beijing time; or a calendar date with `date`.
import { useRecordContext } from 'react-admin';
import { valueAt } from './EnumField.tsx';
import { formatDate, formatDateTime } from './format.ts';

export const DateTimeField = ({ source, date }: { source: string; date?: boolean; label?: string; sortable?: boolean; sortBy?: string }) => {
  const value = valueAt(useRecordContext(), source) as string | null | undefined;
  return <span style={{ whiteSpace: 'nowrap' }}>{date ? formatDate(value) : formatDateTime(value)}</span>;
};
