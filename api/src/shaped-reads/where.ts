// A Prisma where-input rendered as SQL, so that a rule written once as a Prisma filter (row rules,
// list filters, the blacklist's "in force") is the same rule in a shaped read: one definition,
// two renderers (Prisma's own and this one). It renders the operators this codebase uses, with
// Prisma's meaning; anything else is UnsupportedShape, and the read goes through Prisma.
import { sql, type RawBuilder } from 'kysely';
import { fieldOf, type ModelField, relationJoin, UnsupportedShape } from './model.ts';

type Sql = RawBuilder<unknown>;

/** Values taken from a subquery of the same statement, where a Prisma filter takes a list. */
export class SqlValues extends Array<string> {
  constructor(readonly subquery: Sql) {
    super();
  }
}

/** A list filter (`in`) whose values the statement selects itself, e.g. the ids of its page. */
export function valuesOf(subquery: Sql): string[] {
  return new SqlValues(subquery);
}

/** Source of fresh table aliases within one statement. */
export class Aliases {
  private next = 0;
  fresh(): string {
    return `t${this.next++}`;
  }
}

const matchesAll = sql`TRUE`;
const matchesNothing = sql`FALSE`;

function conjunction(parts: Sql[]): Sql {
  if (!parts.length) return matchesAll;
  if (parts.length === 1) return parts[0]!;
  return sql`(${sql.join(parts, sql` AND `)})`;
}

function disjunction(parts: Sql[]): Sql {
  if (!parts.length) return matchesNothing;
  if (parts.length === 1) return parts[0]!;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export const column = (alias: string, name: string) => sql.ref(`${alias}.${name}`);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);

/** A value compared with a column; enum values are cast so that PostgreSQL compares enums. */
function value(field: ModelField, raw: unknown): Sql {
  if (typeof raw === 'object' && raw !== null && !(raw instanceof Date)) throw new UnsupportedShape(`value of ${field.name}`);
  return field.kind === 'enum' ? sql`CAST(${raw} AS ${sql.id(field.type)})` : sql`${raw}`;
}

function listOf(field: ModelField, values: unknown): Sql | null {
  if (values instanceof SqlValues) return values.subquery;
  if (!Array.isArray(values)) throw new UnsupportedShape(`list filter of ${field.name}`);
  if (!values.length) return null;
  return sql.join(values.map((item) => value(field, item)));
}

/**
 * LIKE as Prisma renders `contains`/`startsWith`/`endsWith`: the value between wildcards as it
 * is, its own % and _ acting as wildcards too (Prisma does not escape them; the answers must agree).
 */
function like(target: Sql, pattern: unknown, before: boolean, after: boolean): Sql {
  if (typeof pattern !== 'string') throw new UnsupportedShape('LIKE of a non-string');
  return sql`${target}::text LIKE ${`${before ? '%' : ''}${pattern}${after ? '%' : ''}`}`;
}

function scalarFilter(field: ModelField, target: Sql, filter: unknown): Sql {
  if (filter === null) return sql`${target} IS NULL`;
  if (!isPlainObject(filter)) {
    if (field.isList) throw new UnsupportedShape(`equality of list ${field.name}`);
    return sql`${target} = ${value(field, filter)}`;
  }
  const parts: Sql[] = [];
  for (const [operator, operand] of Object.entries(filter)) {
    if (operand === undefined) continue;
    switch (operator) {
      case 'equals':
        parts.push(scalarFilter(field, target, operand));
        break;
      case 'in': {
        const list = listOf(field, operand);
        parts.push(list ? sql`${target} IN (${list})` : matchesNothing);
        break;
      }
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte': {
        if (operand === null) throw new UnsupportedShape(`${operator} null`);
        const symbol = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[operator];
        parts.push(sql`${target} ${sql.raw(symbol)} ${value(field, operand)}`);
        break;
      }
      case 'contains':
        parts.push(like(target, operand, true, true));
        break;
      case 'startsWith':
        parts.push(like(target, operand, false, true));
        break;
      case 'endsWith':
        parts.push(like(target, operand, true, false));
        break;
      case 'hasSome': {
        if (!field.isList) throw new UnsupportedShape(`hasSome on ${field.name}`);
        const list = listOf(field, operand);
        const elementType = field.kind === 'enum' ? sql.id(field.type) : sql.raw('text');
        parts.push(list ? sql`${target} && ARRAY[${list}]::${elementType}[]` : matchesNothing);
        break;
      }
      default:
        // not, notIn, mode, has, isEmpty…: Prisma's null handling differs per operator; not used here.
        throw new UnsupportedShape(`operator ${operator}`);
    }
  }
  return conjunction(parts);
}

function relationFilter(model: string, alias: string, field: ModelField, filter: unknown, aliases: Aliases): Sql {
  const { targetColumn, ownColumn } = relationJoin(model, field);
  const exists = (where: unknown, negate = false) => {
    const inner = aliases.fresh();
    const condition = whereSql(field.type, inner, where, aliases);
    return sql`${sql.raw(negate ? 'NOT ' : '')}EXISTS (SELECT 1 FROM ${sql.table(field.type)} AS ${sql.id(inner)} WHERE ${column(inner, targetColumn)} = ${column(alias, ownColumn)} AND ${condition})`;
  };
  if (field.isList) {
    if (!isPlainObject(filter)) throw new UnsupportedShape(`list relation filter ${field.name}`);
    const parts: Sql[] = [];
    for (const [operator, where] of Object.entries(filter)) {
      if (where === undefined) continue;
      if (operator === 'some') parts.push(exists(where));
      else if (operator === 'none') parts.push(exists(where, true));
      else throw new UnsupportedShape(`list relation operator ${operator}`);
    }
    return conjunction(parts);
  }
  if (filter === null) {
    if (ownColumn === 'id') throw new UnsupportedShape(`null back-relation ${field.name}`);
    return sql`${column(alias, ownColumn)} IS NULL`;
  }
  if (!isPlainObject(filter)) throw new UnsupportedShape(`relation filter ${field.name}`);
  if ('is' in filter || 'isNot' in filter) throw new UnsupportedShape(`is/isNot on ${field.name}`);
  return exists(filter);
}

/** The where-input of `model` (its row under `alias`) as a SQL condition. */
export function whereSql(model: string, alias: string, where: unknown, aliases: Aliases): Sql {
  if (where === undefined || where === null) return matchesAll;
  if (!isPlainObject(where)) throw new UnsupportedShape('where is not an object');
  const parts: Sql[] = [];
  for (const [key, filter] of Object.entries(where)) {
    if (filter === undefined) continue;
    if (key === 'AND') {
      const all = Array.isArray(filter) ? filter : [filter];
      parts.push(conjunction(all.map((item) => whereSql(model, alias, item, aliases))));
    } else if (key === 'OR') {
      if (!Array.isArray(filter)) throw new UnsupportedShape('OR of an object');
      parts.push(disjunction(filter.map((item) => whereSql(model, alias, item, aliases))));
    } else if (key === 'NOT') {
      throw new UnsupportedShape('NOT');
    } else {
      const field = fieldOf(model, key);
      if (field.kind === 'object') parts.push(relationFilter(model, alias, field, filter, aliases));
      else if (field.kind === 'unsupported') throw new UnsupportedShape(`field ${key}`);
      else parts.push(scalarFilter(field, column(alias, key), filter));
    }
  }
  return conjunction(parts);
}
