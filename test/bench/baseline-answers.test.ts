// The benchmark compares the API with hand-written SQL (bench/src/baseline/): that comparison
// only means something while both give the same answers. On a 2,000-application round, each
// operation's answer from the baseline must deep-equal the API's — the mutation selecting the
// same application from the same state. Needs a PostgreSQL server (DATABASE_URL): the two
// servers run as processes of their own, which the embedded database cannot serve at once.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '@tepei/bench/operations';
import { createServerDatabase, loadRound, type RoundDatabase } from '@tepei/bench/round-data';
import { findScenario } from '@tepei/bench/scenario';
import { SelectionPool } from '@tepei/bench/selection-pool';
import { answerDifference, type Servers, startServers, stopServers } from '@tepei/bench/servers';
import { serverUrl } from '../support/database.ts';

describe.skipIf(!serverUrl)('the benchmark baseline on a round of 2,000 applications', () => {
  let database: RoundDatabase;
  let client: pg.Client;
  let servers: Servers;

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl!, 2000, `tepei_test_bench_${randomBytes(4).toString('hex')}`);
    await loadRound(database.url, 10, 2000, () => {});
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const scenario = await findScenario(client);
    servers = await startServers({ url: database.url }, scenario);
    servers.pool = await SelectionPool.open(client, scenario.roundId);
  });

  afterAll(async () => {
    await servers?.pool?.close();
    if (servers) await stopServers(servers);
    await client?.end();
    await database?.drop();
  });

  it('holds 2,000 applications, with a prefecture queue and recommended applications to select', async () => {
    const { rows } = await client.query<{ total: number; endorsed: number; recommended: number }>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'ENDORSED'))::int AS endorsed,
              (count(*) FILTER (WHERE status = 'RECOMMENDED'))::int AS recommended FROM "Application"`,
    );
    expect(rows[0]!.total).toBe(2000);
    expect(rows[0]!.endorsed).toBeGreaterThan(50);
    expect(servers.pool!.size).toBeGreaterThan(100);
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))('%s: the baseline answers exactly as the API', async (_name, operation) => {
    expect(await answerDifference(servers, operation)).toBeNull();
  });
});
