import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { arrangeProgramme, type Programme } from '../fixtures/programme.ts';
import { insertApplications } from '../fixtures/applications.ts';
import { globalId } from '../support/workflow.ts';

// Against the PostgreSQL server the race is real (each request on its own connection);
// the embedded database serves one query at a time, so fewer rounds prove the same there.
const onServer = !!process.env.DATABASE_URL;
const repetitions = onServer ? 20 : 3;
const contenders = 50;
const remainingPlaces = 10;

let api: TestApi;
let programme: Programme;
let adminToken: string;

beforeAll(async () => {
  api = await startApi({ clock: () => new Date('2027-04-10T10:00:00+08:00'), poolSize: onServer ? contenders + 5 : undefined });
  programme = await arrangeProgramme(api.prisma);
  adminToken = await api.login('admin');
});
afterAll(() => api?.close());

const selectMutation = /* GraphQL */ `
  mutation Select($id: ID!, $version: Int!) {
    regionalDecision(id: $id, version: $version, decision: SELECT) {
      __typename
      ... on Error { code }
    }
  }
`;

describe('quotas under concurrent selections', () => {
  it(`lets exactly ${remainingPlaces} of ${contenders} simultaneous selections through, ${repetitions} times over`, async () => {
    for (let round = 0; round < repetitions; round++) {
      const used = await api.prisma.application.count({ where: { roundId: programme.roundId, mode: 'REMOTE', status: 'SELECTED' } });
      await api.prisma.round.update({ where: { id: programme.roundId }, data: { remotePlaces: used + remainingPlaces } });
      const ids = await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId }, contenders, 'RECOMMENDED');

      const responses = await Promise.all(
        ids.map((id) => api.gql(selectMutation, { id: globalId('Application', id), version: 3 }, adminToken)),
      );

      expect(responses.every((response) => response.status === 200 && !response.errors)).toBe(true);
      const outcomes = responses.map((response) => response.data.regionalDecision.__typename);
      expect(outcomes.filter((outcome) => outcome === 'MutationRegionalDecisionSuccess')).toHaveLength(remainingPlaces);
      expect(outcomes.filter((outcome) => outcome === 'QuotaExceededError')).toHaveLength(contenders - remainingPlaces);
      const selected = await api.prisma.application.count({ where: { id: { in: ids }, status: 'SELECTED' } });
      expect(selected).toBe(remainingPlaces);
    }
    const total = await api.prisma.application.count({ where: { roundId: programme.roundId, mode: 'REMOTE', status: 'SELECTED' } });
    expect(total).toBe(repetitions * remainingPlaces);
  });

  it('never lets an area go past its own allocation', async () => {
    const used = await api.prisma.application.count({ where: { roundId: programme.roundId, mode: 'LOCAL', status: 'SELECTED' } });
    expect(used).toBe(0);
    const allocate = await api.gql(
      `mutation($r: ID!, $a: ID!) { setAreaAllocation(roundId: $r, mode: LOCAL, areaId: $a, places: 2) { __typename ... on MutationSetAreaAllocationSuccess { data { places used remaining } } } }`,
      { r: globalId('Round', programme.roundId), a: globalId('Area', programme.urumqi.areaId) },
      adminToken,
    );
    expect(allocate.data.setAreaAllocation.data).toEqual({ places: 2, used: 0, remaining: 2 });
    const ids = await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId }, 5, 'RECOMMENDED', 'LOCAL');
    const responses = await Promise.all(ids.map((id) => api.gql(selectMutation, { id: globalId('Application', id), version: 3 }, adminToken)));
    const outcomes = responses.map((response) => response.data.regionalDecision.__typename);
    expect(outcomes.filter((outcome) => outcome === 'MutationRegionalDecisionSuccess')).toHaveLength(2);
    expect(outcomes.filter((outcome) => outcome === 'QuotaExceededError')).toHaveLength(3);
  });

  it('never ends above the quota when places are lowered while selections run', async () => {
    const lowerMutation = /* GraphQL */ `
      mutation Lower($r: ID!, $remote: Int!) {
        setModePlaces(roundId: $r, remotePlaces: $remote, localPlaces: 200) { __typename ... on Error { code } }
      }
    `;
    for (let round = 0; round < repetitions; round++) {
      const used = await api.prisma.application.count({ where: { roundId: programme.roundId, mode: 'REMOTE', status: 'SELECTED' } });
      await api.prisma.round.update({ where: { id: programme.roundId }, data: { remotePlaces: used + remainingPlaces } });
      const ids = await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId }, contenders, 'RECOMMENDED');
      const lowerTo = used + 3;
      // The lowering lands among the selections (sent before them in every other round, so that
      // it wins its turn sometimes): some have counted already, others have not.
      const send = () => ids.map((id) => api.gql(selectMutation, { id: globalId('Application', id), version: 3 }, adminToken));
      const lower = () => api.gql(lowerMutation, { r: globalId('Round', programme.roundId), remote: lowerTo }, adminToken);
      const loweringFirst = round % 2 === 0 ? lower() : null;
      const selections = send();
      const lowerResponse = await (loweringFirst ?? lower());
      const responses = await Promise.all(selections);

      // Every selection answered (its outcome is the rules'), none failed: what failed says why.
      expect(responses.filter((response) => response.status !== 200 || response.errors).map((response) => [response.status, response.errors])).toEqual([]);
      const outcome = lowerResponse.data.setModePlaces.__typename;
      // Refused only because more than `lowerTo` were selected before it took its turn.
      expect(outcome).toMatch(/^(MutationSetModePlacesSuccess|ValidationFailedError)$/);
      const places = (await api.prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } })).remotePlaces;
      expect(places).toBe(outcome === 'MutationSetModePlacesSuccess' ? lowerTo : used + remainingPlaces);
      const selected = await api.prisma.application.count({ where: { roundId: programme.roundId, mode: 'REMOTE', status: 'SELECTED' } });
      expect(selected).toBeLessThanOrEqual(places);
      const successes = responses.filter((response) => response.data.regionalDecision.__typename === 'MutationRegionalDecisionSuccess').length;
      expect(selected).toBe(used + successes);
    }
  });

  it('refuses allocations that add up to more than the mode has', async () => {
    const result = await api.gql(
      `mutation($r: ID!, $a: ID!) { setAreaAllocation(roundId: $r, mode: LOCAL, areaId: $a, places: 500) { __typename ... on ValidationFailedError { problems { path message } } } }`,
      { r: globalId('Round', programme.roundId), a: globalId('Area', programme.kashgar.areaId) },
      adminToken,
    );
    expect(result.data.setAreaAllocation.__typename).toBe('ValidationFailedError');
    expect(result.data.setAreaAllocation.problems[0].path).toEqual(['places']);
  });
});
