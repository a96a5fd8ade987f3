// The whole applications list as one .xlsx, for GET /files/exports/applications.xlsx
// (forms.routes.ts serves it, authenticated and audited as the form files are). The query
// takes the `applications` connection's own `filter` and `orderBy`, checked by the schema's
// input types and turned into the same where and order (applicationListArguments: the row
// rules AND the filter). Rows are read a batch at a time after a keyset cursor on the list's
// order and written through exceljs' streaming writer, a batch only when the client has taken
// the bytes before it: memory stays flat however long the list is (200,000 rows region-wide).
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { coerceInputValue, GraphQLList, GraphQLNonNull, isInputObjectType, type GraphQLInputType } from 'graphql';
import type { Prisma } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { shownText } from '../../auth/personal-data.ts';
import { prisma } from '../../db.ts';
import { FieldProblems } from '../../errors/domain-errors.ts';
import { schema } from '../../schema.ts';
import { type ApplicationFilter, applicationListArguments, type ApplicationOrder } from '../applications/application-filter.ts';
import { signedScansSelect, loadMissingSignedScans } from '../documents/signed-scans.ts';
import { eligibilitySelect, loadEligibility } from '../eligibility/eligibility.loader.ts';
import { applicationListColumns, type ApplicationListRow, applicationListSheetName } from './application-list-sheet.ts';

/** Rows a statement reads: the page size of the list's reads, times ten. */
export const exportBatchSize = 1000;

export interface ApplicationListQuery {
  filter: ApplicationFilter | null;
  orderBy: ApplicationOrder[] | null;
}

function inputType(name: string): GraphQLInputType {
  const type = schema.getType(name);
  if (!isInputObjectType(type)) throw new Error(`${name} is no input type of the schema`);
  return type;
}

/** One query parameter, as JSON, coerced by the schema's input type as a GraphQL variable is. */
function parameter<T>(search: URLSearchParams, name: string, type: GraphQLInputType, problems: FieldProblems): T | null {
  const text = search.get(name);
  if (text === null || text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.add([name], `${name} 应为 JSON，例如 ${name === 'filter' ? '{"roundYear":2027,"statuses":["SUBMITTED"]}' : '[{"field":"NAME","direction":"ASC"}]'}`);
    return null;
  }
  const before = problems.problems.length;
  const value = coerceInputValue(json, type, (path, _invalid, error) => {
    const unknown = /Field "(\w+)" is not defined/.exec(error.message)?.[1];
    const where = [name, ...path.map(String), ...(unknown ? [unknown] : [])];
    problems.add(where, unknown ? '没有这个条件' : /required/i.test(error.message) ? '缺少必填项' : '取值无效，可用的条件与取值见 schema.graphql');
  });
  return problems.problems.length > before ? null : (value as T);
}

/** `?filter=<ApplicationFilter JSON>&orderBy=<[ApplicationOrder] JSON>`; a ValidationFailedError when they are not. */
export function applicationListQuery(search: URLSearchParams): ApplicationListQuery {
  const problems = new FieldProblems();
  const filter = parameter<ApplicationFilter>(search, 'filter', inputType('ApplicationFilter'), problems);
  const orderBy = parameter<ApplicationOrder[]>(search, 'orderBy', new GraphQLList(new GraphQLNonNull(inputType('ApplicationOrder'))), problems);
  problems.throwIfAny();
  return { filter, orderBy };
}

const rowSelect = {
  ...eligibilitySelect,
  ...signedScansSelect,
  serialNumber: true,
  name: true,
  gender: true,
  mode: true,
  statusChangedAt: true,
  submittedAt: true,
  updatedAt: true,
  unit: { select: { name: true } },
  area: { select: { name: true } },
} as const satisfies Prisma.ApplicationSelect;

/**
 * The list: how many rows it has, and its rows in batches of `batchSize`, each after the last
 * row of the one before (Prisma's cursor: a keyset on the list's order, which ends on the id),
 * each with its eligibility and missing scans computed for the whole batch in a few statements.
 * A ValidationFailedError, before any read, for a filter or order the reader may not use.
 */
export async function applicationList(
  actor: Actor,
  query: ApplicationListQuery,
  now: Date,
  batchSize = exportBatchSize,
): Promise<{ total: number; batches: AsyncGenerator<ApplicationListRow[]> }> {
  const { where, orderBy } = applicationListArguments(actor, query);
  const total = await prisma.application.count({ where });
  async function* batches() {
    let after: string | null = null;
    for (;;) {
      const rows: Prisma.ApplicationGetPayload<{ select: typeof rowSelect }>[] = await prisma.application.findMany({ where, orderBy, select: rowSelect, take: batchSize, ...(after ? { cursor: { id: after }, skip: 1 } : {}) });
      if (!rows.length) return;
      const [eligibility, missing] = await Promise.all([loadEligibility(rows, now), loadMissingSignedScans(rows)]);
      yield rows.map((row) => ({ ...row, eligibility: eligibility.get(row.id) ?? [], missingSignedScans: missing.get(row.id) ?? [] }));
      if (rows.length < batchSize) return;
      after = rows.at(-1)!.id;
    }
  }
  return { total, batches: batches() };
}

/** Bytes the response may hold that the client has not taken yet, before the next batch is read. */
const bufferedBytes = 256 * 1024;

/**
 * The workbook of the batches, as the body of a response. Every cell goes through the
 * personal-data policy as every GraphQL answer does (shownText). `onFailure` hears of an error
 * after the first bytes have left, when no status can be sent any more.
 */
export function applicationListXlsx(
  actor: Actor,
  batches: AsyncGenerator<ApplicationListRow[]>,
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
  const sheet = workbook.addWorksheet(applicationListSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = applicationListColumns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  void (async () => {
    try {
      for await (const batch of batches) {
        for (const application of batch) {
          const row = sheet.addRow(applicationListColumns.map((column) => {
            const value = column.value(application);
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
