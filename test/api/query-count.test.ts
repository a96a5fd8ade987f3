import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../support/sql-count.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { arrangeProgramme } from '../fixtures/programme.ts';
import { insertApplications } from '../fixtures/applications.ts';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startApi({ clock: () => new Date('2026-12-01T10:00:00+08:00') });
  const programme = await arrangeProgramme(api.prisma);
  // Rows in both areas and units, each with preferences and a review, so every relation has data.
  const ids = [
    ...(await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId }, 30, 'ENDORSED')),
    ...(await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId }, 30, 'ENDORSED', 'LOCAL')),
  ];
  await api.prisma.hostPreference.createMany({
    data: ids.flatMap((applicationId) => [1, 2].map((rank) => ({ applicationId, rank, institution: `培养单位${rank}` }))),
  });
  await api.prisma.review.createMany({ data: ids.map((applicationId) => ({ applicationId, stage: 'EMPLOYER' as const, decision: 'ENDORSE' as const, conductConfirmed: true })) });
  token = await api.login('admin');
});
afterAll(() => api?.close());


const queuePage = /* GraphQL */ `
  query Queue($first: Int!) {
    applications(first: $first, filter: { statuses: [ENDORSED] }) {
      totalCount
      edges { node {
        id name status mode
        unit { name nature area { name } }
        area { name isSouthernXinjiang }
        hostPreferences { rank institution mentor }
        eligibility { rule outcome reason }
        reviews { stage decision decidedAt }
      } }
    }
  }
`;

describe('a page of the review queue', () => {
  it('costs the same number of SQL statements for 10 rows as for 50', async () => {
    // Warm up: the session lookup and the first connection are not part of the comparison.
    await api.gql(queuePage, { first: 1 }, token);
    let ten = 0;
    let fifty = 0;
    const small = await countStatements(async () => {
      const response = await api.gql(queuePage, { first: 10 }, token);
      expect(response.errors).toBeUndefined();
      ten = response.data.applications.edges.length;
    });
    const large = await countStatements(async () => {
      const response = await api.gql(queuePage, { first: 50 }, token);
      expect(response.errors).toBeUndefined();
      fifty = response.data.applications.edges.length;
      expect(response.data.applications.edges[49].node.hostPreferences).toHaveLength(2);
      expect(response.data.applications.edges[49].node.eligibility).toHaveLength(6);
    });
    expect([ten, fifty]).toEqual([10, 50]);
    expect(large).toBe(small);
    // One statement for the page, its relations, eligibility facts and count (issue 12), besides
    // the session's look-up when the process does not keep it yet.
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(3);
  });
});

const detailPage = /* GraphQL */ `
  query Detail($id: ID!) {
    node(id: $id) { ... on Application {
      id name status unit { name area { name } } area { name } round { year }
      eligibility { rule outcome reason } missingSignedScans
      workHistory { work } awards { name } publications { publisher } classifiedItems { kind }
      hostPreferences { rank institution } statusHistory { toStatus } reviews { stage findings { item } }
    } }
  }
`;

describe('the detail page of an application', () => {
  it('costs at most 4 SQL statements with every relation it shows', async () => {
    const page = await api.gql('{ applications(first: 1) { edges { node { id } } } }', {}, token);
    const id = page.data.applications.edges[0].node.id;
    let hostPreferences = 0;
    const statements = await countStatements(async () => {
      const response = await api.gql(detailPage, { id }, token);
      expect(response.errors).toBeUndefined();
      hostPreferences = response.data.node.hostPreferences.length;
      expect(response.data.node.eligibility).toHaveLength(6);
    });
    expect(hostPreferences).toBe(2);
    expect(statements).toBeLessThanOrEqual(4);
  });
});
