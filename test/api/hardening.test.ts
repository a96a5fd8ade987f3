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
    expect(messages(await api.gql(aliases(queryLimits.maxAliases + 1), {}, token))).toMatch(/aliases limit/i);
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
