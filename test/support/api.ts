// The API under test, in process: a clean migrated database, the API's Prisma client bound to
// it, and yoga answering `fetch` calls without opening a port.
//
//   const api = await startApi({ seeded: true });
//   const token = await api.login('admin');
//   const { data, errors } = await api.gql('query { me { username } }', {}, token);
//   await api.close();
//
// The API keeps one Prisma client per process (api/src/db.ts), so a test file runs one API at
// a time: start it in beforeAll, close it in afterAll.
import type { PrismaClient } from '@tepei/db/client';
import { connectPrisma, disconnectPrisma } from '@tepei/api/db';
import { startSessionChangeFeed, stopSessionChangeFeed } from '@tepei/api/auth/session-cache';
import { createYogaApp, type YogaApp } from '@tepei/api/yoga';
import { demoPassword } from '@tepei/db/seed';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** The password of every demo account the seed creates. */
export { demoPassword };

export interface StartApiOptions {
  /** The API's notion of now (sessions, lockouts, deadlines, audit times). Defaults to the system clock. */
  clock?: () => Date;
  /**
   * Seed the demo data (`@tepei/db/seed`): accounts `admin`, `analyst`, `pref-<area code>`,
   * `unit-001`…, `applicant`, all with `demoPassword`. Seeded for the clock's date when a
   * clock is given; the seed needs that date to be 2026-07-01 or later.
   */
  seeded?: boolean;
  /** Connections of the API's pool; more than the default for tests that race many requests. */
  poolSize?: number;
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** The parsed response body, with the HTTP status beside it. */
export interface GqlResponse<Data = any> {
  status: number;
  data?: Data | null;
  errors?: GqlError[];
}

export interface TestApi {
  yoga: YogaApp;
  /** The API's own Prisma client, for arranging data and checking what was stored. */
  prisma: PrismaClient;
  db: TestDatabase;
  /**
   * Posts one GraphQL operation to /graphql, as `token`'s user when a token is given, from
   * `clientAddress` when one is given (else the API knows no address, as for a script).
   */
  gql<Data = any>(query: string, variables?: Record<string, unknown>, token?: string, clientAddress?: string): Promise<GqlResponse<Data>>;
  /** Signs in through the `login` mutation and returns the bearer token; throws when refused. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

const loginMutation = /* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on MutationLoginSuccess { data { token } }
      ... on Error { message }
    }
  }
`;

/**
 * Posts one GraphQL operation to `yoga` (the test API's, or another instance over the same
 * database). A client address is handed in the way node's server does: as the peer of `req`.
 */
export async function postGraphql<Data = any>(
  yoga: YogaApp,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  clientAddress?: string,
): Promise<GqlResponse<Data>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const serverContext = clientAddress ? { req: { socket: { remoteAddress: clientAddress } } } : {};
  const response = await yoga.fetch('http://test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }, serverContext);
  const body = (await response.json()) as Omit<GqlResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

export async function startApi(options: StartApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase({ seeded: options.seeded ? { today: options.clock?.() } : undefined });
  // Same pool size as the test database's own client: PGlite serves one query at a time.
  const prisma = connectPrisma({ url: db.url, embedded: db.engine === 'embedded', poolSize: db.engine === 'embedded' ? db.poolSize : (options.poolSize ?? db.poolSize) });
  // Sessions are kept as main.ts keeps them, so every test of revocation runs through the cache.
  startSessionChangeFeed({ url: db.url, embedded: db.engine === 'embedded' });
  const yoga = createYogaApp({ clock: options.clock });

  function gql<Data = any>(query: string, variables: Record<string, unknown> = {}, token?: string, clientAddress?: string): Promise<GqlResponse<Data>> {
    return postGraphql<Data>(yoga, query, variables, token, clientAddress);
  }

  async function login(username: string, password = demoPassword): Promise<string> {
    const { data, errors } = await gql<{ login: { __typename: string; data?: { token: string }; message?: string } }>(loginMutation, {
      username,
      password,
    });
    const result = data?.login;
    if (!result?.data) throw new Error(`login as ${username} refused: ${result?.message ?? JSON.stringify(errors)}`);
    return result.data.token;
  }

  return {
    yoga,
    prisma,
    db,
    gql,
    login,
    async close() {
      await stopSessionChangeFeed();
      await disconnectPrisma();
      await db.close();
    },
  };
}
