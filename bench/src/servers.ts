// The API and the baseline of one database, started side by side, signed in with real tokens,
// and the requests each operation sends them.
import { isDeepStrictEqual } from 'node:util';
import { demoPassword } from '@tepei/db/seed';
import type { LoadRequest } from './load.ts';
import { type Operation, requestBody, type Scenario } from './operations.ts';
import type { SelectionPool } from './selection-pool.ts';
import { type ServerChild, startServerChild } from './server-child.ts';

export interface Servers {
  api: ServerChild;
  /** Absent on the embedded database. */
  baseline?: ServerChild;
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

/** Starts the API (on a server URL or an embedded folder) and, on a server, the baseline; signs in. */
export async function startServers(target: { url: string } | { embeddedDir: string }, scenario: Scenario, production?: ProductionApi): Promise<Servers> {
  const api = await startApi(target, production);
  let baseline: ServerChild | undefined;
  try {
    if ('url' in target) baseline = await startServerChild('baseline-server.ts', { BENCH_DATABASE_URL: target.url });
    const tokens = { prefecture: await login(api, scenario.prefectureUsername), admin: await login(api, 'admin'), analyst: await login(api, 'analyst') };
    return { api, baseline, tokens, scenario };
  } catch (error) {
    await api.stop();
    await baseline?.stop();
    throw error;
  }
}

export async function stopServers(servers: Servers): Promise<void> {
  await servers.api.stop();
  await servers.baseline?.stop();
}

export const succeeded = (operation: Operation) => (body: string) =>
  operation.mutates ? body.includes('"MutationRegionalDecisionSuccess"') : body.startsWith('{"data"') && !body.includes('"errors"');

/** What `server` is sent for `operation`: the API at /graphql, the baseline at /<name>. */
export function requestFor(servers: Servers, side: 'api' | 'baseline', operation: Operation): LoadRequest {
  const server = servers[side]!;
  const path = side === 'api' ? '/graphql' : `/${operation.name}`;
  const token = servers.tokens[operation.user];
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
  return { url: server.url, path, token, body: requestBody(operation, operation.variables(servers.scenario)), succeeded: succeeded(operation) };
}

function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at}: API ${JSON.stringify(a)?.slice(0, 300)} ≠ baseline ${JSON.stringify(b)?.slice(0, 300)}`;
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
  return firstDifference(JSON.parse(fromApi.text), JSON.parse(fromBaseline.text));
}
