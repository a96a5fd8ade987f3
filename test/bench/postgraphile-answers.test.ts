// `pnpm bench` reports the API against PostGraphile 5 on the same page: that only means
// something while PostGraphile, under row-level security for the same area rule, gives the
// API's answer. On the seeded demo round (the bench's own "today"), PostGraphile's queue page,
// mapped to the API's shape with eligibility by the API's rules, must deep-equal the API's, and
// the prefecture reviewer's PostgreSQL role must see its own area's rows only.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '@tepei/bench/operations';
import { benchToday } from '@tepei/bench/round-data';
import { findScenario } from '@tepei/bench/scenario';
import { post, postgraphileDifference, type Servers, startServers, stopServers } from '@tepei/bench/servers';
import { createTestDatabase, seededTemplateToday, type TestDatabase } from '../support/database.ts';

// PostGraphile runs in a Node 22 process of its own beside the API, against a PostgreSQL
// server; the embedded database is open in one process only.
describe.skipIf(!process.env.DATABASE_URL)('PostGraphile beside the API on the seeded round (needs a PostgreSQL server: DATABASE_URL)', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let servers: Servers;
  const queue = operations.find((operation) => operation.name === 'queue')!;
  const askPostGraphile = async (query: string, token = servers.tokens.prefecture) =>
    JSON.parse((await post(`${servers.postgraphile!.url}/graphql`, JSON.stringify({ query }), token)).text);

  beforeAll(async () => {
    expect(benchToday.getTime()).toBe(seededTemplateToday.getTime());
    database = await createTestDatabase({ seeded: { today: benchToday } });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    servers = await startServers({ url: database.url }, await findScenario(client), undefined, { baseline: false });
  });

  afterAll(async () => {
    if (servers) await stopServers(servers);
    await client?.end();
    await database?.close();
  });

  it('answers the queue page exactly as the API does', async () => {
    expect(await postgraphileDifference(servers, queue)).toBeNull();
    const { text } = await post(`${servers.api.url}/graphql`, JSON.stringify({ query: queue.document, variables: { first: 50 } }), servers.tokens.prefecture);
    const page = JSON.parse(text).data.applications;
    // Not an empty page equal to an empty page.
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.length).toBe(Math.min(50, page.totalCount));
  });

  it("shows the prefecture reviewer its own area's applications, units and areas only", async () => {
    const { rows: [reviewer] } = await client.query<{ areaId: string }>('SELECT "areaId" FROM "User" WHERE username = $1', [servers.scenario.prefectureUsername]);
    const { rows: [counts] } = await client.query<{ own: number; all: number }>(
      'SELECT (count(*) FILTER (WHERE "areaId" = $1))::int AS own, count(*)::int AS "all" FROM "Application"',
      [reviewer!.areaId],
    );
    expect(counts!.all).toBeGreaterThan(counts!.own);
    const answer = await askPostGraphile('{ allApplications { totalCount } allEmployerUnits { nodes { areaId } } allAreas { nodes { rowId } } }');
    expect(answer.data.allApplications.totalCount).toBe(counts!.own);
    expect(new Set(answer.data.allEmployerUnits.nodes.map((unit: { areaId: string }) => unit.areaId))).toEqual(new Set([reviewer!.areaId]));
    expect(answer.data.allAreas.nodes).toEqual([{ rowId: reviewer!.areaId }]);
  });

  it('serves no one but a signed-in prefecture reviewer', async () => {
    expect((await askPostGraphile('{ allApplications { totalCount } }', servers.tokens.admin)).data ?? null).toBeNull();
    expect((await askPostGraphile('{ allApplications { totalCount } }', 'not-a-token')).data ?? null).toBeNull();
  });
});
