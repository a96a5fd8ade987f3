// The benchmark compares the API with hand-written SQL (bench/src/baseline/): that comparison
// only means something while both give the same answers. On a 2,000-application round, each
// operation's answer from the baseline must deep-equal the API's — the mutation selecting the
// same application from the same state. Needs a PostgreSQL server (DATABASE_URL): the two
// servers run as processes of their own, which the embedded database cannot serve at once.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingSignedScansColumn } from '@tepei/bench/baseline/signed-scans';
import { operations, selectDocument } from '@tepei/bench/operations';
import { benchToday, createServerDatabase, loadRound, type RoundDatabase } from '@tepei/bench/round-data';
import { findScenario } from '@tepei/bench/scenario';
import { SelectionPool } from '@tepei/bench/selection-pool';
import { answerDifference, post, type Servers, startServers, stopServers } from '@tepei/bench/servers';
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
    // PostGraphile has a file of its own (postgraphile-answers.test.ts).
    servers = await startServers({ url: database.url }, scenario, undefined, { postgraphile: false });
    servers.pool = await SelectionPool.open(client, scenario.roundId);
  });

  afterAll(async () => {
    await servers?.pool?.close();
    if (servers) await stopServers(servers);
    await client?.end();
    await database?.drop();
  });

  it('holds 2,000 applications in the open round, with a prefecture queue and recommended applications to select', async () => {
    const { rows } = await client.query<{ total: number; endorsed: number; recommended: number }>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'ENDORSED'))::int AS endorsed,
              (count(*) FILTER (WHERE status = 'RECOMMENDED'))::int AS recommended FROM "Application" WHERE "roundId" = $1`,
      [servers.scenario.roundId],
    );
    expect(rows[0]!.total).toBe(2000);
    expect(rows[0]!.endorsed).toBeGreaterThan(50);
    expect(servers.pool!.size).toBeGreaterThan(100);
  });

  it('stores the signed scans the selection needs: every recommended application has both, some endorsed ones still lack form 4', async () => {
    const { rows } = await client.query<{ status: string; missing: string[]; count: number }>(
      `SELECT status, "missingSignedScans" AS missing, count(*)::int AS count
       FROM (SELECT a.status, ${missingSignedScansColumn} FROM "Application" a WHERE a.status IN ('ENDORSED', 'RECOMMENDED')) s
       GROUP BY 1, 2`,
    );
    const count = (status: string, missing: string[]) => rows.find((row) => row.status === status && row.missing.join() === missing.join())?.count ?? 0;
    expect(rows.filter((row) => row.status === 'RECOMMENDED' && row.missing.length)).toEqual([]);
    expect(count('ENDORSED', ['FORM4_SCAN'])).toBeGreaterThan(5);
    expect(count('ENDORSED', [])).toBeGreaterThan(count('ENDORSED', ['FORM4_SCAN']));
    // As the API sees them: the pool's applications are eligible and complete, so selections select.
    const { text } = await post(
      `${servers.api.url}/graphql`,
      JSON.stringify({ query: 'query { applications(first: 100, filter: { statuses: [RECOMMENDED] }) { edges { node { missingSignedScans eligibility { blocking } } } } }' }),
      servers.tokens.admin,
    );
    const nodes = JSON.parse(text).data.applications.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes.length).toBe(100);
    expect(nodes.filter((node: { missingSignedScans: string[]; eligibility: { blocking: boolean }[] }) => node.missingSignedScans.length || node.eligibility.some((rule) => rule.blocking))).toEqual([]);
  });

  it('refuses as the API does: the signed scans missing, the unit blacklisted since the recommendation', async () => {
    const select = async (side: 'api' | 'baseline', id: string, version: number) => {
      const url = `${servers[side]!.url}${side === 'api' ? '/graphql' : '/select'}`;
      return JSON.parse((await post(url, JSON.stringify({ query: selectDocument, variables: { id: Buffer.from(`Application:${id}`).toString('base64'), version } }), servers.tokens.admin)).text);
    };
    const { rows: [target] } = await client.query<{ id: string; version: number; unitId: string; areaId: string }>(
      `SELECT id, version, "unitId", "areaId" FROM "Application" WHERE "roundId" = $1 AND status = 'RECOMMENDED' ORDER BY id LIMIT 1`,
      [servers.scenario.roundId],
    );
    const { id, version, unitId, areaId } = target!;
    const answers = async () => [await select('api', id, version), await select('baseline', id, version)] as const;

    // Form 4 superseded, the area's lists all drawn up long before the recommendation.
    const form5 = `UPDATE "Document" SET "uploadedAt" = "uploadedAt" + $3::interval WHERE "roundId" = $1 AND "areaId" = $2 AND kind = 'FORM5_SCAN'`;
    await client.query(`UPDATE "Document" SET "supersededAt" = $2 WHERE "applicationId" = $1 AND kind = 'FORM4_SCAN'`, [id, benchToday]);
    await client.query(form5, [servers.scenario.roundId, areaId, '-1000 days']);
    try {
      const [fromApi, fromBaseline] = await answers();
      expect(fromApi.data.regionalDecision.__typename).toBe('SignedScansMissingError');
      expect(fromApi.data.regionalDecision.message).toMatch(/附件4.*附件5/);
      expect(fromBaseline).toEqual(fromApi);
    } finally {
      await client.query(`UPDATE "Document" SET "supersededAt" = NULL WHERE "applicationId" = $1 AND kind = 'FORM4_SCAN'`, [id]);
      await client.query(form5, [servers.scenario.roundId, areaId, '1000 days']);
    }

    const { rows: [listing] } = await client.query<{ id: string }>(
      `INSERT INTO "BlacklistEntry" (id, "unitId", "reasonKind", reason, "listedAt", "expiresAt")
       VALUES (gen_random_uuid(), $1, 'OTHER', '测试：推荐后列入失信名单', $2, $3) RETURNING id`,
      [unitId, new Date(benchToday.getTime() - 86_400_000), new Date(benchToday.getTime() + 5 * 365 * 86_400_000)],
    );
    try {
      const [fromApi, fromBaseline] = await answers();
      expect(fromApi.data.regionalDecision.__typename).toBe('NotEligibleError');
      expect(fromBaseline).toEqual(fromApi);
    } finally {
      await client.query('DELETE FROM "BlacklistEntry" WHERE id = $1', [listing!.id]);
    }
    await servers.pool!.reset();
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))('%s: the baseline answers exactly as the API', async (_name, operation) => {
    expect(await answerDifference(servers, operation)).toBeNull();
  });
});
