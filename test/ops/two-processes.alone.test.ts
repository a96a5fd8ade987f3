// Two real API processes (`api/src/main.ts`, as `pnpm start` runs it) on one PostgreSQL server,
// as behind a load balancer: a change made through one shows on the other's dashboard within a
// second, never half counted, a download link made by one opens on the other and after the other
// restarts, and a session opened on one serves on the other (failed sign-ins counted by both:
// test/api/sign-in-limits.test.ts). Needs a server (DATABASE_URL): the embedded database serves
// one process only; test/api/shared-state.alone.test.ts proves the same logic in process on both.
// It times how soon the other process sees a change (under a second), so it runs alone (.alone).
import { seedDemoData } from '@tepei/api/demo-data';
import { demoPassword } from '@tepei/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-processes.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { globalId } from '../support/workflow.ts';

let db: TestDatabase;
const processes: ApiProcess[] = [];
let a: ApiProcess;
let b: ApiProcess;
let adminToken: string;
let roundId: string;

async function start(port?: number): Promise<ApiProcess> {
  // The key every process shares must come from the database, not from the environment.
  const started = await startApiProcess({ databaseUrl: db.url, port, env: { FILE_URL_SECRET: undefined } });
  processes.push(started);
  return started;
}

async function gql(api: ApiProcess, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`http://127.0.0.1:${api.port}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (!body.data) throw new Error(`port ${api.port}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const loginMutation = /* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { __typename ... on MutationLoginSuccess { data { token } } }
  }
`;

/** Who `token` signs in on `api`, or null when it is refused there. */
async function usernameOn(api: ApiProcess, token: string): Promise<string | null> {
  const response = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { username } }' }),
  });
  const body = (await response.json()) as { data?: { me: { username: string } | null }; errors?: Array<{ extensions?: { code?: string } }> };
  if (body.errors?.length) {
    expect(body.errors[0]!.extensions?.code).toBe('UNAUTHENTICATED');
    return null;
  }
  return body.data!.me!.username;
}

async function signIn(api: ApiProcess, username: string, password: string) {
  return (await gql(api, loginMutation, { username, password })).login as { __typename: string; data?: { token: string } };
}

const dashboardQuery = /* GraphQL */ `
  query Dashboard($roundId: ID!) {
    quotaUsage(roundId: $roundId) { mode area { code } places used }
    deadlineProgress { totals { selected } perDay { selected } }
  }
`;

interface Dashboard {
  remotePlaces: number;
  selected: number;
  selectedByDay: number;
}

async function dashboardOn(api: ApiProcess): Promise<Dashboard> {
  const data = await gql(api, dashboardQuery, { roundId: globalId('Round', roundId) }, adminToken);
  const lines = data.quotaUsage as Array<{ mode: string; area: unknown; places: number }>;
  return {
    remotePlaces: lines.find((line) => line.mode === 'REMOTE' && !line.area)!.places,
    selected: data.deadlineProgress.totals.selected,
    selectedByDay: (data.deadlineProgress.perDay as Array<{ selected: number }>).reduce((sum, day) => sum + day.selected, 0),
  };
}

/**
 * Asks `api` until `done` holds of its dashboard; answers when, after the change, the first
 * request that saw it was sent — what the other process shows, not how long a busy machine
 * takes to answer.
 */
async function msUntil(api: ApiProcess, done: (dashboard: Dashboard) => boolean): Promise<{ ms: number; dashboard: Dashboard }> {
  const since = Date.now();
  for (;;) {
    const askedAt = Date.now();
    const dashboard = await dashboardOn(api);
    // One answer never mixes figures: the totals and the days count the same selections.
    expect(dashboard.selectedByDay).toBe(dashboard.selected);
    if (done(dashboard) || Date.now() - since > 3000) return { ms: askedAt - since, dashboard };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!process.env.DATABASE_URL)('two API processes on one PostgreSQL server', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma);
    a = await start();
    b = await start();
    const signedIn = await signIn(a, 'admin', demoPassword);
    adminToken = signedIn.data!.token;
    roundId = (await db.prisma.round.findFirstOrThrow({ where: { recommendationDeadline: { gte: new Date() } }, orderBy: { year: 'asc' } })).id;
  });

  afterAll(async () => {
    for (const api of processes) await api.stop();
    await db?.close();
  });

  it('serve a session opened on one of them on the other', async () => {
    expect((await gql(b, '{ me { username } }', {}, adminToken)).me.username).toBe('admin');
  });

  it('shut a session ended on one out of the other on its very next request', async () => {
    const signedIn = await signIn(a, 'analyst', demoPassword);
    const token = signedIn.data!.token;
    // Both processes now keep the session (api/src/auth/session-cache.ts).
    expect(await usernameOn(a, token)).toBe('analyst');
    expect(await usernameOn(b, token)).toBe('analyst');
    const loggedOut = await fetch(`http://127.0.0.1:${a.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { logout { __typename } }' }),
    });
    expect(((await loggedOut.json()) as any).data.logout.__typename).toBe('MutationLogoutSuccess');
    expect(await usernameOn(b, token)).toBeNull();
    expect(await usernameOn(a, token)).toBeNull();
  });

  it("show a change of places made on one on the other's dashboard within a second", async () => {
    const before = await dashboardOn(b);
    const changed = await gql(
      a,
      'mutation($roundId: ID!, $remote: Int!) { setModePlaces(roundId: $roundId, remotePlaces: $remote, localPlaces: 200) { __typename } }',
      { roundId: globalId('Round', roundId), remote: before.remotePlaces + 1 },
      adminToken,
    );
    expect(changed.setModePlaces.__typename).toBe('MutationSetModePlacesSuccess');
    const { ms, dashboard } = await msUntil(b, (seen) => seen.remotePlaces === before.remotePlaces + 1);
    expect(dashboard.remotePlaces).toBe(before.remotePlaces + 1);
    expect(ms).toBeLessThan(1000);
  });

  it("show a selection made on one on the other's dashboard within a second", async () => {
    const before = await dashboardOn(b);
    const waiting = await db.prisma.application.findMany({ where: { roundId, status: 'RECOMMENDED' }, orderBy: { id: 'asc' } });
    let selected = false;
    for (const application of waiting) {
      const decided = await gql(
        a,
        'mutation($id: ID!, $version: Int!) { regionalDecision(id: $id, version: $version, decision: SELECT) { __typename } }',
        { id: globalId('Application', application.id), version: application.version },
        adminToken,
      );
      // An application the rules no longer let through (e.g. its quota is full) is refused: try the next.
      if (decided.regionalDecision.__typename === 'MutationRegionalDecisionSuccess') {
        selected = true;
        break;
      }
    }
    expect(selected).toBe(true);
    const { ms, dashboard } = await msUntil(b, (seen) => seen.selected === before.selected + 1);
    expect(dashboard.selected).toBe(before.selected + 1);
    expect(ms).toBeLessThan(1000);
  });

  it('accept a download link made by one on the other, and after the other restarts', async () => {
    const document = await db.prisma.document.findFirstOrThrow({ where: { applicationId: { not: null }, supersededAt: null }, orderBy: { id: 'asc' } });
    const listed = await gql(a, 'query($id: ID!) { application(id: $id) { documents { id downloadUrl } } }', { id: globalId('Application', document.applicationId!) }, adminToken);
    const link = (listed.application.documents as Array<{ id: string; downloadUrl: string }>).find((item) => item.id === globalId('Document', document.id))!.downloadUrl;
    const download = (api: ApiProcess) => fetch(`http://127.0.0.1:${api.port}${link}`, { headers: { authorization: `Bearer ${adminToken}` } });

    expect((await download(a)).status).toBe(200);
    expect((await download(b)).status).toBe(200);
    await b.stop();
    b = await start(b.port);
    expect((await download(b)).status).toBe(200);
  });
});
