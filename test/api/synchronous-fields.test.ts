// Below the root field, the reviewers' pages resolve without a promise: their data came with the
// page's one statement, so a field that still answers with a promise (an async id encoder, a
// batch loader asked for a value the read already computed) only makes graphql-js complete every
// row's object through promises — on the queue page that was a sixth of the API's CPU (issue 12).
// Every field of the schema is watched, so a field added later is held to the same.
import { defaultFieldResolver, type GraphQLResolveInfo, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '@tepei/bench/operations';
import { schema } from '@tepei/api/schema';
import { shapedReads } from '@tepei/api/modules/applications/application-reads';
import { startApi, type TestApi } from '../support/api.ts';

/** `Type.field` of every resolver below the root that answered with a promise, since the last reset. */
const promised = new Set<string>();

function watchEveryField() {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, context, info: GraphQLResolveInfo) => {
        const result = resolve(parent, args, context, info);
        const belowRoot = info.path.prev !== undefined;
        if (belowRoot && typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') promised.add(`${type.name}.${field.name}`);
        return result;
      };
    }
  }
}

const queue = operations.find((operation) => operation.name === 'queue')!;
const detail = operations.find((operation) => operation.name === 'detail')!;

let api: TestApi;
let token: string;

beforeAll(async () => {
  watchEveryField();
  api = await startApi({ seeded: true, clock: () => new Date('2026-12-01T10:00:00+08:00') });
  token = await api.login('admin');
});
afterAll(() => api?.close());

describe('the reviewers’ pages', () => {
  it('resolve every field below the root synchronously: the queue page', async () => {
    promised.clear();
    const response = await api.gql(queue.document, { first: 50 }, token);
    expect(response.errors).toBeUndefined();
    const rows = response.data.applications.edges;
    // The page has rows with every relation the document asks for, so each field did resolve.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row: { node: { reviews: unknown[]; hostPreferences: unknown[] } }) => row.node.reviews.length && row.node.hostPreferences.length)).toBe(true);
    expect(rows.every((row: { node: { eligibility: unknown[] } }) => row.node.eligibility.length === 6)).toBe(true);
    expect([...promised]).toEqual([]);
  });

  it('resolve every field below the root synchronously: the application page', async () => {
    const page = await api.gql(queue.document, { first: 50 }, token);
    const { id } = page.data.applications.edges.find((row: { node: { reviews: unknown[] } }) => row.node.reviews.length).node;
    promised.clear();
    const response = await api.gql(detail.document, { id }, token);
    expect(response.errors).toBeUndefined();
    expect(response.data.node.id).toBe(id);
    expect(response.data.node.statusHistory.length).toBeGreaterThan(0);
    expect([...promised]).toEqual([]);
  });

  it('sees a field that answers with a promise: eligibility loaded by its own query when the page was read by Prisma', async () => {
    shapedReads.enabled = false;
    try {
      promised.clear();
      const response = await api.gql(queue.document, { first: 50 }, token);
      expect(response.errors).toBeUndefined();
      expect(response.data.applications.edges.length).toBeGreaterThan(0);
      expect([...promised]).toEqual(expect.arrayContaining(['Application.eligibility', 'Application.missingSignedScans']));
    } finally {
      shapedReads.enabled = true;
    }
  });
});
