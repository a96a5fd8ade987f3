// A code the API stores as a plain string (an audit operation, a target type), shown by its
// label under `tepei.<messages>.<code>`, or as it is when there is none.
import { useRecordContext, useTranslate } from 'react-admin';
import { valueAt } from './EnumField.tsx';

export const TranslatedField = ({ source, messages }: { source: string; messages: string; label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const value = valueAt(useRecordContext(), source);
  if (value === null || value === undefined || value === '') return <span>—</span>;
  return <span>{translate(`tepei.${messages}.${String(value)}`, { _: String(value) })}</span>;
};
