import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryLimits } from '@tepei/api/hardening';
import { startApi, type TestApi } from '../support/api.ts';
import { arrangeProgramme } from '../fixtures/programme.ts';
import { insertApplications } from '../fixtures/applications.ts';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startApi({ clock: () => new Date('2026-12-01T10:00:00+08:00') });
  await arrangeProgramme(api.prisma);
  token = await api.login('analyst');
});
afterAll(() => api?.close());

const messages = (response: { errors?: Array<{ message: string }> }) => (response.errors ?? []).map((error) => error.message).join(' | ');

/** A selection `depth` fields deep: applications → edges → node → unit → applications → … → id. */
function deepQuery(depth: number): string {
  const chain = ['applications(first: 1)', 'edges', 'node', 'unit'];
  let inner = 'id';
  for (let level = depth - 1; level >= 1; level--) inner = `${chain[(level - 1) % chain.length]} { ${inner} }`;
  return `{ ${inner} }`;
}

describe('limits for hand-written queries', () => {
  it(`accepts a selection ${queryLimits.maxDepth} deep and refuses one level more`, async () => {
    expect(messages(await api.gql(deepQuery(queryLimits.maxDepth), {}, token))).not.toMatch(/depth limit/i);
    expect(messages(await api.gql(deepQuery(queryLimits.maxDepth + 1), {}, token))).toMatch(/depth limit/i);
  });

  it(`accepts ${queryLimits.maxAliases} aliases and refuses one more`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: health { ok }`).join(' ')} }`;
    const atLimit = await api.gql(aliases(queryLimits.maxAliases), {}, token);
    expect(atLimit.errors).toBeUndefined();
    expect(messages(await api.gql(aliases(queryLimits.maxAliases + 1), {}, token))).toMatch(/别名过多.*最多 20 个/);
  });

  it(`counts \`__typename\` aliases too: ${queryLimits.maxAliases} accepted, one more refused`, async () => {
    const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const atLimit = await api.gql(typenames(queryLimits.maxAliases), {}, token);
    expect(atLimit.errors, messages(atLimit)).toBeUndefined();
    const over = await api.gql(typenames(queryLimits.maxAliases + 1), {}, token);
    expect(over.data).toBeUndefined();
    expect(messages(over)).toMatch(/别名过多.*本操作有 21 个/);
    expect(messages(await api.gql(typenames(1500), {}, token))).toMatch(/本操作有 1500 个/);
  });

  it('counts the aliases of a fragment each time it is spread, inline fragments included', async () => {
    // Five holds 5 aliases; Ten spreads it twice. Ten + Five + Five = 20; one alias beside them is 21.
    const fragments = `
      fragment Five on Query { f1: __typename f2: __typename ... on Query { f3: __typename f4: __typename } f5: health { ok } }
      fragment Ten on Query { ...Five ...Five }`;
    const operation = (extra: string) => `{ ${extra} ...Ten ...Five ... on Query { ...Five } } ${fragments}`;
    const atLimit = await api.gql(operation(''), {}, token);
    expect(atLimit.errors, messages(atLimit)).toBeUndefined();
    expect(messages(await api.gql(operation('x: __typename'), {}, token))).toMatch(/本操作有 21 个/);
  });

  it('refuses fragments that spread each other without counting them forever', async () => {
    const cycle = await api.gql('{ ...A } fragment A on Query { a: __typename ...B } fragment B on Query { b: __typename ...A }', {}, token);
    expect(cycle.data).toBeUndefined();
    expect(messages(cycle)).toMatch(/Cannot spread fragment/);
  });

  it(`accepts ${queryLimits.maxTokens} tokens and refuses one more`, async () => {
    // The query below is 16 tokens with an empty list; each list item is one more.
    const tokens = (n: number) => `{ applications(filter: { statuses: [${' DRAFT'.repeat(n - 16)} ] }) { totalCount } }`;
    const atLimit = await api.gql(tokens(queryLimits.maxTokens), {}, token);
    expect(atLimit.errors, messages(atLimit)).toBeUndefined();
    expect(messages(await api.gql(tokens(queryLimits.maxTokens + 1), {}, token))).toMatch(/token limit/i);
  });

  it(`accepts ${queryLimits.maxDirectives} directives and refuses one more`, async () => {
    const directives = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `d${i}: health @include(if: true) { ok }`).join(' ')} }`;
    expect((await api.gql(directives(queryLimits.maxDirectives), {}, token)).errors).toBeUndefined();
    expect(messages(await api.gql(directives(queryLimits.maxDirectives + 1), {}, token))).toMatch(/directives limit/i);
  });

  it('refuses a query whose cost is over the limit, and accepts the largest query the console sends', async () => {
    const wide = Array.from({ length: 20 }, (_, i) => `c${i}: applications(first: 100) { edges { node { unit { applications(first: 100) { edges { node { name area { name code } round { year name } } } } } } } }`).join(' ');
    expect(messages(await api.gql(`{ ${wide} }`, {}, token))).toMatch(/cost limit/i);
    const detail = await api.gql(
      `{ applications(first: 50) { totalCount edges { node { id name status mode idNumber phone unit { name area { name } } area { name } round { year }
         hostPreferences { rank institution mentor } eligibility { rule outcome reason } reviews { stage decision comment findings { item result comment } }
         statusHistory { fromStatus toStatus at reason } workHistory { startMonth work } awards { name level } publications { titleAndContent } } } } }`,
      {},
      token,
    );
    expect(detail.errors).toBeUndefined();
  });

  it(`caps a page at ${queryLimits.maxPageSize} rows`, async () => {
    const programme = await api.prisma.round.findFirstOrThrow();
    const area = await api.prisma.area.findFirstOrThrow({ where: { code: '653100' }, include: { units: true } });
    await insertApplications(api.prisma, { roundId: programme.id, unitId: area.units[0]!.id, areaId: area.id }, queryLimits.maxPageSize + 5, 'SUBMITTED');
    const page = await api.gql(`{ applications(first: ${queryLimits.maxPageSize + 1}) { totalCount edges { node { id } } } }`, {}, token);
    expect(page.data.applications.totalCount).toBe(queryLimits.maxPageSize + 5);
    expect(page.data.applications.edges).toHaveLength(queryLimits.maxPageSize);
  });

  it('does not suggest field names to a mistyped query', async () => {
    const response = await api.gql('{ applicationz { totalCount } }', {}, token);
    expect(messages(response)).not.toMatch(/Did you mean/i);
  });

  it('describes the schema only to signed-in users', async () => {
    const anonymous = await api.gql('{ __schema { queryType { name } } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = await api.gql('{ __schema { queryType { name } } }', {}, token);
    expect(signedIn.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses a simple cross-site request (GET without the CSRF header)', async () => {
    const response = await api.yoga.fetch(`http://test/graphql?query=${encodeURIComponent('{ health { ok } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(403);
    const allowed = await api.yoga.fetch(`http://test/graphql?query=${encodeURIComponent('{ health { ok } }')}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(allowed.status).toBe(200);
  });

  it('answers one operation per request (no batching)', async () => {
    const response = await api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ health { ok } }' }, { query: '{ health { ok } }' }]),
    });
    expect(response.status).not.toBe(200);
  });
});

describe('malformed request parameters are HTTP 400', () => {
  const query = encodeURIComponent('{ health { ok } }');
  const long = 'x'.repeat(5000);
  // Past the CSRF check, so that each request reaches the parameters.
  const headers = { accept: 'application/json', 'x-graphql-yoga-csrf': '1' };
  const get = (search: string): RequestInit & { url: string } => ({ url: `http://test/graphql?${search}`, headers });
  const post = (contentType: string, body: string): RequestInit & { url: string } => ({
    url: 'http://test/graphql',
    method: 'POST',
    headers: { ...headers, 'content-type': contentType },
    body,
  });
  const json = (body: unknown) => post('application/json', JSON.stringify(body));
  const multipart = (operations: string) =>
    post('multipart/form-data; boundary=B', `--B\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n--B--\r\n`);

  const cases: Array<[string, RequestInit & { url: string }, RegExp]> = [
    ['GET variables that are not JSON', get(`query=${query}&variables=%7Bbad`), /variables 不是合法的 JSON/],
    ['GET extensions that are not JSON', get(`query=${query}&extensions=%7Bbad`), /extensions 不是合法的 JSON/],
    ['GET variables that are a NUL byte', get(`query=${query}&variables=%00`), /variables 不是合法的 JSON/],
    ['GET variables that are long junk', get(`query=${query}&variables=${long}`), /variables 不是合法的 JSON/],
    ['GET variables that are a list', get(`query=${query}&variables=%5B1%5D`), /variables 应为 JSON 对象/],
    ['GET without a query', get('variables=%7B%7D'), /缺少查询/],
    ['form post with variables that are not JSON', post('application/x-www-form-urlencoded', `query=${query}&variables=%7Bbad`), /variables 不是合法的 JSON/],
    ['JSON body that is not JSON', post('application/json', `{bad${long}`), /请求体不是合法的 JSON/],
    ['empty JSON body', post('application/json', ''), /请求体不是合法的 JSON/],
    ['JSON body that is a number', post('application/json', '42'), /请求体应为一个 JSON 对象/],
    ['JSON body that is null', post('application/json', 'null'), /请求体应为一个 JSON 对象/],
    ['JSON body that is a batch', json([{ query: '{ health { ok } }' }]), /不支持批量请求/],
    ['query that is not a string', json({ query: 5 }), /query 应为字符串/],
    ['operationName that is not a string', json({ query: '{ health { ok } }', operationName: { a: 1 } }), /operationName 应为字符串/],
    ['variables that are a string', json({ query: '{ health { ok } }', variables: 'x' }), /variables 应为 JSON 对象/],
    ['an unknown parameter', json({ query: '{ health { ok } }', [long]: 1 }), /不认识的请求参数/],
    ['multipart operations that are not JSON', multipart(`{bad${long}`), /operations 或 map 字段不合法/],
  ];

  it.each(cases)('%s', async (_name, { url, ...init }, wording) => {
    const response = await api.yoga.fetch(url, init);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ message: string; extensions?: { code?: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors;
    expect(error!.extensions?.code).toBe('BAD_REQUEST');
    expect(error!.message).toMatch(wording);
    // What was sent is repeated, if at all, as a short prefix.
    expect(error!.message.length).toBeLessThan(80);
    expect(error!.message).not.toContain('x'.repeat(21));
  });

  it('still answers well-formed GET and form requests', async () => {
    for (const { url, ...init } of [
      get(`query=${query}&variables=%7B%7D&extensions=%7B%7D&operationName=`),
      post('application/x-www-form-urlencoded', `query=${query}&variables=%7B%7D`),
    ]) {
      const response = await api.yoga.fetch(url, init);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown }).data).toEqual({ health: { ok: true } });
    }
  });
});
