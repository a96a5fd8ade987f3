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
    expect(small).toBeGreaterThan(3);
    expect(small).toBeLessThan(20);
  });
});
