// Analysts read everything but no personal identifier (DOMAIN.md): not the ID number, a phone,
// an e-mail or an emergency contact, and nothing that rebuilds one — the full birth date is
// digits 7–14 of the ID number. Against the demo data and a few mutations that carry identifiers,
// the sweep builds its queries from introspection (every root field, every node type, every
// field of them, so that a new field is swept without editing this file), downloads every form
// file the answers point to, and looks for identifiers in every string it got.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationForm, person } from '../fixtures/programme.ts';
import { startApi, type GqlResponse, type TestApi } from '../support/api.ts';
import { pdfPages } from '../support/downloaded-files.ts';
import { createApplication, registerApplicant } from '../support/workflow.ts';

const now = new Date('2026-12-01T10:00:00+08:00');

let api: TestApi;
const tokens: Record<string, string> = {};
/** The applicant this file registers, whose form carries every kind of identifier. */
const newcomer = person(7301, '1991-04-23', 'MALE');

interface Secrets {
  idNumbers: string[];
  phones: string[];
  emails: string[];
  emergencyNames: string[];
  birthDates: string[];
}
let secrets: Secrets;

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  for (const username of ['admin', 'analyst']) tokens[username] = await api.login(username);

  // Mutations whose audit details carry identifiers: a registration, a saved form, a sign-in
  // with an ID number, a blacklisting by ID number.
  const unit = await api.prisma.employerUnit.findFirstOrThrow({ orderBy: { name: 'asc' } });
  const token = await registerApplicant(api, newcomer, unit.id);
  const round = await api.prisma.round.findFirstOrThrow({ orderBy: { year: 'desc' } });
  const created = await createApplication(api, token, Buffer.from(`Round:${round.id}`).toString('base64'), applicationForm(newcomer, {
    unitContactPhone: '0998-2822731',
    emergencyContactName: '热合曼·托合提尼亚孜',
    emergencyContactPhone: '13899127301',
    email: 'newcomer7301@example.cn',
  }));
  expect(created.__typename, JSON.stringify(created)).toBe('MutationCreateApplicationSuccess');
  const seeded = await api.prisma.application.findFirstOrThrow({ where: { status: 'SUBMITTED' }, orderBy: { id: 'asc' } });
  await api.gql('mutation($u: String!) { login(username: $u, password: "Wrong-password-1") { __typename } }', { u: seeded.idNumber });
  const listed = await api.gql(
    'mutation($id: String!, $name: String!, $reason: String!) { listOnBlacklist(applicantIdNumber: $id, applicantName: $name, reasonKind: FRAUD, reason: $reason) { __typename ... on Error { message } } }',
    { id: seeded.idNumber, name: seeded.name, reason: `虚报材料（身份证号 ${seeded.idNumber}，电话 ${seeded.phone}）` },
    tokens.admin,
  );
  expect(listed.errors, JSON.stringify(listed.errors)).toBeUndefined();

  secrets = await identifiersInDatabase();
  index = indexOf(secrets);
}, 600_000);
afterAll(() => api?.close());

// ───────────────────────────── what must not leak ─────────────────────────────

async function identifiersInDatabase(): Promise<Secrets> {
  const [applications, users, preferences, units, listings, rounds] = await Promise.all([
    api.prisma.application.findMany(),
    api.prisma.user.findMany(),
    api.prisma.hostPreference.findMany(),
    api.prisma.employerUnit.findMany(),
    api.prisma.blacklistEntry.findMany(),
    api.prisma.round.findMany(),
  ]);
  const present = <T,>(values: (T | null | undefined)[]) => [...new Set(values.filter((value): value is T => value != null && value !== ''))];
  // A name that is also someone's own name, a user's or a host contact's is readable for that
  // reason; only the others say who an applicant's emergency contact is.
  const openNames = new Set([
    ...applications.flatMap((a) => [a.name, a.unitContactName]),
    ...users.map((u) => u.displayName),
    ...preferences.flatMap((p) => [p.contactName, p.mentor]),
    ...units.map((u) => u.contactName),
    ...listings.map((l) => l.applicantName),
  ]);
  // A round's age cut-off is a public date that a birth date may equal.
  const cutoffs = new Set(rounds.map((round) => day(round.ageCutoffDate)));
  return {
    idNumbers: present([...applications.map((a) => a.idNumber), ...users.map((u) => u.idNumber), ...listings.map((l) => l.applicantIdNumber)]),
    phones: present([
      ...applications.flatMap((a) => [a.phone, a.unitContactPhone, a.emergencyContactPhone]),
      ...users.map((u) => u.phone),
      ...preferences.map((p) => p.contactPhone),
      ...units.map((u) => u.contactPhone),
    ]),
    emails: present(applications.map((a) => a.email)),
    // Compared as substrings: a file prints cells without separators.
    emergencyNames: present(applications.map((a) => a.emergencyContactName)).filter((name) => ![...openNames].some((open) => open?.includes(name))),
    birthDates: present(applications.map((a) => a.birthDate && day(a.birthDate))).filter((date) => !cutoffs.has(date)),
  };
}

const hiddenId = '*'.repeat(18);
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Hashes and uuids are no text: their digit runs say nothing about a person. */
const opaqueInText = /[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface Index {
  fullIds: Set<string>;
  /** Six digits in a row of an ID number, past the region code (which names a county, as an area's code does). */
  idWindows: Map<string, string>;
  phones: Set<string>;
  emailNames: Set<string>;
  names: RegExp | null;
  birthDays: Set<string>;
}
let index: Index;

function indexOf(found: Secrets): Index {
  const idWindows = new Map<string, string>();
  for (const id of found.idNumbers) for (let start = 1; start + 6 <= 17; start++) idWindows.set(id.slice(start, start + 6), id);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    fullIds: new Set(found.idNumbers.map((id) => id.toUpperCase())),
    idWindows,
    phones: new Set(found.phones.map((phone) => phone.replace(/\D/g, '')).filter((digits) => digits.length >= 7)),
    emailNames: new Set(found.emails.map((email) => email.split('@')[0]!)),
    names: found.emergencyNames.length ? new RegExp(found.emergencyNames.map(escape).join('|'), 'g') : null,
    birthDays: new Set(found.birthDates.map((date) => date.replaceAll('-', ''))),
  };
}

const substrings = (run: string, length: number) => Array.from({ length: Math.max(0, run.length - length + 1) }, (_, at) => run.slice(at, at + length));

/** What in `text` gives an identifier away, each finding named. */
function leaks(raw: string): string[] {
  const found: string[] = [];
  const text = raw.replace(opaqueInText, '#');
  for (const run of text.toUpperCase().match(/[\dX]{6,}/g) ?? []) {
    for (const id of substrings(run, 18)) if (index.fullIds.has(id)) found.push(`ID number ${id}`);
    for (const window of substrings(run, 6)) if (index.idWindows.has(window)) found.push(`digits ${window} of ID number ${index.idWindows.get(window)}`);
    for (const birthDay of substrings(run.replace(/X/g, ''), 8)) if (index.birthDays.has(birthDay)) found.push(`birth date ${birthDay}`);
  }
  for (const run of text.match(/\d[\d -]{5,}\d/g) ?? []) {
    const digits = run.replace(/\D/g, '');
    for (let length = 7; length <= 12; length++) for (const part of substrings(digits, length)) if (index.phones.has(part)) found.push(`phone ${part}`);
  }
  for (const [, local] of text.matchAll(/([\w.+-]+)@/g)) if (index.emailNames.has(local!)) found.push(`e-mail ${local}@…`);
  for (const [name] of index.names ? text.matchAll(index.names) : []) found.push(`emergency contact ${name}`);
  for (const [, year, month, date] of text.matchAll(/(\d{4})(?:-|年|\.)(\d{1,2})(?:-|月|\.)(\d{1,2})/g)) {
    const birthDay = `${year}${month!.padStart(2, '0')}${date!.padStart(2, '0')}`;
    if (index.birthDays.has(birthDay)) found.push(`birth date ${birthDay}`);
  }
  return found;
}

/** Every string in a GraphQL answer (JSON scalars included), with where it was found. */
function strings(value: unknown, path: string, into: Array<{ path: string; text: string }>): void {
  if (typeof value === 'string') into.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => strings(item, `${path}[${index}]`, into));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) strings(item, path ? `${path}.${key}` : key, into);
}

function expectNoLeaks(found: Array<{ path: string; text: string }>): void {
  const seen = new Set<string>();
  const problems = found
    .filter(({ text }) => !seen.has(text) && !!seen.add(text))
    .flatMap(({ path, text }) => leaks(text).map((leak) => `${path}: ${leak} in ${JSON.stringify(text.slice(0, 200))}`));
  expect(problems.slice(0, 20), `${problems.length} leaks`).toEqual([]);
}

// ───────────────────────────── queries from introspection ─────────────────────────────

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface FieldInfo {
  name: string;
  args: Array<{ name: string; type: TypeRef }>;
  type: TypeRef;
}
interface TypeInfo {
  kind: string;
  name: string;
  fields: FieldInfo[] | null;
  interfaces: Array<{ name: string }> | null;
  possibleTypes: Array<{ name: string }> | null;
  enumValues: Array<{ name: string }> | null;
}

const introspection = /* GraphQL */ `
  query {
    __schema {
      queryType { name }
      types {
        kind name
        fields { name args { name type { ...Ref } } type { ...Ref } }
        interfaces { name }
        possibleTypes { name }
        enumValues { name }
      }
    }
  }
  fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
`;

let types: Map<string, TypeInfo>;
const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
const required = (ref: TypeRef) => ref.kind === 'NON_NULL';
const isNode = (type: TypeInfo) => !!type.interfaces?.some((i) => i.name === 'Node');

/** Values for the required arguments the sweep knows; a root field with any other fails the test. */
function argumentValue(field: string, argument: string, type: TypeRef, context: { roundYear: number; roundId: string; applicationId: string; certificateNumber: string }): string | null {
  const base = named(type);
  if (argument === 'roundYear') return String(context.roundYear);
  if (argument === 'roundId') return JSON.stringify(context.roundId);
  if (argument === 'id' && field === 'application') return JSON.stringify(context.applicationId);
  if (argument === 'certificateNumber') return JSON.stringify(context.certificateNumber);
  if (base.kind === 'ENUM' && argument === 'groupBy') {
    const values = types.get(base.name!)!.enumValues!.map((value) => value.name);
    return `[${values.slice(0, 2).join(', ')}]`;
  }
  return null;
}

/**
 * The selection of every field of a type: scalars as they are, objects and connections in full,
 * unions and interfaces by each possible type. A Node met below the top is selected by id only:
 * the sweep reads it through `nodes` with its own full selection.
 */
function selection(typeName: string, context: Parameters<typeof argumentValue>[3], depth = 0, top = true): string {
  const type = types.get(typeName)!;
  if (type.kind === 'UNION' || type.kind === 'INTERFACE') {
    return `__typename ${type.possibleTypes!.map((possible) => `... on ${possible.name} { ${selection(possible.name, context, depth, top)} }`).join(' ')}`;
  }
  if (!top && isNode(type)) return '__typename id';
  if (depth > 6) return '__typename';
  const parts = ['__typename'];
  for (const field of type.fields!) {
    if (field.name.startsWith('__')) continue;
    const args = field.args.filter((arg) => required(arg.type)).map((arg) => {
      const value = argumentValue(field.name, arg.name, arg.type, context);
      if (value === null) throw new Error(`the sweep has no value for ${typeName}.${field.name}(${arg.name}): teach argumentValue`);
      return `${arg.name}: ${value}`;
    });
    const base = named(field.type);
    const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
    parts.push(base.kind === 'OBJECT' || base.kind === 'UNION' || base.kind === 'INTERFACE' ? `${call} { ${selection(base.name!, context, depth + 1, false)} }` : call);
  }
  return parts.join(' ');
}

async function gqlAsAnalyst(query: string): Promise<GqlResponse> {
  const response = await api.gql(query, {}, tokens.analyst);
  const limits = response.errors?.filter((error) => /GRAPHQL_VALIDATION_FAILED|BAD_REQUEST/.test(String(error.extensions?.code)));
  expect(limits ?? [], query.slice(0, 300)).toEqual([]);
  return response;
}

function nodeIds(value: unknown, into: Map<string, Set<string>>): void {
  if (Array.isArray(value)) value.forEach((item) => nodeIds(item, into));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === 'string' && typeof record.id === 'string' && types.get(record.__typename) && isNode(types.get(record.__typename)!)) {
      if (!into.has(record.__typename)) into.set(record.__typename, new Set());
      into.get(record.__typename)!.add(record.id);
    }
    Object.values(record).forEach((item) => nodeIds(item, into));
  }
}

// ───────────────────────────── files ─────────────────────────────

async function fileText(path: string): Promise<string> {
  const response = await api.yoga.fetch(`http://test${path}`, { headers: { authorization: `Bearer ${tokens.analyst}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(response.status, `${path}: ${new TextDecoder().decode(bytes).slice(0, 200)}`).toBe(200);
  const name = decodeURIComponent(response.headers.get('content-disposition') ?? '');
  if (path.includes('.xlsx')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    const cells: string[] = [name];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
    return cells.join('\n');
  }
  // One line per text item: digits of neighbouring cells (a row number after a masked phone)
  // must not run together into what looks like part of an ID number.
  return [name, ...(await pdfPages(bytes, '\n')).map((page) => page.text)].join('\n');
}

// ───────────────────────────── the sweep ─────────────────────────────

describe('what an analyst reads of a seeded round', () => {
  const found: Array<{ path: string; text: string }> = [];
  const filePaths = new Set<string>();

  beforeAll(async () => {
    const schema = await gqlAsAnalyst(introspection);
    types = new Map((schema.data.__schema.types as TypeInfo[]).map((type) => [type.name, type]));
    const round = await api.prisma.round.findFirstOrThrow({ orderBy: { year: 'desc' } });
    const application = await api.prisma.application.findFirstOrThrow({ where: { idNumber: newcomer.idNumber } });
    const context = {
      roundYear: round.year,
      roundId: Buffer.from(`Round:${round.id}`).toString('base64'),
      applicationId: Buffer.from(`Application:${application.id}`).toString('base64'),
      // A real certificate: the public check of it must show nothing an analyst may not read either.
      certificateNumber: (await api.prisma.trainingRecord.findFirst({ where: { certificateNumber: { not: null } } }))?.certificateNumber ?? 'XJTP-2025-0001',
    };

    // Every root field, in full; connections give their largest first page.
    const query = types.get(schema.data.__schema.queryType.name)!;
    const ids = new Map<string, Set<string>>();
    for (const field of query.fields!) {
      if (field.name === 'node' || field.name === 'nodes') continue;
      const args = field.args.map((arg) => {
        if (arg.name === 'first') return 'first: 100';
        if (!required(arg.type)) return null;
        const value = argumentValue(field.name, arg.name, arg.type, context);
        if (value === null) throw new Error(`the sweep has no value for Query.${field.name}(${arg.name}): teach argumentValue`);
        return `${arg.name}: ${value}`;
      }).filter(Boolean);
      const base = named(field.type);
      const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
      const document = `query { ${base.kind === 'SCALAR' || base.kind === 'ENUM' ? call : `${call} { ${selection(base.name!, context, 0, base.name!.endsWith('Connection'))} }`} }`;
      const response = await gqlAsAnalyst(document);
      strings(response.data, '', found);
      strings(response.errors, `${field.name} errors`, found);
      nodeIds(response.data, ids);
    }
    // Every node met, through `nodes`, with every field of its type.
    for (const [typeName, idSet] of ids) {
      const all = [...idSet];
      for (let start = 0; start < all.length; start += 50) {
        const batch = all.slice(start, start + 50);
        const response = await gqlAsAnalyst(`query { nodes(ids: ${JSON.stringify(batch)}) { ... on ${typeName} { ${selection(typeName, context)} } } }`);
        expect(response.errors, typeName).toBeUndefined();
        strings(response.data, `nodes(${typeName})`, found);
      }
    }
    for (const { text } of found) if (text.startsWith('/files/forms/')) filePaths.add(text);
  }, 600_000);

  it('sweeps every root field, the applications of the round and their audit records', () => {
    const paths = new Set(found.map(({ path }) => path.replace(/\[\d+\]/g, '')));
    for (const expected of ['nodes(Application).nodes.birthMonth', 'users.edges.node.username', 'nodes(AuditRecord).nodes.details', 'nodes(Application).nodes.hostPreferences.contactPhone']) {
      expect([...paths].some((path) => path.startsWith(expected)), expected).toBe(true);
    }
    expect(found.some(({ text }) => text === newcomer.name), "the application created here").toBe(true);
  });

  it('finds no identifier and no birth date in any string of any answer', () => {
    expectNoLeaks(found);
  });

  it('shows ID numbers and applicants\u2019 usernames without a single digit, birth dates as year and month', () => {
    const idFields = found.filter(({ path }) => /idNumber$/i.test(path));
    expect(idFields.length).toBeGreaterThan(0);
    for (const { path, text } of idFields) expect(text, path).not.toMatch(/\d/);
    const months = found.filter(({ path }) => path.endsWith('.birthMonth'));
    expect(months.length).toBeGreaterThan(0);
    for (const { text } of months) expect(text).toMatch(/^\d{4}-\d{2}$/);
    // Application.birthDate is null for analysts; a birth date in audit details is cut to the month.
    for (const { path, text } of found.filter(({ path }) => /birthDate$/i.test(path))) expect(text, path).toMatch(/^\d{4}-\d{2}$/);
  });

  it('finds none in the form files the answers point to (forms 2 to 5, PDF and XLSX)', async () => {
    const byForm = (pattern: RegExp) => [...filePaths].filter((path) => pattern.test(path));
    const files = [
      // Forms 2 and 3 of a sample of applications, the one created here among them.
      ...byForm(/form2\.pdf$/).slice(0, 6),
      ...byForm(/form3\.pdf$/).slice(0, 6),
      ...byForm(/form4\.pdf/),
      ...byForm(/form5\.(pdf|xlsx)/),
    ];
    for (const kind of ['form2.pdf', 'form3.pdf', 'form4.pdf', 'form5.pdf', 'form5.xlsx']) expect(files.some((path) => path.includes(kind)), kind).toBe(true);
    const texts: Array<{ path: string; text: string }> = [];
    for (const path of files) texts.push({ path, text: await fileText(path) });
    expectNoLeaks(texts);
    // Each listed applicant's 出生年月 beside an ID number of stars.
    const lists = texts.filter(({ path, text }) => /form[45]/.test(path) && text.includes(hiddenId));
    expect(lists.length).toBeGreaterThan(0);
    for (const { path, text } of lists) expect(text, path).toMatch(/\d{4}\.\d{2}/);
  }, 600_000);
});

// ───────────────────────────── filters and sort keys ─────────────────────────────

describe('what an analyst may ask of birth dates and usernames', () => {
  const list = 'query($filter: ApplicationFilter, $orderBy: [ApplicationOrder!]) { applications(first: 5, filter: $filter, orderBy: $orderBy) { totalCount } }';

  it.each(['birthDateFrom', 'birthDateTo'])('refuses the %s filter, by field, in Chinese', async (field) => {
    const response = await api.gql(list, { filter: { [field]: '1988-06-15' } }, tokens.analyst);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['filter', field], message: expect.stringContaining('出生年月') }] });
    const counts = await api.gql(
      'query($filter: ApplicationFilter) { applicationCounts(groupBy: [GENDER], filter: $filter) { __typename ... on ValidationFailedError { problems { path message } } } }',
      { filter: { [field]: '1988-06-15' } },
      tokens.analyst,
    );
    expect(counts.data.applicationCounts).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['filter', field] }] });
    // A regional admin may.
    expect((await api.gql(list, { filter: { [field]: '1988-06-15' } }, tokens.admin)).errors).toBeUndefined();
  });

  it('refuses sorting by birth date', async () => {
    const response = await api.gql(list, { orderBy: [{ field: 'NAME', direction: 'ASC' }, { field: 'BIRTH_DATE', direction: 'DESC' }] }, tokens.analyst);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['orderBy', '1', 'field'] }] });
  });

  it('filters by birth month, both months included', async () => {
    const response = await api.gql(list, { filter: { birthMonthFrom: '1985-03', birthMonthTo: '1990-11' } }, tokens.analyst);
    expect(response.errors).toBeUndefined();
    const expected = await api.prisma.application.count({
      where: { birthDate: { gte: new Date('1985-03-01T00:00:00Z'), lt: new Date('1990-12-01T00:00:00Z') } },
    });
    expect(response.data.applications.totalCount).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    const wrong = await api.gql(list, { filter: { birthMonthFrom: '1985-3-01' } }, tokens.analyst);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['filter', 'birthMonthFrom'] }] });
  });

  it('cannot find an applicant in the audit log by username, while a regional admin can', async () => {
    const query = 'query($u: String!) { auditRecords(first: 5, filter: { actorUsername: $u }) { totalCount } }';
    expect((await api.gql(query, { u: newcomer.idNumber }, tokens.admin)).data.auditRecords.totalCount).toBeGreaterThan(0);
    expect((await api.gql(query, { u: newcomer.idNumber }, tokens.analyst)).data.auditRecords.totalCount).toBe(0);
    expect((await api.gql(query, { u: 'admin' }, tokens.analyst)).data.auditRecords.totalCount).toBeGreaterThan(0);
  });

  it('lists users by role and creation, not by the usernames that are ID numbers', async () => {
    const response = await api.gql('{ users(first: 100) { edges { node { id } } } }', {}, tokens.analyst);
    const expected = await api.prisma.user.findMany({ orderBy: [{ role: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], take: 100, select: { id: true } });
    expect(response.data.users.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected.map((user) => user.id));
  });
});
