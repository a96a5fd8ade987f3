// A whole list as one .xlsx, streamed (GET /files/exports/<list>.xlsx, list-export.route.ts):
// what every such export shares. A list is added by declaring a ListExport: its columns
// (<list>-sheet.ts, free of the database), its connection's arguments by their input types in
// the schema, and its batch query. Arguments arrive as JSON query parameters and are coerced by
// the schema's input types as GraphQL variables are; rows are read a batch at a time after a
// keyset cursor on the list's order, and written through exceljs' streaming writer a batch only
// when the client has taken the bytes before it: memory stays flat however long the list is.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { coerceInputValue, GraphQLList, GraphQLNonNull, isInputType, type GraphQLInputType } from 'graphql';
import type { Actor } from '../../auth/actor.ts';
import { shownText } from '../../auth/personal-data.ts';
import type { ScopeMap } from '../../auth/scope-check.ts';
import { FieldProblems } from '../../errors/domain-errors.ts';
import { schema } from '../../schema.ts';
import type { ListColumn, ListFile } from './list-sheet.ts';

/** Rows a statement reads: the page size of the lists' reads, times ten. */
export const exportBatchSize = 1000;

/** One argument of the list's connection: its input type in the schema, and an example for the message when it is no JSON. */
export interface ListParameter {
  type: () => GraphQLInputType;
  example: string;
}

/** How many rows a list has, and its rows in batches. */
export interface ExportedList<Row> {
  total: number;
  batches: AsyncGenerator<Row[]>;
}

/** A list's sheet: what it is called, and its columns. */
export interface ListSheet<Row> {
  sheetName: string;
  columns: readonly ListColumn<Row>[];
}

/**
 * A list's export. Its file (ListFile, list-sheet.ts): where it is downloaded, under
 * /files/exports/, and what the file and its sheet are called; and the sheet's columns.
 */
export interface ListExport<Query, Row> extends ListFile, ListSheet<Row> {
  /** The audit operation of a download, and the kind of record the list holds. */
  operation: string;
  targetType: string;
  /** Who may export: the connection's own `authScopes`, evaluated as the field's (auth/scope-check.ts); others are refused with `refusal`. */
  authScopes: ScopeMap;
  refusal: string;
  /** The connection's own arguments, by name. */
  parameters: Record<keyof Query & string, ListParameter>;
  /**
   * How many rows the list has for the reader and the query, and its rows in batches of
   * `batchSize` (keysetBatches), as the reader gets them (personal data as the GraphQL field
   * gives it). A ValidationFailedError, before any read, for what the reader may not ask.
   */
  list(actor: Actor, query: Query, now: Date, batchSize?: number): Promise<ExportedList<Row>>;
}

/** A named input type of the schema: an input object, an enum or a scalar. */
export function inputType(name: string): GraphQLInputType {
  const type = schema.getType(name);
  if (!isInputType(type)) throw new Error(`${name} is no input type of the schema`);
  return type;
}

/** `[Name!]` of a named input type. */
export function inputListType(name: string): GraphQLInputType {
  return new GraphQLList(new GraphQLNonNull(inputType(name)));
}

/** One query parameter, as JSON, coerced by the schema's input type as a GraphQL variable is. */
function parameter(search: URLSearchParams, name: string, { type, example }: ListParameter, problems: FieldProblems): unknown {
  const text = search.get(name);
  if (text === null || text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.add([name], `${name} 应为 JSON，例如 ${example}`);
    return null;
  }
  const before = problems.problems.length;
  const value = coerceInputValue(json, type(), (path, _invalid, error) => {
    const unknown = /Field "(\w+)" is not defined/.exec(error.message)?.[1];
    const where = [name, ...path.map(String), ...(unknown ? [unknown] : [])];
    problems.add(where, unknown ? '没有这个条件' : /required/i.test(error.message) ? '缺少必填项' : '取值无效，可用的条件与取值见 schema.graphql');
  });
  return problems.problems.length > before ? null : value;
}

/** `?<argument>=<JSON>&…` as the connection's arguments; a ValidationFailedError listing every problem at its path when they are not. */
export function listQuery<Query>(parameters: Record<keyof Query & string, ListParameter>, search: URLSearchParams): Query {
  const problems = new FieldProblems();
  const query = Object.fromEntries(Object.entries<ListParameter>(parameters).map(([name, spec]) => [name, parameter(search, name, spec, problems)]));
  problems.throwIfAny();
  return query as Query;
}

/** Prisma's cursor arguments of one batch: the first, or the one after the last row of the batch before. */
export type BatchPage<Id> = { take: number } | { take: number; cursor: { id: Id }; skip: 1 };

/**
 * The rows in batches of `batchSize`, each read after the last row of the one before (Prisma's
 * cursor: a keyset on the list's order, which must end on the id), each completed as a whole
 * (what the reader gets of it, values computed for the whole batch in a few statements).
 */
export async function* keysetBatches<Raw extends { id: Id }, Row, Id = Raw['id']>(
  batchSize: number,
  read: (page: BatchPage<Id>) => Promise<Raw[]>,
  complete: (rows: Raw[]) => Row[] | Promise<Row[]>,
): AsyncGenerator<Row[]> {
  let after: Id | null = null;
  for (;;) {
    const rows: Raw[] = await read(after === null ? { take: batchSize } : { take: batchSize, cursor: { id: after }, skip: 1 });
    if (!rows.length) return;
    yield await complete(rows);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}

/** A list's count and its keyset batches (keysetBatches): what a list's batch query declares. */
export async function keysetList<Raw extends { id: Id }, Row, Id = Raw['id']>(
  batchSize: number,
  query: { count: () => Promise<number>; read: (page: BatchPage<Id>) => Promise<Raw[]>; complete: (rows: Raw[]) => Row[] | Promise<Row[]> },
): Promise<ExportedList<Row>> {
  return { total: await query.count(), batches: keysetBatches(batchSize, query.read, query.complete) };
}

/** Bytes the response may hold that the client has not taken yet, before the next batch is read. */
const bufferedBytes = 256 * 1024;

/**
 * The workbook of the batches, as the body of a response. Every cell goes through the
 * personal-data policy as every GraphQL answer does (shownText). `onFailure` hears of an error
 * after the first bytes have left, when no status can be sent any more.
 */
export function listXlsx<Row>(
  actor: Actor,
  { sheetName, columns }: ListSheet<Row>,
  batches: AsyncGenerator<Row[]>,
  now: Date,
  onFailure: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  let pulled: (() => void) | null = null;
  const taken = () => new Promise<void>((resolve) => (pulled = resolve));
  const body = new ReadableStream<Uint8Array>(
    {
      start: (started) => void (controller = started),
      pull: () => {
        pulled?.();
        pulled = null;
      },
      cancel: () => {
        cancelled = true;
        pulled?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: bufferedBytes }),
  );
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!cancelled) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      done();
    },
  });

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = '新疆少数民族科技骨干特殊培养管理系统';
  workbook.created = now;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  void (async () => {
    try {
      for await (const batch of batches) {
        for (const record of batch) {
          const row = sheet.addRow(columns.map((column) => {
            const value = column.value(record);
            return value === null ? null : shownText(actor, value);
          }));
          // Text throughout: a trainee number must not turn into a number or a date.
          row.eachCell((cell) => void (cell.numFmt = '@'));
          row.commit();
        }
        while (!cancelled && (controller.desiredSize ?? 0) <= 0) await taken();
        if (cancelled) return;
      }
      sheet.commit();
      await workbook.commit();
      if (!cancelled) controller.close();
    } catch (error) {
      onFailure(error);
      if (!cancelled) controller.error(error);
    }
  })();
  return body;
}
