// A shaped read's statement, built once per shape of its arguments. Building it — Kysely's tree
// for a page with its relations and facts, then the text — cost the API more CPU than PostgreSQL
// spent answering it (a fifth of the application page's). Yet the text depends only on the
// arguments' shape: the values a where compares with (ids, the reader's area, today, a search
// text) are the statement's parameters. So the first read of a shape builds its statement with a
// stand-in for each of those values, and notes which parameter each stand-in became; every later
// read of that shape puts its own values in their place. Anything whose shape the key cannot
// state (a value of a class it does not know) is built afresh, as before.
import { compiled } from './statement.ts';
import { SqlValues } from './where.ts';

/** A value of the read's arguments the key cannot state: the read builds its statement afresh. */
class Unkeyable extends Error {}

/** How to fill one parameter of a template: a value of the read, text with values in it, or a constant of its shape. */
type Slot = { value: number } | { text: string } | { constant: unknown };

export interface Template<Built> {
  sql: string;
  slots: readonly Slot[];
  built: Built;
}

/**
 * The read's arguments as a key of their shape, the values compared in its wheres, and, when
 * asked (a shape not seen yet), the arguments with stand-ins for those values.
 */
interface Parametrized {
  key: string;
  values: unknown[];
  standIns?: unknown;
}

// A stand-in string carries its value's index between two NULs (no text a where compares has one:
// the input boundary refuses NUL); a stand-in number is far beyond any count, year or version.
const standInText = (index: number) => `\u0000${index}\u0000`;
const standInTextPattern = /\u0000(\d+)\u0000/g;
const standInNumberBase = 7_770_000_000_000;
const standInDateBase = Date.UTC(2999, 0, 1);

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const subqueryKeys = new WeakMap<SqlValues, string>();

function parametrize(input: unknown, withStandIns: boolean): Parametrized {
  const values: unknown[] = [];
  const standInOf = (value: unknown): unknown => {
    const index = values.push(value) - 1;
    if (!withStandIns) return undefined;
    if (typeof value === 'string') return standInText(index);
    if (typeof value === 'number') return standInNumberBase + index;
    return new Date(standInDateBase + index);
  };
  const walk = (value: unknown, inWhere: boolean): [string, unknown] => {
    switch (typeof value) {
      case 'undefined':
        return ['u', undefined];
      case 'boolean':
        return [value ? 't' : 'f', value];
      case 'bigint':
        return [`${value}n`, value];
      case 'string':
        return inWhere ? ['?s', standInOf(value)] : [JSON.stringify(value), value];
      case 'number':
        return inWhere && Number.isFinite(value) ? ['?n', standInOf(value)] : [String(value), value];
      case 'object':
        break;
      default:
        throw new Unkeyable(typeof value);
    }
    if (value === null) return ['n', null];
    if (value instanceof Date) {
      if (inWhere && !Number.isNaN(value.getTime())) return ['?d', standInOf(value)];
      return [`D${value.getTime()}`, value];
    }
    if (value instanceof SqlValues) return [`V${subqueryKeyOf(value)}`, value];
    if (Array.isArray(value)) {
      const items = value.map((item) => walk(item, inWhere));
      return [`[${items.map(([key]) => key).join(',')}]`, withStandIns ? items.map(([, standIn]) => standIn) : undefined];
    }
    // A column plan's sets and maps hold names only: their shape is their contents.
    if (value instanceof Set) return [`S${JSON.stringify([...value])}`, value];
    if (value instanceof Map) {
      const entries = [...value].map(([name, nested]) => `${JSON.stringify(name)}:${walk(nested, inWhere)[0]}`);
      return [`M{${entries.join(',')}}`, value];
    }
    if (!isPlainObject(value)) throw new Unkeyable(value.constructor?.name ?? 'object');
    const keys: string[] = [];
    const standIn: Record<string, unknown> | undefined = withStandIns ? {} : undefined;
    for (const [name, nested] of Object.entries(value)) {
      const [key, nestedStandIn] = walk(nested, inWhere || name === 'where');
      keys.push(`${JSON.stringify(name)}:${key}`);
      if (standIn) standIn[name] = nestedStandIn;
    }
    return [`{${keys.join(',')}}`, standIn];
  };
  const [key, standIns] = walk(input, false);
  return withStandIns ? { key, values, standIns } : { key, values };
}

/** A where's values taken from a subquery: its shape is the subquery's own text and parameters (compiled once per instance). */
function subqueryKeyOf(values: SqlValues): string {
  let key = subqueryKeys.get(values);
  if (key === undefined) {
    const { sql, parameters } = compiled(values.subquery);
    key = JSON.stringify([sql, parameters]);
    subqueryKeys.set(values, key);
  }
  return key;
}

/** Where each stand-in went among the built statement's parameters; null when one went into the text. */
function slotsOf(sql: string, parameters: readonly unknown[], values: readonly unknown[]): Slot[] | null {
  if (sql.includes('\u0000') || sql.includes(String(standInNumberBase).slice(0, 6))) return null;
  return parameters.map((parameter): Slot => {
    if (typeof parameter === 'string' && parameter.includes('\u0000')) {
      const whole = /^\u0000(\d+)\u0000$/.exec(parameter);
      return whole ? { value: Number(whole[1]) } : { text: parameter };
    }
    if (typeof parameter === 'number' && parameter >= standInNumberBase && parameter < standInNumberBase + values.length) {
      return { value: parameter - standInNumberBase };
    }
    if (parameter instanceof Date && parameter.getTime() >= standInDateBase && parameter.getTime() < standInDateBase + values.length) {
      return { value: parameter.getTime() - standInDateBase };
    }
    return { constant: parameter };
  });
}

function fill(slots: readonly Slot[], values: readonly unknown[]): unknown[] {
  return slots.map((slot) => {
    if ('value' in slot) return values[slot.value];
    if ('text' in slot) return slot.text.replace(standInTextPattern, (_match, index: string) => String(values[Number(index)]));
    return slot.constant;
  });
}

/** Shapes a process keeps; past that the oldest is dropped (an analyst's ad-hoc reads). */
export const templateLimit = 256;

/** Whether templates are kept; a test turns it off to compare with statements built afresh. */
export const statementTemplates = { enabled: true };

/**
 * Statements of one kind of read, each built by `build` from arguments: `build` gets the
 * arguments (with stand-ins, the first time a shape is seen) and returns the statement's text,
 * its parameters and whatever else it derives from the shape alone (`built`, e.g. how to read the
 * answer back), which every read of the shape shares.
 */
export class StatementTemplates<Input, Built> {
  private readonly templates = new Map<string, Template<Built> | null>();

  constructor(private readonly build: (input: Input) => { sql: string; parameters: readonly unknown[]; built: Built }) {}

  /** The statement for `input`: its text, its parameters and what its shape built. */
  statement(input: Input): { sql: string; parameters: readonly unknown[]; built: Built } {
    if (!statementTemplates.enabled) return this.build(input);
    let parametrized: Parametrized;
    try {
      parametrized = parametrize(input, false);
    } catch (error) {
      if (error instanceof Unkeyable) return this.build(input);
      throw error;
    }
    const { key, values } = parametrized;
    let template = this.templates.get(key);
    if (template === undefined) {
      // Stand-ins only for a shape not seen yet: the same walk, so the same values in the same order.
      const built = this.build(parametrize(input, true).standIns as Input);
      const slots = slotsOf(built.sql, built.parameters, values);
      template = slots ? { sql: built.sql, slots, built: built.built } : null;
      if (this.templates.size >= templateLimit) this.templates.delete(this.templates.keys().next().value!);
      this.templates.set(key, template);
    }
    if (template === null) return this.build(input);
    return { sql: template.sql, parameters: fill(template.slots, values), built: template.built };
  }

  /** How many shapes are kept (tests). */
  get size(): number {
    return this.templates.size;
  }
}
