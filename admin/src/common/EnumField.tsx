// A value of one of the API's enums, shown by its label in the current language.
import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey, type EnumName } from '../enums.ts';

export interface EnumFieldProps {
  source: string;
  enum: EnumName;
  /** Column header: react-admin's Datagrid reads these props of its children. */
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

/** The value at a dotted path, e.g. `unit.name`. */
export function valueAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);
}

export function EnumText({ enum: name, value }: { enum: EnumName; value: unknown }) {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return null;
  return <>{translate(enumLabelKey(name, String(value)), { _: String(value) })}</>;
}

export const EnumField = ({ source, enum: name }: EnumFieldProps) => {
  const record = useRecordContext();
  return (
    <span>
      <EnumText enum={name} value={valueAt(record, source)} />
    </span>
  );
};
