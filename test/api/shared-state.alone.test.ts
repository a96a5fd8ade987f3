// What API processes on one database share, proved in one process: two servers built here each
// keep their own aggregates, as two processes would (modules/analytics/aggregate-cache.ts), and
// learn of each other's changes only through the database's data version (db.ts); the key of
// download links comes from the database (modules/documents/download-links.ts). Runs on both
// databases; test/ops/two-processes.alone.test.ts does the same with real processes on a server.
// It times how soon another server sees a change (under a second), so it runs alone (.alone).
import { dataVersion, prisma } from '@tepei/api/db';
import { cachedAggregate, versionReadIntervalMs } from '@tepei/api/modules/analytics/aggregate-cache';
import { readDownloadLinkSecret } from '@tepei/api/modules/documents/download-links';
import { createYogaApp } from '@tepei/api/yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeProgramme, type Programme } from '../fixtures/programme.ts';
import { postGraphql, startApi, type TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';

const now = () => new Date('2026-12-01T10:00:00+08:00');

let api: TestApi;
let programme: Programme;
let adminToken: string;
// Two servers keeping aggregates for a minute: longer than the test, so only the version clears them.
let serverA: ReturnType<typeof createYogaApp>;
let serverB: ReturnType<typeof createYogaApp>;

const quotaQuery = /* GraphQL */ `query Quota($roundId: ID!) { quotaUsage(roundId: $roundId) { mode area { code } places } }`;
const setPlaces = /* GraphQL */ `
  mutation SetPlaces($roundId: ID!, $remotePlaces: Int!, $localPlaces: Int!) {
    setModePlaces(roundId: $roundId, remotePlaces: $remotePlaces, localPlaces: $localPlaces) { __typename }
  }
`;

async function remotePlacesOn(server: ReturnType<typeof createYogaApp>): Promise<number> {
  const { data, errors } = await postGraphql(server, quotaQuery, { roundId: globalId('Round', programme.roundId) }, adminToken);
  if (!data) throw new Error(JSON.stringify(errors));
  return (data.quotaUsage as Array<{ mode: string; area: { code: string } | null; places: number }>).find((line) => line.mode === 'REMOTE' && !line.area)!.places;
}

async function setRemotePlaces(server: ReturnType<typeof createYogaApp>, remotePlaces: number) {
  const { data } = await postGraphql(server, setPlaces, { roundId: globalId('Round', programme.roundId), remotePlaces, localPlaces: 200 }, adminToken);
  return data.setModePlaces.__typename as string;
}

beforeAll(async () => {
  api = await startApi({ clock: now });
  programme = await arrangeProgramme(api.prisma);
  adminToken = await api.login('admin');
  serverA = createYogaApp({ clock: now, aggregateTtlMs: 60_000 });
  serverB = createYogaApp({ clock: now, aggregateTtlMs: 60_000 });
});
afterAll(() => api?.close());

describe('the data version', () => {
  it('rises with every committed unit of work, and not with a refused one', async () => {
    const before = await dataVersion();
    expect(await setRemotePlaces(api.yoga, 201)).toBe('MutationSetModePlacesSuccess');
    expect(await dataVersion()).toBe(before + 1n);
    // Fewer places than already allocated (none) is fine; a negative number is refused.
    expect(await setRemotePlaces(api.yoga, -1)).not.toBe('MutationSetModePlacesSuccess');
    expect(await dataVersion()).toBe(before + 1n);
  });

  it("makes another server's kept aggregates give way within a second of a change", async () => {
    const kept = await remotePlacesOn(serverB);
    expect(await remotePlacesOn(serverA)).toBe(kept);
    // A change behind both servers' backs is not seen: they keep what they counted.
    await api.prisma.round.update({ where: { id: programme.roundId }, data: { remotePlaces: kept + 50 } });
    await new Promise((resolve) => setTimeout(resolve, versionReadIntervalMs + 50));
    expect(await remotePlacesOn(serverB)).toBe(kept);

    expect(await setRemotePlaces(serverA, kept + 1)).toBe('MutationSetModePlacesSuccess');
    const changedAt = Date.now();
    expect(await remotePlacesOn(serverA)).toBe(kept + 1);
    // When the first request that saw the change was sent, not how long a busy machine took to answer it.
    let askedAt = Date.now();
    let seen = await remotePlacesOn(serverB);
    while (seen !== kept + 1 && Date.now() - changedAt < 2000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      askedAt = Date.now();
      seen = await remotePlacesOn(serverB);
    }
    expect(seen).toBe(kept + 1);
    expect(askedAt - changedAt).toBeLessThan(1000);
  });
});

describe('an aggregate answer', () => {
  // The embedded database is one connection, which the answer's snapshot holds: nothing else can
  // write meanwhile. On a server another connection commits in the middle of the answer.
  it.skipIf(!process.env.DATABASE_URL)('is counted on one snapshot: a change committed while it counts is not half in it', async () => {
    const reads = await cachedAggregate({ actor: null }, 'test', null, async () => {
      const first = await prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } });
      await api.db.prisma.round.update({ where: { id: programme.roundId }, data: { localPlaces: first.localPlaces + 7 } });
      const second = await prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } });
      return [first.localPlaces, second.localPlaces];
    });
    expect(reads[1]).toBe(reads[0]);
    expect((await api.prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } })).localPlaces).toBe(reads[0]! + 7);
  });
});

describe('the key of download links', () => {
  it('is one for processes starting together, and the same after a restart', async () => {
    const keys = await Promise.all([readDownloadLinkSecret(), readDownloadLinkSecret(), readDownloadLinkSecret()]);
    expect(keys[0]!.length).toBe(32);
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
    const stored = await api.prisma.serverSecret.findMany();
    expect(stored.map((row) => Buffer.from(row.value).toString('hex'))).toEqual([keys[0]!.toString('hex')]);
    expect((await readDownloadLinkSecret()).equals(keys[0]!)).toBe(true);
  });

  it('is FILE_URL_SECRET when that is set', async () => {
    // config.ts passes FILE_URL_SECRET in as it read it at start.
    expect((await readDownloadLinkSecret('a secret the operator chose, 32+')).toString('utf8')).toBe('a secret the operator chose, 32+');
  });
});
