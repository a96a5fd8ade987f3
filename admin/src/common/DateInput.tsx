// Every calendar date the console asks for (deadlines, birth dates, award and publication dates,
// the audit log's filter, a classified item's posting date) is typed as 年-月-日 (2026-03-05),
// whatever language the browser is set to: the browser's own date input would show and expect
// mm/dd/yyyy in an English browser. A text input that fills in the dashes as digits are typed,
// with 年-月-日 as its placeholder and a check that the date exists.
import { TextField, type TextFieldProps } from '@mui/material';
import { TextInput, useTranslate, type TextInputProps, type Validator } from 'react-admin';

/** The digits typed so far as YYYY-MM-DD: "20260305" and "2026-3-05" alike read 2026-03-05 as they grow. */
export function maskDate(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  return [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)].filter(Boolean).join('-');
}

/** Whether `value` is a whole YYYY-MM-DD date that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What the browser is told about a date input: digits on a phone's keyboard, ten characters. */
const htmlInput = { inputMode: 'numeric', maxLength: 10, autoComplete: 'off' } as const;

/** A date of a plain MUI form (round settings, classified items): `value` and `onChange` as YYYY-MM-DD text. */
export const DateTextField = ({
  value,
  onChange,
  slotProps,
  helperText,
  error,
  ...props
}: Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & { value: string; onChange: (value: string) => void }) => {
  const translate = useTranslate();
  const invalid = value !== '' && !isCalendarDate(value);
  return (
    <TextField
      {...props}
      value={value}
      onChange={(event) => onChange(maskDate(event.target.value))}
      placeholder={translate('tepei.date.placeholder')}
      error={error || invalid}
      helperText={invalid ? translate('tepei.date.invalid') : helperText}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true, ...(slotProps?.inputLabel as object) },
        htmlInput: { ...htmlInput, ...(slotProps?.htmlInput as object) },
      }}
    />
  );
};

const calendarDate: Validator = (value) => (value && !isCalendarDate(String(value)) ? 'tepei.date.invalid' : undefined);

/** The form value as the input shows it: a stored date, or an instant's date part. */
const formatDate = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : ((value as string | null | undefined) ?? ''));

/** react-admin's DateInput for every react-admin form and filter, typed as 年-月-日 text. */
export const DateInput = ({ validate, slotProps, ...props }: Omit<TextInputProps, 'type' | 'format' | 'parse'>) => {
  const translate = useTranslate();
  return (
    <TextInput
      {...props}
      format={formatDate}
      parse={(typed: string) => (typed ? maskDate(typed) : null)}
      validate={[calendarDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])]}
      placeholder={translate('tepei.date.placeholder')}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true, ...(slotProps?.inputLabel as object) },
        htmlInput: { ...htmlInput, ...(slotProps?.htmlInput as object) },
      }}
    />
  );
};
