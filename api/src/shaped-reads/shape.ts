// A Prisma selection (the `select`/`include` tree Pothos plans for a request) rendered as one
// JSON value built by PostgreSQL — the row with its relations nested as Prisma would return them
// — and the JSON turned back into Prisma's shape (dates as Date, big integers as bigint). Pothos
// then finds every relation it planned already loaded on the row and issues no query for it.
import { sql, type RawBuilder } from 'kysely';
import { fieldOf, type ModelField, relationJoin, scalarFieldsOf, UnsupportedShape } from './model.ts';
import { orderByClause, sortKeys } from './order.ts';
import type { ColumnPlan } from './selection.ts';
import { type Aliases, column, whereSql } from './where.ts';

type Sql = RawBuilder<unknown>;

/** How to turn the JSON of one model's row back into Prisma's values. */
export interface Shape {
  dates: string[];
  bigints: string[];
  relations: { name: string; isList: boolean; shape: Shape }[];
}

/** PostgreSQL takes at most 100 arguments per function call: 50 key/value pairs per object. */
const pairsPerCall = 50;

/** A JSON object (json: cheaper to build than jsonb); past 50 pairs, jsonb objects merged. */
export function jsonObject(pairs: [string, Sql][]): Sql {
  const args = (chunk: [string, Sql][]) => sql.join(chunk.flatMap(([key, value]) => [sql.lit(key), value]));
  if (!pairs.length) return sql`'{}'::json`;
  if (pairs.length <= pairsPerCall) return sql`json_build_object(${args(pairs)})`;
  const calls: Sql[] = [];
  for (let start = 0; start < pairs.length; start += pairsPerCall) calls.push(sql`jsonb_build_object(${args(pairs.slice(start, start + pairsPerCall))})`);
  return sql`(${sql.join(calls, sql` || `)})::json`;
}

function scalarJson(alias: string, field: ModelField): Sql {
  if (field.type === 'BigInt') return sql`${column(alias, field.name)}::text`;
  if (field.type === 'Bytes' || field.type === 'Decimal') throw new UnsupportedShape(`${field.type} column ${field.name}`);
  return column(alias, field.name);
}

const relationKeys = new Set(['select', 'include', 'orderBy', 'where']);

function relationJson(model: string, alias: string, field: ModelField, args: unknown, aliases: Aliases, plan: ColumnPlan | undefined): { json: Sql; shape: Shape } {
  const options = (args === true ? {} : args) as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!relationKeys.has(key) && options[key] !== undefined) throw new UnsupportedShape(`relation option ${key} on ${field.name}`);
  }
  const inner = aliases.fresh();
  const { targetColumn, ownColumn } = relationJoin(model, field);
  const { json, shape } = rowJson(field.type, inner, options, aliases, plan);
  const condition = sql`${column(inner, targetColumn)} = ${column(alias, ownColumn)} AND ${whereSql(field.type, inner, options.where, aliases)}`;
  const from = sql`FROM ${sql.table(field.type)} AS ${sql.id(inner)} WHERE ${condition}`;
  if (!field.isList) {
    if (options.orderBy !== undefined) throw new UnsupportedShape(`orderBy on to-one ${field.name}`);
    return { json: sql`(SELECT ${json} ${from} LIMIT 1)`, shape };
  }
  const order = orderByClause(sortKeys(field.type, inner, options.orderBy, aliases));
  return { json: sql`(SELECT coalesce(json_agg(${json} ${order}), '[]'::json) ${from})`, shape };
}

function countJson(model: string, alias: string, args: unknown, aliases: Aliases): Sql {
  const select = (args === true ? null : (args as { select?: Record<string, unknown> })?.select) ?? null;
  if (!select) throw new UnsupportedShape('_count of every relation');
  const pairs = Object.entries(select)
    .filter(([, wanted]) => wanted)
    .map(([name, wanted]): [string, Sql] => {
      const field = fieldOf(model, name);
      if (field.kind !== 'object' || !field.isList) throw new UnsupportedShape(`_count of ${name}`);
      const { targetColumn, ownColumn } = relationJoin(model, field);
      const inner = aliases.fresh();
      const where = wanted === true ? undefined : (wanted as { where?: unknown }).where;
      return [
        name,
        sql`(SELECT count(*)::int FROM ${sql.table(field.type)} AS ${sql.id(inner)} WHERE ${column(inner, targetColumn)} = ${column(alias, ownColumn)} AND ${whereSql(field.type, inner, where, aliases)})`,
      ];
    });
  return jsonObject(pairs);
}

/**
 * The row of `model` under `alias` as JSON, with what `args` selects: `select` lists fields,
 * `include` adds relations to every scalar field (or to the plan's columns alone, when the
 * caller knows which the request reads, and likewise in each included relation), neither means
 * every scalar field.
 */
export function rowJson(
  model: string,
  alias: string,
  args: { select?: unknown; include?: unknown },
  aliases: Aliases,
  plan?: ColumnPlan,
): { json: Sql; shape: Shape } {
  const scalars = plan?.columns;
  const shape: Shape = { dates: [], bigints: [], relations: [] };
  const pairs: [string, Sql][] = [];
  const select = args.select as Record<string, unknown> | undefined;
  const include = args.include as Record<string, unknown> | undefined;
  if (select && include) throw new UnsupportedShape('select and include together');
  const wanted: [string, unknown][] = select
    ? Object.entries(select).filter(([, value]) => value)
    : [
        ...scalarFieldsOf(model)
          .filter((field) => !scalars || scalars.has(field.name))
          .map((field): [string, unknown] => [field.name, true]),
        ...Object.entries(include ?? {}).filter(([, value]) => value),
      ];
  for (const [name, value] of wanted) {
    if (name === '_count') {
      pairs.push([name, countJson(model, alias, value, aliases)]);
      continue;
    }
    const field = fieldOf(model, name);
    if (field.kind === 'object') {
      const relation = relationJson(model, alias, field, value, aliases, plan?.relations.get(name) ?? undefined);
      pairs.push([name, relation.json]);
      shape.relations.push({ name, isList: field.isList, shape: relation.shape });
    } else if (field.kind === 'unsupported') {
      throw new UnsupportedShape(`field ${name}`);
    } else {
      if (value !== true) throw new UnsupportedShape(`scalar selection ${name}`);
      pairs.push([name, scalarJson(alias, field)]);
      if (field.type === 'DateTime') shape.dates.push(name);
      if (field.type === 'BigInt') shape.bigints.push(name);
    }
  }
  return { json: jsonObject(pairs), shape };
}

const asDate = (value: unknown) => (value == null ? value : Array.isArray(value) ? value.map((item) => new Date(item as string)) : new Date(value as string));
const asBigInt = (value: unknown) => (value == null ? value : Array.isArray(value) ? value.map((item) => BigInt(item as string)) : BigInt(value as string));

/** A row's JSON (parsed) in Prisma's shape, in place. */
export function hydrate<T>(row: Record<string, unknown>, shape: Shape): T {
  for (const name of shape.dates) row[name] = asDate(row[name]);
  for (const name of shape.bigints) row[name] = asBigInt(row[name]);
  for (const { name, isList, shape: nested } of shape.relations) {
    const value = row[name];
    if (value == null) continue;
    if (isList) for (const item of value as Record<string, unknown>[]) hydrate(item, nested);
    else hydrate(value as Record<string, unknown>, nested);
  }
  return row as T;
}
