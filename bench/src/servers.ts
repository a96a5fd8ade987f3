// The API, the baseline and PostGraphile of one database, started side by side, signed in with
// real tokens, and the requests each operation sends them.
import { isDeepStrictEqual } from 'node:util';
import { node22Path } from '@tepei/node22';
import { demoPassword } from '@tepei/db/seed';
import { benchToday } from './bench-today.ts';
import type { LoadRequest } from './load.ts';
import { type Operation, requestBody, type Scenario } from './operations.ts';
import { postgraphilePages } from './postgraphile/pages.ts';
import { installPrefectureRowSecurity } from './postgraphile/row-security.ts';
import type { SelectionPool } from './selection-pool.ts';
import { type ServerChild, startServerChild } from './server-child.ts';

export interface Servers {
  api: ServerChild;
  /** Absent on the embedded database (and where a test does without it). */
  baseline?: ServerChild;
  /** PostGraphile 5; absent on the embedded database and with `--no-postgraphile`. */
  postgraphile?: ServerChild;
  tokens: Record<Operation['user'], string>;
  scenario: Scenario;
  pool?: SelectionPool;
}

const loginDocument = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { __typename ... on MutationLoginSuccess { data { token } } ... on Error { message } }
}`;

export async function post(url: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** Real tokens: the login mutation with the demo password, through HTTP. */
async function login(api: ServerChild, username: string): Promise<string> {
  const { text } = await post(`${api.url}/graphql`, JSON.stringify({ query: loginDocument, variables: { username, password: demoPassword } }));
  const token = JSON.parse(text)?.data?.login?.data?.token as string | undefined;
  if (!token) throw new Error(`login as ${username} refused: ${text}`);
  return token;
}

export interface ProductionApi {
  /** bench/dist/api-server.mjs (production-bundle.ts). */
  bundle: string;
  /** start:prod's node options. */
  nodeArgs: string[];
  /** A file descriptor for the API's stdout: its JSON request log. */
  log: number;
}

/** Starts the API alone, timed until its first 200 from /readiness. `production`: from its bundle, as `pnpm start:prod` runs it. */
export function startApi(target: { url: string } | { embeddedDir: string }, production?: ProductionApi): Promise<ServerChild> {
  return startServerChild(
    'api-server.ts',
    {
      ...('url' in target ? { BENCH_DATABASE_URL: target.url } : { BENCH_EMBEDDED_DIR: target.embeddedDir }),
      // Node options for the API process only, e.g. a heap limit to see what memory it needs.
      NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS ?? '',
      ...(production ? { NODE_ENV: 'production', BENCH_API_START: 'production' } : {}),
    },
    { readinessPath: '/readiness', ...(production ? { bundle: production.bundle, nodeArgs: production.nodeArgs, stdout: production.log } : {}) },
  );
}

/**
 * PostGraphile on the bench database, by Node 22, after the role, row-level security and
 * computed columns it needs are installed there; ready once it answers a query.
 */
async function startPostGraphile(url: string): Promise<ServerChild> {
  await installPrefectureRowSecurity(url);
  // GRAPHILE_ENV set: Grafast otherwise prints a notice that it runs in production mode.
  return startServerChild('postgraphile-server.ts', { BENCH_DATABASE_URL: url, GRAPHILE_ENV: 'production' }, { execPath: node22Path });
}

/** Starts the API (on a server URL or an embedded folder) and, on a server, the baseline and PostGraphile (unless told not to); signs in. */
export async function startServers(
  target: { url: string } | { embeddedDir: string },
  scenario: Scenario,
  production?: ProductionApi,
  { baseline = true, postgraphile = true }: { baseline?: boolean; postgraphile?: boolean } = {},
): Promise<Servers> {
  const servers: Omit<Servers, 'tokens'> = { api: await startApi(target, production), scenario };
  try {
    if ('url' in target) {
      if (baseline) servers.baseline = await startServerChild('baseline-server.ts', { BENCH_DATABASE_URL: target.url });
      if (postgraphile) servers.postgraphile = await startPostGraphile(target.url);
    }
    const { api } = servers;
    const tokens = { prefecture: await login(api, scenario.prefectureUsername), admin: await login(api, 'admin'), analyst: await login(api, 'analyst') };
    return { ...servers, tokens };
  } catch (error) {
    await stopServers(servers);
    throw error;
  }
}

export async function stopServers(servers: Pick<Servers, 'api' | 'baseline' | 'postgraphile'>): Promise<void> {
  await servers.api.stop();
  await servers.baseline?.stop();
  await servers.postgraphile?.stop();
}

export const succeeded = (operation: Operation) => (body: string) =>
  operation.mutates ? body.includes('"MutationRegionalDecisionSuccess"') : body.startsWith('{"data"') && !body.includes('"errors"');

export type Side = 'api' | 'baseline' | 'postgraphile';

/** Whether PostGraphile is running and answers `operation` (postgraphile/pages.ts). */
export const postgraphileAnswers = (servers: Servers, operation: Operation): boolean => Boolean(servers.postgraphile && postgraphilePages[operation.name]);

/**
 * What `side` is sent for `operation`: the API at /graphql, the baseline at /<name>, PostGraphile
 * its own document at /graphql (only for the operations of postgraphile/pages.ts). `variables`:
 * the API's, when not the operation's own.
 */
export function requestFor(servers: Servers, side: Side, operation: Operation, variables = operation.variables(servers.scenario)): LoadRequest {
  const server = servers[side]!;
  const token = servers.tokens[operation.user];
  if (side === 'postgraphile') {
    const page = postgraphilePages[operation.name]!;
    const body = JSON.stringify({ query: page.document, variables: page.variables(variables, benchToday) });
    return { url: server.url, path: '/graphql', token, body, succeeded: succeeded(operation) };
  }
  const path = side === 'api' ? '/graphql' : `/${operation.name}`;
  if (operation.mutates) {
    const pool = servers.pool!;
    return {
      url: server.url,
      path,
      token,
      body: () => {
        const variables = pool.take();
        return variables && requestBody(operation, variables);
      },
      succeeded: succeeded(operation),
    };
  }
  return { url: server.url, path, token, body: requestBody(operation, variables), succeeded: succeeded(operation) };
}

function firstDifference(a: unknown, b: unknown, other: string, at = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], other, `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at}: API ${JSON.stringify(a)?.slice(0, 300)} ≠ ${other} ${JSON.stringify(b)?.slice(0, 300)}`;
}

/**
 * Sends the same request to the API and the baseline and compares the parsed answers; the
 * mutation selects the same application from the same state in each. Null when they are
 * deep-equal and successful, else what differs.
 */
export async function answerDifference(servers: Servers, operation: Operation): Promise<string | null> {
  const api = requestFor(servers, 'api', operation);
  const baseline = requestFor(servers, 'baseline', operation);
  const body = typeof api.body === 'string' ? api.body : api.body();
  if (body === null) return 'the selection pool is empty';
  const fromApi = await post(`${api.url}${api.path}`, body, api.token);
  await servers.pool?.reset();
  const fromBaseline = await post(`${baseline.url}${baseline.path}`, body, baseline.token);
  await servers.pool?.reset();
  if (!succeeded(operation)(fromApi.text)) return `the API did not succeed: ${fromApi.text.slice(0, 500)}`;
  return firstDifference(JSON.parse(fromApi.text), JSON.parse(fromBaseline.text), 'baseline');
}

/**
 * Sends the API its request and PostGraphile the same page in its own schema, and compares the
 * API's parsed answer with PostGraphile's in the API's shape (postgraphile/pages.ts). Null when
 * they are deep-equal and both successful, else what differs.
 */
export async function postgraphileDifference(servers: Servers, operation: Operation): Promise<string | null> {
  const api = requestFor(servers, 'api', operation);
  const postgraphile = requestFor(servers, 'postgraphile', operation);
  const fromApi = await post(`${api.url}${api.path}`, api.body as string, api.token);
  const fromPostGraphile = await post(`${postgraphile.url}${postgraphile.path}`, postgraphile.body as string, postgraphile.token);
  if (!succeeded(operation)(fromApi.text)) return `the API did not succeed: ${fromApi.text.slice(0, 500)}`;
  if (!succeeded(operation)(fromPostGraphile.text)) return `PostGraphile did not succeed: ${fromPostGraphile.text.slice(0, 500)}`;
  return firstDifference(JSON.parse(fromApi.text), postgraphilePages[operation.name]!.apiAnswer(JSON.parse(fromPostGraphile.text)), 'PostGraphile');
}
