// A finished round (api rounds/round-finished.ts: recommendations closed and every application
// settled) is read-only in the API: its places, area split, settings, orientation sessions and
// form-5 scans are refused, and its applications have no move left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { arrangeProgramme, type Programme } from '../fixtures/programme.ts';
import { insertApplications } from '../fixtures/applications.ts';
import { globalId, regionalDecision } from '../support/workflow.ts';
import { uploadForm5Scan } from '../support/uploads.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
let api: TestApi;
let programme: Programme;
let pastRoundId: string;
let trainee: string | undefined;
let admin: string;
let prefecture: string;

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  const past = await api.prisma.round.create({
    data: {
      year: 2024,
      name: '2024年度',
      applicationDeadline: new Date('2024-03-05T23:59:59.999+08:00'),
      recommendationDeadline: new Date('2024-03-20T23:59:59.999+08:00'),
      ageCutoffDate: new Date('1979-01-01T00:00:00Z'),
      shortageSpecialties: [],
    },
  });
  pastRoundId = past.id;
  const where = { roundId: past.id, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId };
  await insertApplications(api.prisma, where, 2, 'COMPLETED');
  await insertApplications(api.prisma, where, 1, 'NOT_SELECTED');
  [trainee] = await insertApplications(api.prisma, where, 1, 'IN_TRAINING');
  admin = await api.login('admin');
  prefecture = await api.login('pref-653100');
});
afterAll(() => api?.close());

const round = () => globalId('Round', pastRoundId);

async function isFinished(roundId: string) {
  const seen = await api.gql('query($id: ID!) { node(id: $id) { ... on Round { isFinished } } }', { id: globalId('Round', roundId) }, admin);
  return seen.data.node.isFinished as boolean;
}

const setModePlaces = (remotePlaces: number) =>
  api.gql(
    `mutation($r: ID!, $remote: Int!) { setModePlaces(roundId: $r, remotePlaces: $remote, localPlaces: 200) { __typename ... on Error { code message } } }`,
    { r: round(), remote: remotePlaces },
    admin,
  );

describe('a finished round', () => {
  it('is not finished while one of its trainees is still in training, and its places can still change', async () => {
    expect(await isFinished(programme.roundId)).toBe(false);
    expect(await isFinished(pastRoundId)).toBe(false);
    expect((await setModePlaces(150)).data.setModePlaces.__typename).toBe('MutationSetModePlacesSuccess');
  });

  it('once every application is settled, refuses quota edits, the area split, orientation sessions and form-5 scans in Chinese', async () => {
    await api.prisma.application.update({ where: { id: trainee! }, data: { status: 'COMPLETED' } });
    expect(await isFinished(pastRoundId)).toBe(true);

    const places = await setModePlaces(120);
    expect(places.data.setModePlaces).toMatchObject({ __typename: 'RoundFinishedError', code: 'ROUND_FINISHED' });
    expect(places.data.setModePlaces.message).toContain('2024年度已结束');

    const split = await api.gql(
      `mutation($r: ID!, $a: ID!) { setAreaAllocation(roundId: $r, mode: REMOTE, areaId: $a, places: 5) { __typename ... on Error { code } } }`,
      { r: round(), a: globalId('Area', programme.kashgar.areaId) },
      admin,
    );
    expect(split.data.setAreaAllocation.__typename).toBe('RoundFinishedError');

    const session = await api.gql(
      `mutation($r: ID!) { createOrientationSession(roundId: $r, title: "补办训前培训", heldOn: "2026-12-10", place: "乌鲁木齐市") { __typename ... on Error { code } } }`,
      { r: round() },
      admin,
    );
    expect(session.data.createOrientationSession.__typename).toBe('RoundFinishedError');

    expect((await uploadForm5Scan(api, prefecture, round(), globalId('Area', programme.kashgar.areaId))).__typename).toBe('RoundFinishedError');

    const settings = await api.gql(
      `mutation($r: ID!) { updateRound(roundId: $r, input: { shortageSpecialties: ["临床医学"] }) { __typename ... on Error { code } } }`,
      { r: round() },
      admin,
    );
    // Until a round is finished a passed deadline may still be moved later (rounds.test.ts); now no setting may change.
    expect(settings.data.updateRound.__typename).toBe('RoundFinishedError');

    // Its applications have no move left.
    const decided = await regionalDecision(api, admin, globalId('Application', trainee!), 3, 'NOT_SELECT', '复核');
    expect(decided.__typename).toBe('InvalidTransitionError');

    const stored = await api.prisma.round.findUniqueOrThrow({ where: { id: pastRoundId } });
    expect(stored.remotePlaces).toBe(150);
    expect(await api.prisma.quotaAllocation.count({ where: { roundId: pastRoundId } })).toBe(0);
    expect(await api.prisma.orientationSession.count({ where: { roundId: pastRoundId } })).toBe(0);
  });

  it('leaves the running round writable', async () => {
    const open = await api.gql(
      `mutation($r: ID!) { setModePlaces(roundId: $r, remotePlaces: 200, localPlaces: 200) { __typename } }`,
      { r: globalId('Round', programme.roundId) },
      admin,
    );
    expect(open.data.setModePlaces.__typename).toBe('MutationSetModePlacesSuccess');
  });
});
