// Compiled execution (api/src/compiled-execution.ts, graphql-jit) answers exactly as graphql-js'
// interpreter does: every resource's list and show page as the console asks for them, and the
// reviewers' pages the bench measures, for each role, over the seeded programme — data, errors
// and their codes alike. The patches it needs (a type's scopes asked with the context and the
// path, an execution scope found by the path's value) are what such a comparison checks.
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQueryFactory } from '../../admin/src/dataProvider/buildQuery.ts';
import { resources } from '../../admin/src/dataProvider/resources.ts';
import { compiledOperations } from '@tepei/api/compiled-execution';
import { operations } from '@tepei/bench/operations';
import { employerUsername, prefectureUsername } from '@tepei/db/seed/accounts';
import { startApi, type GqlResponse, type TestApi } from '../support/api.ts';

const buildQuery = buildQueryFactory(undefined as never);
const listParams = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} };
const readers = ['admin', 'analyst', prefectureUsername('653100'), employerUsername(1), 'applicant'];

let api: TestApi;
const tokens = new Map<string, string>();

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => new Date('2026-12-01T10:00:00+08:00') });
  for (const username of readers) tokens.set(username, await api.login(username));
});
afterAll(() => {
  compiledOperations.enabled = true;
  return api?.close();
});

/** What a client sees of an answer: its status, data, and each error's message, path and code. */
function seen(response: GqlResponse) {
  return {
    status: response.status,
    data: response.data,
    errors: response.errors?.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code })),
  };
}

/** The same request answered compiled and interpreted; the compiled answer is returned. */
async function answeredAlike(username: string, query: string, variables: Record<string, unknown>) {
  const token = tokens.get(username)!;
  compiledOperations.enabled = false;
  const interpreted = seen(await api.gql(query, variables, token));
  compiledOperations.enabled = true;
  const compiled = seen(await api.gql(query, variables, token));
  expect(compiled, `${username}: ${query}`).toEqual(interpreted);
  return compiled;
}

describe('compiled execution', () => {
  it.each(readers)('answers every resource’s list and show pages as graphql-js does, for %s', async (username) => {
    let rowsSeen = 0;
    for (const resource of Object.keys(resources)) {
      const list = buildQuery('GET_LIST', resource, listParams);
      const answer = await answeredAlike(username, print(list.query), list.variables ?? {});
      const rows = Object.values((answer.data ?? {}) as Record<string, unknown>).find(Array.isArray) as { id: string }[] | undefined;
      rowsSeen += rows?.length ?? 0;
      if (resources[resource]!.nodeType && rows?.[0]) {
        const one = buildQuery('GET_ONE', resource, { id: rows[0].id });
        await answeredAlike(username, print(one.query), one.variables ?? {});
      }
    }
    // Every reader sees some rows, so the comparison is of answers, not of empty lists.
    expect(rowsSeen).toBeGreaterThan(0);
  });

  it('answers the reviewers’ queue and application pages as graphql-js does, for the prefecture and the regional admin', async () => {
    const queue = operations.find((operation) => operation.name === 'queue')!;
    const detail = operations.find((operation) => operation.name === 'detail')!;
    for (const username of ['admin', prefectureUsername('653100')]) {
      const page = await answeredAlike(username, queue.document, { first: 50 });
      const rows = (page.data as { applications: { edges: { node: { id: string } }[] } }).applications.edges;
      expect(rows.length).toBeGreaterThan(0);
      await answeredAlike(username, detail.document, { id: rows[0]!.node.id });
    }
  });

  it('answers a refusal and a signed-out caller as graphql-js does', async () => {
    const users = buildQuery('GET_LIST', 'users', listParams);
    const refused = await answeredAlike(prefectureUsername('653100'), print(users.query), users.variables ?? {});
    expect(refused.errors?.[0]?.code).toBe('FORBIDDEN');
    compiledOperations.enabled = false;
    const interpreted = seen(await api.gql('query { me { username } }'));
    compiledOperations.enabled = true;
    expect(seen(await api.gql('query { me { username } }'))).toEqual(interpreted);
    expect(interpreted.errors?.[0]?.code).toBe('UNAUTHENTICATED');
  });
});
