// The rules hold at every step, not only where they were first checked: a selection re-checks
// eligibility (a unit blacklisted since its recommendation), needs the signed scans of form 4
// (the unit's, uploaded after the endorsement) and form 5 (the area's, uploaded after the
// recommendation), and the queue shows what is missing by the same rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { serverUrl } from '../support/database.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { applicationForm, arrangeProgramme, person, type Programme } from '../fixtures/programme.ts';
import { createApplication, employerReview, globalId, prefectureReview, regionalDecision, registerApplicant, submitApplication } from '../support/workflow.ts';
import { uploadForm4Scan, uploadForm5Scan } from '../support/uploads.ts';

let api: TestApi;
let programme: Programme;
let now = new Date('2026-12-01T10:00:00+08:00');
let tokens: Record<string, string>;
let nextPerson = 300;

/** Each step a minute after the one before, so that "uploaded after the endorsement" can be told apart. */
function tick() {
  now = new Date(now.getTime() + 60_000);
}

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  tokens = {};
  for (const username of ['admin', 'pref-653100', 'unit-kashgar', 'unit-kashgar-school']) tokens[username] = await api.login(username);
});
afterAll(() => api?.close());

const roundId = () => globalId('Round', programme.roundId);
const kashgar = () => globalId('Area', programme.kashgar.areaId);

/** A submitted application of `unit` (by the unit account's name), endorsed when asked. */
async function submitted(unit: 'unit-kashgar' | 'unit-kashgar-school' = 'unit-kashgar') {
  const who = person(nextPerson++);
  const token = await registerApplicant(api, who, unit === 'unit-kashgar' ? programme.kashgar.unitId : programme.kashgar.otherUnitId);
  const created = await createApplication(api, token, roundId(), applicationForm(who));
  const result = await submitApplication(api, token, created.data!.id, created.data!.version);
  expect(result.__typename, JSON.stringify(result)).toBe('MutationSubmitApplicationSuccess');
  tick();
  return result.data!;
}

async function endorse(application: { id: string; version: number }, unit = 'unit-kashgar') {
  const endorsed = await employerReview(api, tokens[unit]!, application.id, application.version, { decision: 'ENDORSE', conductConfirmed: true });
  expect(endorsed.__typename, JSON.stringify(endorsed)).toBe('MutationEmployerReviewSuccess');
  tick();
  return endorsed.data!;
}

async function recommend(application: { id: string; version: number }) {
  const recommended = await prefectureReview(api, tokens['pref-653100']!, application.id, application.version, { decision: 'RECOMMEND', conductConfirmed: true });
  expect(recommended.__typename, JSON.stringify(recommended)).toBe('MutationPrefectureReviewSuccess');
  tick();
  return recommended.data!;
}

async function form4(application: { id: string }, unit = 'unit-kashgar') {
  expect((await uploadForm4Scan(api, tokens[unit]!, application.id)).__typename).toBe('MutationUploadForm4ScanSuccess');
  tick();
}

async function form5() {
  expect((await uploadForm5Scan(api, tokens['pref-653100']!, roundId(), kashgar())).__typename).toBe('MutationUploadForm5ScanSuccess');
  tick();
}

async function missingScans(id: string, token = tokens.admin!) {
  const seen = await api.gql('query($id: ID!) { application(id: $id) { missingSignedScans } }', { id }, token);
  expect(seen.errors).toBeUndefined();
  return seen.data.application.missingSignedScans as string[];
}

async function select(application: { id: string; version: number }) {
  const response = await api.gql(
    `mutation($id: ID!, $version: Int!) { regionalDecision(id: $id, version: $version, decision: SELECT) {
       __typename ... on Error { code message } ... on NotEligibleError { rules } ... on SignedScansMissingError { missing }
       ... on MutationRegionalDecisionSuccess { data { status version } } } }`,
    { id: application.id, version: application.version },
    tokens.admin,
  );
  expect(response.errors).toBeUndefined();
  return response.data.regionalDecision as { __typename: string; code?: string; message?: string; rules?: string[]; missing?: string[]; data?: { status: string } };
}

describe('the regional selection needs the signed scans of forms 4 and 5', () => {
  it('refuses a selection with neither scan, naming both in Chinese, and leaves the application and the quota as they were', async () => {
    const application = await recommend(await endorse(await submitted()));
    const refused = await select(application);
    expect(refused).toMatchObject({ __typename: 'SignedScansMissingError', code: 'SIGNED_SCANS_MISSING', missing: ['FORM4_SCAN', 'FORM5_SCAN'] });
    expect(refused.message).toContain('附件4');
    expect(refused.message).toContain('附件5');
    const stored = await api.prisma.application.findUniqueOrThrow({ where: { id: Buffer.from(application.id, 'base64').toString().split(':')[1]! } });
    expect(stored.status).toBe('RECOMMENDED');
  });

  it('refuses a selection without the form-4 scan when the area has uploaded its form 5', async () => {
    const application = await recommend(await endorse(await submitted()));
    await form5();
    expect(await select(application)).toMatchObject({ __typename: 'SignedScansMissingError', missing: ['FORM4_SCAN'] });
  });

  it('does not count a form-4 scan uploaded before the endorsement it should sign', async () => {
    const application = await submitted();
    await form4(application);
    const recommended = await recommend(await endorse(application));
    await form5();
    expect(await missingScans(recommended.id)).toEqual(['FORM4_SCAN']);
    expect(await select(recommended)).toMatchObject({ __typename: 'SignedScansMissingError', missing: ['FORM4_SCAN'] });
  });

  it("refuses a selection when the area's form 5 predates the recommendation, and accepts it once both scans exist", async () => {
    await form5();
    const endorsed = await endorse(await submitted());
    await form4(endorsed);
    const recommended = await recommend(endorsed);
    expect(await select(recommended)).toMatchObject({ __typename: 'SignedScansMissingError', missing: ['FORM5_SCAN'] });
    await form5();
    expect(await missingScans(recommended.id)).toEqual([]);
    expect(await select(recommended)).toMatchObject({ __typename: 'MutationRegionalDecisionSuccess', data: { status: 'SELECTED' } });
  });

  it('lets the unit upload its form 4 after the prefecture recommended, before the regional decision', async () => {
    const recommended = await recommend(await endorse(await submitted()));
    await form5();
    await form4(recommended);
    expect(await select(recommended)).toMatchObject({ __typename: 'MutationRegionalDecisionSuccess' });
  });

  it('turns an incomplete application down without the scans (未入选 needs no signed papers)', async () => {
    const recommended = await recommend(await endorse(await submitted()));
    const declined = await regionalDecision(api, tokens.admin!, recommended.id, recommended.version, 'NOT_SELECT', '材料不全');
    expect(declined.data?.status).toBe('NOT_SELECTED');
  });
});

describe('the queue shows which signed scans are missing', () => {
  it('lists form 4 from the endorsement on and form 5 from the recommendation on, for the prefecture and the region alike', async () => {
    const application = await submitted();
    expect(await missingScans(application.id)).toEqual([]);
    const endorsed = await endorse(application);
    expect(await missingScans(endorsed.id, tokens['pref-653100'])).toEqual(['FORM4_SCAN']);
    const recommended = await recommend(endorsed);
    expect(await missingScans(recommended.id)).toEqual(['FORM4_SCAN', 'FORM5_SCAN']);
    await form4(recommended);
    expect(await missingScans(recommended.id)).toEqual(['FORM5_SCAN']);

    // The regional queue (recommended applications) carries the same answer on every row.
    const queue = await api.gql(
      `query { applications(first: 100, filter: { roundYear: 2027, statuses: [RECOMMENDED] }) { edges { node { id missingSignedScans } } } }`,
      {},
      tokens.admin,
    );
    expect(queue.errors, JSON.stringify(queue.errors)).toBeUndefined();
    const row = queue.data.applications.edges.find((edge: { node: { id: string } }) => edge.node.id === recommended.id);
    expect(row.node.missingSignedScans).toEqual(['FORM5_SCAN']);
    await form5();
    const again = await api.gql(
      `query { applications(first: 100, filter: { roundYear: 2027, statuses: [RECOMMENDED] }) { edges { node { id missingSignedScans } } } }`,
      {},
      tokens.admin,
    );
    expect(again.data.applications.edges.every((edge: { node: { missingSignedScans: string[] } }) => !edge.node.missingSignedScans.includes('FORM5_SCAN'))).toBe(true);
  });
});

describe('eligibility is checked again at the selection', () => {
  it('refuses to select an application whose unit was blacklisted after the recommendation, with the BLACKLIST rule', async () => {
    const endorsed = await endorse(await submitted('unit-kashgar-school'), 'unit-kashgar-school');
    await form4(endorsed, 'unit-kashgar-school');
    const recommended = await recommend(endorsed);
    await form5();
    const listed = await api.gql(
      `mutation($unit: ID!) { listOnBlacklist(unitId: $unit, reasonKind: FRAUD, reason: "单位出具虚假审核意见") { __typename ... on Error { message } } }`,
      { unit: globalId('EmployerUnit', programme.kashgar.otherUnitId) },
      tokens.admin,
    );
    expect(listed.data.listOnBlacklist.__typename, JSON.stringify(listed)).toBe('MutationListOnBlacklistSuccess');
    tick();
    const eligibility = await api.gql('query($id: ID!) { application(id: $id) { eligibility { rule outcome } } }', { id: recommended.id }, tokens.admin);
    expect(eligibility.data.application.eligibility.find((result: { rule: string }) => result.rule === 'BLACKLIST').outcome).toBe('FAILED');

    const refused = await select(recommended);
    expect(refused).toMatchObject({ __typename: 'NotEligibleError', rules: ['BLACKLIST'] });
    expect(refused.message).toContain('不能确定入选');
    const used = await api.prisma.application.count({ where: { id: Buffer.from(recommended.id, 'base64').toString().split(':')[1]!, status: 'SELECTED' } });
    expect(used).toBe(0);
  });
});

describe.skipIf(!serverUrl)('a blacklisting and a selection at the same moment', () => {
  it('a selection waiting on a listing in progress sees the listing once it commits, and is refused', async () => {
    // The last test of the file: the unit stays listed.
    const endorsed = await endorse(await submitted());
    await form4(endorsed);
    const recommended = await recommend(endorsed);
    await form5();
    // A listing of the unit in progress on another connection, holding what a listing holds.
    const listing = new pg.Client({ connectionString: api.db.url });
    await listing.connect();
    try {
      await listing.query('BEGIN');
      await listing.query('SELECT id FROM "Round" ORDER BY id FOR UPDATE');
      await listing.query(
        `INSERT INTO "BlacklistEntry" (id, "unitId", "reasonKind", reason, "listedAt", "expiresAt", "listedById")
         SELECT gen_random_uuid(), $1::uuid, 'FRAUD', '同时列入失信名单', $2, $3, id FROM "User" WHERE username = 'admin'`,
        [programme.kashgar.unitId, now, new Date(now.getTime() + 5 * 365 * 86_400_000)],
      );
      const selection = select(recommended);
      // The selection now waits for the round; let it get there before the listing commits.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await listing.query('COMMIT');
      expect(await selection).toMatchObject({ __typename: 'NotEligibleError', rules: expect.arrayContaining(['BLACKLIST']) });
    } finally {
      await listing.end();
    }
  });
});
