// The Beijing calendar date of an instant: a listing runs from one day to the same day 5 years on.
import { useRecordContext } from 'react-admin';
import { valueAt } from '../common/EnumField.tsx';
import { beijingDate } from '../common/format.ts';

export const BeijingDateField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const value = valueAt(useRecordContext(), source) as string | null | undefined;
  return <span style={{ whiteSpace: 'nowrap' }}>{beijingDate(value)}</span>;
};
