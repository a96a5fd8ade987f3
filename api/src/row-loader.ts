// A value per row computed in one batch per request (eligibility, missing signed scans), that a
// read which loaded the facts with its page may have computed already. Primed values are answered
// synchronously: a field that returns a promise for every row of a page makes graphql-js complete
// each row's object through promises, which on a queue page costs more than the values themselves.
import { completeValue } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Context } from './context.ts';

export interface RowLoader<Row extends { id: string }, Value> {
  /** Values a read computed for rows of its page: the rows' fields then ask no query. */
  prime(ctx: Context, values: ReadonlyMap<string, Value>): void;
  /** The row's value: primed, or loaded with the other rows asked for in the same tick. */
  load(ctx: Context, row: Row): Value | Promise<Value>;
  /** `load`, then `map`, synchronously when the value is primed. */
  loadThen<Result>(ctx: Context, row: Row, map: (value: Value) => Result): Result | Promise<Result>;
}

/**
 * `batch` answers for many rows at once; a row it leaves out gets `absent()`. One loader and one
 * map of primed values per request context, gone with it.
 */
export function rowLoader<Row extends { id: string }, Value>(
  batch: (rows: readonly Row[], ctx: Context) => Promise<ReadonlyMap<string, Value>>,
  absent: () => Value,
): RowLoader<Row, Value> {
  const perRequest = new WeakMap<Context, { primed: Map<string, Value>; loader: DataLoader<Row, Value, string> }>();
  const of = (ctx: Context) => {
    let entry = perRequest.get(ctx);
    if (!entry) {
      const loader = new DataLoader<Row, Value, string>(
        async (rows) => {
          const values = await batch(rows, ctx);
          return rows.map((row) => (values.has(row.id) ? values.get(row.id)! : absent()));
        },
        { cacheKeyFn: (row) => row.id },
      );
      entry = { primed: new Map(), loader };
      perRequest.set(ctx, entry);
    }
    return entry;
  };
  const load = (ctx: Context, row: Row): Value | Promise<Value> => {
    const { primed, loader } = of(ctx);
    return primed.has(row.id) ? primed.get(row.id)! : loader.load(row);
  };
  return {
    prime(ctx, values) {
      const { primed } = of(ctx);
      for (const [id, value] of values) primed.set(id, value);
    },
    load,
    loadThen: (ctx, row, map) => completeValue(load(ctx, row), map),
  };
}
