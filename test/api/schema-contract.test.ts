// The schema as a contract: the committed SDL is what the code builds, every root field
// declares who may call it, and what goes wrong unexpectedly reaches clients masked.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError, isObjectType } from 'graphql';
import { schema } from '@tepei/api/schema';
import { printedSchema, schemaFilePath } from '@tepei/api/printed-schema';
import { authScopesFor, type AuthScopes } from '@tepei/api/auth/scopes';
import { defaultFailedLoginDelay, setFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { RoundPhaseError } from '@tepei/api/errors/domain-errors';
import { maskError } from '@tepei/api/errors/mask-error';
import { startApi, type TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';
import { arrangeWorld, internalLeaks, keepResponses, rootFields, tokenOf, type Role, type World } from '../support/matrix.ts';
import { mutationCalls, succeedsAs } from '../support/mutation-roles.ts';
import { withFailingWrites } from '../support/failing-writes.ts';

// ─────────────────────────────── (a) the committed SDL ───────────────────────────────

describe('the committed schema', () => {
  it('api/schema.graphql is exactly what the code prints', () => {
    const committed = fs.readFileSync(schemaFilePath, 'utf8');
    expect(committed === printedSchema(), 'api/schema.graphql is out of date: run `pnpm schema:print` and commit the result').toBe(true);
  });
});

// ─────────────────────────────── (b) explicit access rules ───────────────────────────────

/** The scope names the API knows (auth/scopes.ts). */
const knownScopes = Object.keys(authScopesFor({ actor: null, requestId: 'contract', clientAddress: null, now: () => new Date() })) as Array<keyof AuthScopes>;

/** Fields anyone may call without signing in; a new one must be added here on purpose. */
const publicFields = ['Query.health', 'Query.registrationUnits', 'Query.verifyCertificate', 'Mutation.login', 'Mutation.register'];

type ScopeMap = Record<string, unknown>;

function scopesOf(extensions: unknown): ScopeMap | ((...args: unknown[]) => unknown) | undefined {
  return (extensions as { pothosOptions?: { authScopes?: ScopeMap } } | undefined)?.pothosOptions?.authScopes;
}

/** Scope names used in a rule, through $any / $all. */
function scopeNames(rule: ScopeMap): string[] {
  return Object.entries(rule).flatMap(([key, value]) => (key === '$any' || key === '$all' ? scopeNames(value as ScopeMap) : [key]));
}

const rootFieldList = () => {
  const fields = rootFields(schema);
  return [
    ...fields.query.map((name) => ['Query', name, schema.getQueryType()!.getFields()[name]!] as const),
    ...fields.mutation.map((name) => ['Mutation', name, schema.getMutationType()!.getFields()[name]!] as const),
  ];
};

describe('every root field declares who may call it', () => {
  it('reads the rule where Pothos keeps it (extensions.pothosOptions.authScopes), for withAuth fields too', () => {
    // users uses `authScopes:` in its options, applications uses `t.withAuth(...)`.
    expect(scopesOf(schema.getQueryType()!.getFields().users!.extensions)).toEqual({ regional: true, analyst: true });
    expect(scopesOf(schema.getQueryType()!.getFields().applications!.extensions)).toEqual({ signedIn: true });
  });

  it('no root Query or Mutation field, relay node and nodes included, is without an access rule', () => {
    const names = rootFieldList().map(([type, name]) => `${type}.${name}`);
    expect(names).toContain('Query.node');
    expect(names).toContain('Query.nodes');
    const withoutRule = rootFieldList()
      .filter(([, , field]) => {
        const rule = scopesOf(field.extensions);
        return !rule || (typeof rule === 'object' && Object.keys(rule).length === 0);
      })
      .map(([type, name]) => `${type}.${name}`);
    expect(withoutRule, 'fields without authScopes').toEqual([]);
  });

  it('every rule names scopes that exist, and only the known public fields are public', () => {
    const unknown: string[] = [];
    const open: string[] = [];
    for (const [type, name, field] of rootFieldList()) {
      const rule = scopesOf(field.extensions);
      if (!rule || typeof rule === 'function') continue;
      for (const scope of scopeNames(rule)) if (!knownScopes.includes(scope as keyof AuthScopes)) unknown.push(`${type}.${name}: ${scope}`);
      if (scopeNames(rule).includes('public')) open.push(`${type}.${name}`);
    }
    expect(unknown).toEqual([]);
    expect(open.sort()).toEqual([...publicFields].sort());
  });

  it('every type node(id) can return declares an access rule of its own', () => {
    const nodeTypes = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'));
    expect(nodeTypes.length).toBeGreaterThan(0);
    const withoutRule = nodeTypes.filter((type) => !scopesOf(type.extensions)).map((type) => type.name);
    expect(withoutRule).toEqual([]);
  });
});

// ─────────────────────────────── (c) unexpected errors are masked ───────────────────────────────

let api: TestApi;
let world: World;
let responses: ReturnType<typeof keepResponses>;
const now = new Date('2026-12-01T10:00:00+08:00');

beforeAll(async () => {
  setFailedLoginDelay(() => 0);
  api = await startApi({ clock: () => now });
  responses = keepResponses(api);
  world = await arrangeWorld(api);
});
afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

const notAUuid = 'not-a-uuid';

describe('unexpected errors reach clients masked', () => {
  const cases: Array<[string, string, () => Record<string, unknown>, Role]> = [
    ['a mutation given a well-formed global id whose key is not a uuid', 'mutation($id: ID!) { withdrawApplication(id: $id, version: 1, reason: "撤回") { __typename ... on Error { message } } }', () => ({ id: globalId('Application', notAUuid) }), 'regional'],
    ['a mutation given a malformed global id', 'mutation($id: ID!) { withdrawApplication(id: $id, version: 1, reason: "撤回") { __typename ... on Error { message } } }', () => ({ id: 'not-base64!!' }), 'regional'],
    ['a mutation given a global id of the wrong type', 'mutation($id: ID!) { employerReview(id: $id, version: 1, decision: ENDORSE, conductConfirmed: true) { __typename ... on Error { message } } }', () => ({ id: world.roundGlobalId }), 'employer'],
    ['a query by an id whose key is not a uuid', 'query($id: ID!) { application(id: $id) { id } }', () => ({ id: globalId('Application', notAUuid) }), 'regional'],
    ['node(id) by an id whose key is not a uuid', 'query($id: ID!) { node(id: $id) { id } }', () => ({ id: globalId('Application', notAUuid) }), 'regional'],
    ['a raw SQL query fed a round id that is not a uuid', 'mutation($r: ID!, $a: ID!) { setAreaAllocation(roundId: $r, areaId: $a, mode: REMOTE, places: 5) { __typename ... on Error { message } } }', () => ({ r: globalId('Round', notAUuid), a: globalId('Area', world.programme.urumqi.areaId) }), 'regional'],
    ['a write that violates a foreign key (a round that does not exist)', 'mutation($r: ID!) { createOrientationSession(roundId: $r, title: "训前培训", heldOn: "2027-05-01", place: "乌鲁木齐市") { __typename ... on Error { message } } }', () => ({ r: globalId('Round', '00000000-0000-4000-8000-000000000000') }), 'regional'],
    ['a connection given a cursor that is not one', 'query { applications(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount edges { node { id } } } }', () => ({}), 'regional'],
    ['the audit log given a cursor that is not a number', 'query { auditRecords(first: 5, after: "garbage") { totalCount } }', () => ({}), 'analyst'],
  ];

  it.each(cases)('%s: no SQL, ORM or stack in the answer; an internal error says only "Unexpected error."', async (_name, document, variables, role) => {
    const response = await api.gql(document, variables(), tokenOf(world, role));
    expect(internalLeaks(response), JSON.stringify(response)).toEqual([]);
    for (const error of response.errors ?? []) {
      expect(error.extensions ?? {}).not.toHaveProperty('stack');
      expect(error.extensions ?? {}).not.toHaveProperty('originalError');
      if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') expect(error.message).toBe('Unexpected error.');
    }
  });

  it('an internal failure and a typed refusal look different: the typed one names its code, the internal one nothing more', async () => {
    const refused = await api.gql('mutation($id: ID!) { withdrawApplication(id: $id, version: 1, reason: "撤回") { __typename ... on Error { code message } } }', { id: globalId('Application', '00000000-0000-4000-8000-000000000000') }, tokenOf(world, 'regional'));
    expect(refused.data.withdrawApplication).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const failed = await withFailingWrites(api.prisma, 'Round', 'true', () =>
      api.gql('mutation($r: ID!) { setModePlaces(roundId: $r, remotePlaces: 200, localPlaces: 200) { __typename } }', { r: world.roundGlobalId }, tokenOf(world, 'regional')),
    );
    expect(failed.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    // Malformed input is the client's, not an internal failure: refused as such, and not echoed.
    const malformed = await api.gql('mutation($id: ID!) { withdrawApplication(id: $id, version: 1, reason: "撤回") { __typename } }', { id: globalId('Application', notAUuid) }, tokenOf(world, 'regional'));
    expect(malformed.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(JSON.stringify(malformed)).not.toContain(notAUuid);
  });

  it('a business refusal that its field\'s result union does not list is still that refusal: its code and Chinese message, not "Unexpected error."', () => {
    const refusal = new RoundPhaseError('PREPARING', '2030年度当前为“筹备中”阶段，登记结业须在“培养中”阶段进行');
    const answered = maskError(new GraphQLError(refusal.message, { originalError: refusal, path: ['completeTraining'] }), 'Unexpected error.');
    expect(answered).toBeInstanceOf(GraphQLError);
    expect((answered as GraphQLError).toJSON()).toEqual({ message: refusal.message, path: ['completeTraining'], extensions: { code: 'WRONG_ROUND_PHASE' } });
    // A plain failure stays masked.
    const internal = maskError(new GraphQLError('relation "x" does not exist', { originalError: new Error('relation "x" does not exist') }), 'Unexpected error.');
    expect((internal as GraphQLError).message).toBe('Unexpected error.');
  });
});

// ─────────────────────────────── (d) any valid selection works ───────────────────────────────



describe('a client may select as little as it likes', () => {
  it('names every mutation', () => {
    expect(Object.keys(succeedsAs).sort()).toEqual(rootFields(schema).mutation);
  });

  it.each(Object.entries(succeedsAs))('%s succeeds when the client selects only __typename', async (field, role) => {
    const call = await mutationCalls[field]!(world, role);
    const response = await call.run('__typename');
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data[field].__typename).toBe(`Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`);
  });
});

describe('responses', () => {
  it('no response of this file shows driver, SQL or stack internals', () => {
    const leaking = responses.map(({ query, body }) => ({ query: query.trim().slice(0, 80), leaks: internalLeaks(body), body: JSON.stringify(body).slice(0, 300) })).filter((entry) => entry.leaks.length);
    expect(leaking).toEqual([]);
  });
});
