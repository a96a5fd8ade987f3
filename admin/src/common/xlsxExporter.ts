// Excel export of any list the browser writes (ListExportButton.tsx): a real .xlsx
// (write-excel-file, loaded only when someone exports). The columns are the list's own fields
// in the order the list asks for them, headed by their labels (resources.<name>.fields.*); the
// API's schema says which values are enums, instants or booleans so that each is written as
// reviewers read it (labels, Beijing time, 是/否). The rows are what the API gave this reader,
// so what it masks stays masked.
import { getNamedType, isEnumType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { resourceSpec } from '../dataProvider/resources.ts';
import { apiSchema } from '../dataProvider/schema.ts';
import { i18nProvider } from '../i18n/index.ts';
import { beijingDate, formatDateTime } from './format.ts';

type Cell = string | number | null;

/** Fields the reader has no use for in a spreadsheet. */
const hidden = new Set(['id', '__typename', 'version', 'cursor']);

function translate(key: string, fallback: string): string {
  return i18nProvider.translate(key, { _: fallback });
}

/** The object type of one row: the resource's node type, or its connection's. */
function rowType(resource: string): GraphQLObjectType | null {
  const spec = resourceSpec(resource);
  const schema = apiSchema();
  if (spec.nodeType) {
    const type = schema.getType(spec.nodeType);
    return isObjectType(type) ? type : null;
  }
  const root = schema.getQueryType()?.getFields()[spec.root];
  const connection = root && getNamedType(root.type);
  if (!spec.paginated) return isObjectType(connection) ? connection : null;
  const edges = isObjectType(connection) ? connection.getFields().edges : undefined;
  const edge = edges && getNamedType(edges.type);
  const node = isObjectType(edge) ? edge.getFields().node : undefined;
  const type = node && getNamedType(node.type);
  return isObjectType(type) ? type : null;
}

/** One value as a cell, read through the field's type in the schema. */
function cellOf(value: unknown, field: GraphQLField<unknown, unknown> | undefined): Cell {
  if (value === null || value === undefined || value === '') return null;
  const type = field ? getNamedType(field.type) : undefined;
  if (Array.isArray(value)) {
    const item = isObjectType(type) ? type : undefined;
    return value.map((element) => (item && element && typeof element === 'object' ? summary(element as Record<string, unknown>, item) : String(element))).join('；') || null;
  }
  if (type && isEnumType(type)) return translate(`tepei.enums.${type.name}.${String(value)}`, String(value));
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false', value ? '是' : '否');
  if (type?.name === 'DateTime') return formatDateTime(String(value));
  if (type?.name === 'Date') return String(value).slice(0, 10);
  if (typeof value === 'number') return value;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.name === 'string') return object.name;
    return isObjectType(type) ? summary(object, type) : JSON.stringify(object);
  }
  return String(value);
}

/** A nested object in one cell: its enum values by label, else its plain values, joined. */
function summary(object: Record<string, unknown>, type: GraphQLObjectType): string {
  if (typeof object.name === 'string') return object.name;
  const fields = type.getFields();
  const entries = Object.entries(object).filter(([key, value]) => !hidden.has(key) && value !== null && value !== undefined && value !== '');
  const enums = entries.filter(([key]) => isEnumType(getNamedType(fields[key]!.type)));
  return (enums.length ? enums : entries).map(([key, value]) => String(cellOf(value, fields[key]))).join('：');
}

/** The sheet of a list: a header of labels, then one line per record. */
export function sheetOf(resource: string, records: Record<string, unknown>[]): Cell[][] {
  const type = rowType(resource);
  const fields = type?.getFields() ?? {};
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))].filter((key) => !hidden.has(key));
  const header = columns.map((key) => translate(`resources.${resource}.fields.${key}`, key));
  const rows = records.map((record) => columns.map((key) => cellOf(record[key], fields[key] ?? undefined)));
  return [header, ...rows];
}

/** `<list name>-<Beijing date>.xlsx`. */
export function exportFileName(resource: string, now = new Date()): string {
  const name = translate(`resources.${resource}.name`, resource).split('||||').pop()!.trim();
  return `${name}-${beijingDate(now.toISOString())}.xlsx`;
}

export async function xlsxBlob(resource: string, records: Record<string, unknown>[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const sheet = sheetOf(resource, records);
  const widths = sheet[0]!.map((_, column) => ({
    width: Math.min(60, Math.max(8, ...sheet.slice(0, 200).map((row) => String(row[column] ?? '').length * 2 + 2))),
  }));
  const data = sheet.map((row, index) => row.map((value) => (value === null ? null : index === 0 ? { value, fontWeight: 'bold' as const } : { value })));
  return writeXlsxFile(data, { sheet: translate(`resources.${resource}.name`, resource).split('||||').pop()!.trim().slice(0, 31), columns: widths, stickyRowsCount: 1 }).toBlob();
}
