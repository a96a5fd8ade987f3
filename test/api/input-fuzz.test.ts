// Malformed input, generated from the schema itself: every root field of the printed schema,
// every argument filled with a plausible value or a malformed one (NUL and lone surrogates in
// strings, IDs and cursors we never issued, dates outside the calendar, numbers out of range,
// values of the wrong type, enum values that do not exist), sent by every role. A field added
// tomorrow is fuzzed without a line here. Each mutation carries at least one malformed value,
// so none may change a row; queries may also go out with plausible values only (IDs of another
// type among them). None may answer 5xx or "Unexpected error.", log an error, or echo back more
// than a short prefix of what it was sent.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  isInterfaceType,
} from 'graphql';
import { schema } from '@tepei/api/schema';
import { setFailedLoginDelay, defaultFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { yogaLog } from '@tepei/api/errors/mask-error';
import { startApi, type TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';

let api: TestApi;
const tokens: Array<string | undefined> = [undefined];
const ids: Record<string, string[]> = {};

const budget = { requests: 4000, milliseconds: 150_000 };

beforeAll(async () => {
  setFailedLoginDelay(() => 0);
  api = await startApi({ seeded: true, clock: () => new Date('2026-12-01T10:00:00+08:00') });
  for (const username of ['admin', 'analyst', 'pref-653100', 'unit-001', 'applicant']) tokens.push(await api.login(username));
  // Real ids of the seeded round, to put in the argument beside the malformed one (and in the
  // wrong place: an id of another type).
  const samples = {
    Application: await api.prisma.application.findMany({ take: 3, select: { id: true } }),
    Round: await api.prisma.round.findMany({ take: 2, select: { id: true } }),
    Area: await api.prisma.area.findMany({ take: 2, select: { id: true } }),
    EmployerUnit: await api.prisma.employerUnit.findMany({ take: 2, select: { id: true } }),
    User: await api.prisma.user.findMany({ take: 2, where: { role: 'APPLICANT' }, select: { id: true } }),
  };
  for (const [type, rows] of Object.entries(samples)) ids[type] = rows.map((row) => globalId(type, row.id));
}, 300_000);
afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

// ─────────────────────────────── a seeded generator ───────────────────────────────

let seed = 20250305;
function random(): number {
  // mulberry32: the same requests on every run, so a failure can be replayed.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const base64 = (text: string) => Buffer.from(text).toString('base64');
const long = 'A'.repeat(100_000);

const malformed = {
  String: ['\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', 'ok\uD83D', '\u0000'.repeat(50)],
  ID: ['abc', '', '0x1', 'not base64!!', base64('Application:abc'), base64('Nope:1b4e28ba-2fa1-11d2-883f-0016d3cca427'), base64('Application:1b4e28ba-2fa1-11d2-883f-b016d3cca42'), long, 'a\u0000'],
  cursor: ['x', base64('GPC:S:abc'), base64('GPC:I:-5'), base64('GPC:Q:1'), long, '\u0000', base64('OffsetConnection:5')],
  Int: [2 ** 40, 1.5, 'seven', true, [1]],
  Date: ['0000-01-01', '2025-02-30', '2025-13-01', '99999-01-01', '20250101', '1e10', '-001-01-01', ''],
  DateTime: ['0000-01-01T00:00:00Z', 'yesterday', '1e10', '2025-02-30T00:00:00Z', '+275760-09-13T00:00:00Z', ''],
  Boolean: ['yes', 2],
  BigInt: ['x', '1e5', '99999999999999999999999'],
  enum: ['NOPE', '', 1],
  object: ['{}', 42, ['x']],
} as const;

type Slot = { malformed: boolean };

function plausible(type: GraphQLInputType, name: string, depth: number, slot: Slot): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [plausible(nullable.ofType, name, depth + 1, slot)];
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  if (isInputObjectType(nullable)) {
    if (depth > 3) return {};
    return Object.fromEntries(Object.values(nullable.getFields()).map((field) => [field.name, value(field.type, field.name, depth + 1, slot)]));
  }
  switch (nullable.toString()) {
    case 'ID':
      return pick(ids[pick(Object.keys(ids))]!);
    case 'Int':
      return /first|last/.test(name) ? 5 : 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2025-01-15';
    case 'DateTime':
      return '2025-03-05T23:59:59+08:00';
    case 'BigInt':
      return '1';
    case 'File':
      return null;
    default:
      return '测试';
  }
}

function broken(type: GraphQLInputType, name: string): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return random() < 0.5 ? [broken(nullable.ofType, name)] : broken(nullable.ofType, name);
  if (isEnumType(nullable)) return pick(malformed.enum);
  if (isInputObjectType(nullable)) return pick(malformed.object);
  const scalar = nullable.toString();
  if (scalar === 'String' && (name === 'after' || name === 'before')) return pick(malformed.cursor);
  if (scalar in malformed) return pick(malformed[scalar as keyof typeof malformed] as readonly unknown[]);
  return pick(malformed.String);
}

function value(type: GraphQLInputType, name: string, depth: number, slot: Slot): unknown {
  // Each value is malformed with some chance, so that malformed values land deep in inputs too.
  if (random() < 0.25 && !(isScalarType(getNamedType(type)) && getNamedType(type).name === 'File')) {
    slot.malformed = true;
    return broken(type, name);
  }
  if (!isNonNullType(type) && random() < 0.3) return undefined;
  return plausible(type, name, depth, slot);
}

/** A selection that is valid for any output type: `__typename` of objects, unions and interfaces. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isUnionType(named) || isInterfaceType(named) ? ' { __typename }' : '';
}

interface Generated {
  query: string;
  variables: Record<string, unknown>;
  sentinel: string[];
}

function generate(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Generated | null {
  if (field.args.length === 0) return null;
  const slot: Slot = { malformed: false };
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) variables[arg.name] = value(arg.type, arg.name, 0, slot);
  // A query changes nothing whatever it is given, so it may go out with plausible values only
  // (IDs of the wrong type among them); a mutation carries at least one malformed argument.
  if (!slot.malformed && kind === 'mutation') {
    const arg: GraphQLArgument = pick(field.args.filter((candidate) => getNamedType(candidate.type).name !== 'File'));
    if (!arg) return null;
    variables[arg.name] = broken(arg.type, arg.name);
  }
  const signature = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const sentinel = Object.values(variables).flatMap((v) => (typeof v === 'string' && v.length > 1000 ? [v] : []));
  return { query: `${kind} Fuzz(${signature}) { ${field.name}(${call})${selectionOf(field)} }`, variables, sentinel };
}

// ─────────────────────────────── what must not change ───────────────────────────────

/** Tables that refusals write to on purpose: the audit log, sessions, counted attempts. */
const expectedToChange = /audit|session|attempt|counter|_prisma/i;

async function fingerprint(): Promise<Record<string, string>> {
  const tables = await api.prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const prints: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    if (expectedToChange.test(table)) continue;
    const [row] = await api.prisma.$queryRawUnsafe<Array<{ print: string | null; rows: bigint }>>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS print, count(*) AS rows FROM "${table}" t`,
    );
    prints[table] = `${row!.rows}:${row!.print}`;
  }
  return prints;
}

// ─────────────────────────────── the run ───────────────────────────────

describe('malformed input from any client', () => {
  it(`answers ${budget.requests} generated malformed requests over every role with client errors only, changing nothing`, async () => {
    const before = await fingerprint();
    const logged = vi.spyOn(yogaLog, 'error');
    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((field) => ['query', field] as const),
      ...Object.values(schema.getMutationType()!.getFields()).map((field) => ['mutation', field] as const),
    ];
    const failures: string[] = [];
    const started = Date.now();
    let sent = 0;
    let refusedAsInput = 0;
    while (sent < budget.requests && Date.now() - started < budget.milliseconds) {
      const [kind, field] = pick(fields);
      const generated = generate(kind, field);
      if (!generated) continue;
      const token = pick(tokens);
      const response = await api.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: generated.query, variables: generated.variables }),
      });
      sent++;
      const text = await response.text();
      const problem =
        response.status >= 500
          ? `HTTP ${response.status}`
          : /Unexpected error/.test(text)
            ? 'Unexpected error.'
            : generated.sentinel.some((sentValue) => text.includes(sentValue.slice(0, 200)))
              ? 'echoes a long input back'
              : text.length > 20_000
                ? `answer of ${text.length} characters`
                : null;
      if (text.includes('"BAD_USER_INPUT"')) refusedAsInput++;
      if (problem) failures.push(`${problem}: ${field.name} ${JSON.stringify(generated.variables).slice(0, 300)} → ${text.slice(0, 300)}`);
    }
    const errorLogs = logged.mock.calls.length;
    logged.mockRestore();

    expect(sent).toBeGreaterThan(500);
    expect(refusedAsInput).toBeGreaterThan(sent / 4);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(errorLogs).toBe(0);
    expect(await fingerprint()).toEqual(before);
  }, 400_000);

  it('answers generated malformed HTTP requests (query strings, bodies, content types) with no 5xx and no unexpected error', async () => {
    const parameters = ['query', 'variables', 'extensions', 'operationName', 'x'];
    const values = ['{bad', '%00', '\u0000', '[1]', '"x"', '{"a":', 'null', '{}', '{ health { ok } }', long.slice(0, 3000), '\uD800'];
    const contentTypes = ['application/json', 'application/x-www-form-urlencoded', 'application/graphql', 'text/plain', 'multipart/form-data; boundary=b', 'application/json; charset=latin1', ''];
    const failures: string[] = [];
    for (let index = 0; index < 600; index++) {
      const search = new URLSearchParams();
      for (const name of parameters) if (random() < 0.5) search.set(name, pick(values));
      const token = pick(tokens);
      const headers: Record<string, string> = { 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const get = random() < 0.4;
      const contentType = pick(contentTypes);
      if (!get && contentType) headers['content-type'] = contentType;
      const body = get ? undefined : random() < 0.5 ? search.toString() : pick([...values, JSON.stringify({ query: pick(values), variables: pick(values) })]);
      const response = await api.yoga.fetch(`http://test/graphql${get ? `?${search}` : ''}`, { method: get ? 'GET' : 'POST', headers, body });
      const text = await response.text();
      if (response.status >= 500 || /Unexpected error/.test(text)) failures.push(`${get ? 'GET' : `POST ${contentType}`} ${get ? search : body?.slice(0, 200)} → ${response.status} ${text.slice(0, 200)}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 300_000);
});
