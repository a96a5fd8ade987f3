// What every list exported by the API has in common and the console bundles with it: a column
// (its field, Chinese header, width and cell), the cells' wording, and where a list is downloaded.
// Free of the database. A list's own sheet file declares its columns with these.
import { formatBeijing } from '../../clock.ts';

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

/** The column headers by field: the console's labels of the same fields. */
export function columnLabels<Field extends string>(columns: readonly { field: Field; header: string }[]): Record<Field, string> {
  return Object.fromEntries(columns.map(({ field, header }) => [field, header])) as Record<Field, string>;
}

export const listExportPrefix = '/files/exports/';

/**
 * Where a whole list is downloaded (GET, with the bearer token of /graphql): its connection's
 * own arguments, each as JSON; none given, none sent.
 */
export function listExportPath(pathname: string, args: Record<string, object | readonly object[] | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(args)) {
    if (value && (!Array.isArray(value) || value.length)) query.set(name, JSON.stringify(value));
  }
  const search = query.toString();
  return search ? `${pathname}?${search}` : pathname;
}
