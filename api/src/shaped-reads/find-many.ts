// One statement for a page of rows shaped as the request asks: the rows (filtered, ordered and
// cut as a Prisma findMany with the same arguments would), their relations nested, the count of
// all matching rows, and any facts the caller computes from the page (named subqueries over the
// page's rows), returned as one JSON document.
import { sql, type RawBuilder } from 'kysely';
import { UnsupportedShape } from './model.ts';
import { orderByClause, sortKeys } from './order.ts';
import type { ColumnPlan } from './selection.ts';
import { hydrate, jsonObject, rowJson, type Shape } from './shape.ts';
import { compiled, runJsonStatement, type StatementRunner } from './statement.ts';
import { StatementTemplates } from './statement-template.ts';
import { Aliases, whereSql } from './where.ts';

type Sql = RawBuilder<unknown>;

/** The arguments of a Prisma findMany that the shaped read understands. */
export interface ShapedFindManyArgs {
  where?: unknown;
  orderBy?: unknown;
  take?: number;
  skip?: number;
  cursor?: unknown;
  select?: unknown;
  include?: unknown;
}

/**
 * The page's rows as a table: `page` has every column of the model, one row per row of the page.
 * `columns`, when given, are the only scalar fields the rows' JSON (and its relations') carry in include mode.
 */
export const pageTable = sql.table('page');

/** Rows of another model the caller computes something from, found by a where that may name the page (valuesOf). */
export interface FactQuery {
  model: string;
  where: unknown;
  select: Record<string, unknown>;
}

export interface ShapedPage<Row> {
  rows: Row[];
  /** All rows the where matches, when asked for. */
  count?: number;
  facts: Record<string, unknown[]>;
}

const allowedArguments = new Set(['where', 'orderBy', 'take', 'skip', 'select', 'include']);

interface FindManyOptions {
  count?: boolean;
  facts?: Record<string, FactQuery>;
  columns?: ColumnPlan;
}

/** How the answer's JSON is read back: the rows' shape and each fact's. */
interface AnswerShapes {
  rows: Shape;
  facts: (readonly [string, Shape])[];
}

/** The statement of a read: WITH page AS (the rows) SELECT the JSON of rows, count and facts. */
function findManyStatement({ model, args, options }: { model: string; args: ShapedFindManyArgs; options: FindManyOptions }) {
  for (const [key, value] of Object.entries(args)) {
    if (value !== undefined && !allowedArguments.has(key)) throw new UnsupportedShape(`findMany argument ${key}`);
  }
  const take = args.take;
  const skip = args.skip ?? 0;
  if (take !== undefined && (!Number.isInteger(take) || take < 0)) throw new UnsupportedShape('take backwards');
  if (!Number.isInteger(skip) || skip < 0) throw new UnsupportedShape('skip');

  const aliases = new Aliases();
  const row = aliases.fresh();
  const where = whereSql(model, row, args.where, aliases);
  const keys = sortKeys(model, row, args.orderBy, aliases);
  const keyColumn = (index: number) => sql.id(`_sort${index}`);
  const page = sql`SELECT ${sql.id(row)}.*${sql.join(
    keys.map((key, index) => sql`, ${key.expression} AS ${keyColumn(index)}`),
    sql``,
  )} FROM ${sql.table(model)} AS ${sql.id(row)} WHERE ${where} ${orderByClause(keys)}${take !== undefined ? sql` LIMIT ${sql.lit(take)}` : sql``}${skip ? sql` OFFSET ${sql.lit(skip)}` : sql``}`;

  const pageRow = aliases.fresh();
  const { json, shape } = rowJson(model, pageRow, args, aliases, options.columns);
  const rows = sql`(SELECT coalesce(json_agg(${json} ${orderByClause(keys, (_key, index) => sql.ref(`${pageRow}._sort${index}`))}), '[]'::json) FROM ${pageTable} AS ${sql.id(pageRow)})`;
  const counted = aliases.fresh();
  const parts: [string, Sql][] = [['rows', rows]];
  if (options.count) {
    parts.push(['count', sql`(SELECT count(*)::int FROM ${sql.table(model)} AS ${sql.id(counted)} WHERE ${whereSql(model, counted, args.where, aliases)})`]);
  }
  const factShapes = Object.entries(options.facts ?? {}).map(([name, fact]) => {
    const alias = aliases.fresh();
    const { json: factJson, shape: factShape } = rowJson(fact.model, alias, { select: fact.select }, aliases);
    const condition = whereSql(fact.model, alias, fact.where, aliases);
    parts.push([`fact_${name}`, sql`(SELECT coalesce(json_agg(${factJson}), '[]'::json) FROM ${sql.table(fact.model)} AS ${sql.id(alias)} WHERE ${condition})`]);
    return [name, factShape] as const;
  });
  const statement = compiled(sql`WITH ${pageTable} AS (${page}) SELECT (${jsonObject(parts)})::text AS doc`);
  return { ...statement, built: { rows: shape, facts: factShapes } satisfies AnswerShapes };
}

/** The reads' statements, built once per shape of their arguments (statement-template.ts). */
export const findManyStatements = new StatementTemplates(findManyStatement);

export async function shapedFindMany<Row>(
  model: string,
  args: ShapedFindManyArgs,
  options: FindManyOptions & { db?: StatementRunner } = {},
): Promise<ShapedPage<Row>> {
  const { db, ...shapeOptions } = options;
  const { sql: text, parameters, built: shapes } = findManyStatements.statement({ model, args, options: shapeOptions });
  const answer = (await runJsonStatement(text, parameters, db)) as Record<string, unknown>;
  const facts = Object.fromEntries(
    shapes.facts.map(([name, factShape]) => [name, (answer[`fact_${name}`] as Record<string, unknown>[]).map((item) => hydrate(item, factShape))]),
  );
  return {
    rows: (answer.rows as Record<string, unknown>[]).map((item) => hydrate<Row>(item, shapes.rows)),
    ...(options.count ? { count: answer.count as number } : {}),
    facts,
  };
}
