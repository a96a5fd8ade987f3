// What every list exported by the API has in common and the console bundles with it: a column
// (its field, Chinese header, width and cell), the cells' wording, and where a list is downloaded.
// Free of the database. A list's own sheet file declares its columns with these.
import { beijingDate, formatBeijing } from '../../clock.ts';

export type Cell = string | null;

/** One column of a list's sheet: `field` is the list's field whose label `header` is. */
export interface ListColumn<Row> {
  field: string;
  header: string;
  width: number;
  value: (row: Row) => Cell;
}

export const labelOf = <T extends string>(labels: Record<T, string>, value: T | null): Cell => (value === null ? null : labels[value]);
export const instantCell = (value: Date | null): Cell => (value ? formatBeijing(value) : null);
export const joinedCell = (values: readonly string[]): Cell => values.join('；') || null;
/** The Beijing calendar day of an instant (a listing runs from one day to the same day five years on). */
export const beijingDayCell = (value: Date | null): Cell => (value ? beijingDate(value) : null);
/** A calendar date (a `Date` scalar, a @db.Date column at midnight UTC) as YYYY-MM-DD. */
export const calendarDateCell = (value: Date | string | null): Cell => (value === null ? null : (value instanceof Date ? value.toISOString() : value).slice(0, 10));
export const yesNoCell = (value: boolean): Cell => (value ? '是' : '否');
export const countCell = (value: number): Cell => String(value);

/** The column headers by field: the console's labels of the same fields. */
export function columnLabels<Field extends string>(columns: readonly { field: Field; header: string }[]): Record<Field, string> {
  return Object.fromEntries(columns.map(({ field, header }) => [field, header])) as Record<Field, string>;
}

export const listExportPrefix = '/files/exports/';

/** Where a list's file is downloaded, and what the file and its sheet are called. */
export interface ListFile {
  pathname: string;
  sheetName: string;
  /** `<sheet>-<Beijing date>.xlsx`, as the console's other files. */
  fileName(now: Date): string;
  /** The same with the list's path name, for clients that know ASCII only. */
  asciiFileName(now: Date): string;
}

/** A list downloaded at /files/exports/<name>.xlsx, its sheet called `sheetName`. */
export function listFile(name: string, sheetName: string): ListFile {
  return {
    pathname: `${listExportPrefix}${name}.xlsx`,
    sheetName,
    fileName: (now) => `${sheetName}-${beijingDate(now)}.xlsx`,
    asciiFileName: (now) => `${name}-${beijingDate(now)}.xlsx`,
  };
}

/**
 * Where a whole list is downloaded (GET, with the bearer token of /graphql): its connection's
 * own arguments, each as JSON; none given, none sent.
 */
export function listExportPath(pathname: string, args: Record<string, string | boolean | object | readonly object[] | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(args)) {
    if (value !== null && value !== undefined && value !== '' && (!Array.isArray(value) || value.length)) query.set(name, JSON.stringify(value));
  }
  const search = query.toString();
  return search ? `${pathname}?${search}` : pathname;
}
