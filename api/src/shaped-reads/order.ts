// A Prisma orderBy rendered as SQL sort keys, so that a shaped read orders its rows exactly as
// the same orderBy does in Prisma: scalar fields with their direction and nulls, and fields of a
// to-one relation (Prisma joins; a scalar subquery gives the same value).
import { sql, type RawBuilder } from 'kysely';
import { column, type Aliases } from './where.ts';
import { fieldOf, relationJoin, UnsupportedShape } from './model.ts';

export interface SortKey {
  expression: RawBuilder<unknown>;
  direction: 'ASC' | 'DESC';
  /** Absent: PostgreSQL's default (nulls last ascending, first descending), as Prisma leaves it. */
  nulls?: 'FIRST' | 'LAST';
}

function direction(sort: unknown): 'ASC' | 'DESC' {
  if (sort === 'asc') return 'ASC';
  if (sort === 'desc') return 'DESC';
  throw new UnsupportedShape(`sort ${String(sort)}`);
}

function keysOf(model: string, alias: string, entry: Record<string, unknown>, aliases: Aliases): SortKey[] {
  return Object.entries(entry).flatMap(([name, sort]): SortKey[] => {
    if (sort === undefined) return [];
    const field = fieldOf(model, name);
    if (field.kind === 'object') {
      if (field.isList || typeof sort !== 'object' || sort === null) throw new UnsupportedShape(`order by relation ${name}`);
      const { targetColumn, ownColumn } = relationJoin(model, field);
      const inner = aliases.fresh();
      return keysOf(field.type, inner, sort as Record<string, unknown>, aliases).map((key) => ({
        ...key,
        expression: sql`(SELECT ${key.expression} FROM ${sql.table(field.type)} AS ${sql.id(inner)} WHERE ${column(inner, targetColumn)} = ${column(alias, ownColumn)})`,
      }));
    }
    if (field.isList) throw new UnsupportedShape(`order by list ${name}`);
    if (typeof sort === 'string') return [{ expression: column(alias, name), direction: direction(sort) }];
    const { sort: order, nulls } = sort as { sort: unknown; nulls?: unknown };
    if (nulls !== undefined && nulls !== 'first' && nulls !== 'last') throw new UnsupportedShape(`nulls ${String(nulls)}`);
    return [{ expression: column(alias, name), direction: direction(order), ...(nulls ? { nulls: nulls === 'first' ? 'FIRST' : 'LAST' } : {}) }];
  });
}

/** The sort keys of a Prisma orderBy (one object or a list of them) for `model`'s row under `alias`. */
export function sortKeys(model: string, alias: string, orderBy: unknown, aliases: Aliases): SortKey[] {
  if (orderBy === undefined || orderBy === null) return [];
  const entries = Array.isArray(orderBy) ? orderBy : [orderBy];
  return entries.flatMap((entry) => keysOf(model, alias, entry as Record<string, unknown>, aliases));
}

/** `ORDER BY …` of the keys, each key read through `expressionOf` (a column of a subquery, say). */
export function orderByClause(keys: SortKey[], expressionOf: (key: SortKey, index: number) => RawBuilder<unknown> = (key) => key.expression) {
  if (!keys.length) return sql``;
  return sql`ORDER BY ${sql.join(
    keys.map((key, index) => sql`${expressionOf(key, index)} ${sql.raw(key.direction)}${sql.raw(key.nulls ? ` NULLS ${key.nulls}` : '')}`),
  )}`;
}
