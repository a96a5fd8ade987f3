import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { applicationDeadline, applicationForm, arrangeProgramme, person, recommendationDeadline, type Programme } from '../fixtures/programme.ts';
import {
  createApplication,
  employerReview,
  globalId,
  prefectureReview,
  regionalDecision,
  registerApplicant,
  submitApplication,
  updateApplication,
  withdrawApplication,
} from '../support/workflow.ts';
import { uploadSignedScans } from '../support/uploads.ts';

let api: TestApi;
let programme: Programme;
let now = new Date('2026-12-01T10:00:00+08:00');
let tokens: Record<string, string>;
let nextPerson = 1;

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  tokens = {};
  for (const username of ['admin', 'analyst', 'pref-653100', 'pref-650100', 'unit-kashgar', 'unit-urumqi']) {
    tokens[username] = await api.login(username);
  }
});
afterAll(() => api?.close());

const roundId = () => globalId('Round', programme.roundId);

/** Registers a new applicant in the Kashgar hospital and files a draft for them. */
async function draft(overrides: Record<string, unknown> = {}, unitId = programme.kashgar.unitId, birthDate?: string) {
  const who = person(nextPerson++, birthDate);
  const token = await registerApplicant(api, who, unitId);
  const created = await createApplication(api, token, roundId(), applicationForm(who, overrides));
  expect(created, JSON.stringify(created)).toMatchObject({ __typename: 'MutationCreateApplicationSuccess' });
  return { token, who, application: created.data! };
}

async function submitted(overrides: Record<string, unknown> = {}) {
  const { token, who, application } = await draft(overrides);
  const result = await submitApplication(api, token, application.id, application.version);
  expect(result, JSON.stringify(result)).toMatchObject({ __typename: 'MutationSubmitApplicationSuccess' });
  return { token, who, application: result.data! };
}

async function statusHistory(id: string) {
  const rawId = Buffer.from(id, 'base64').toString().split(':')[1]!;
  return api.prisma.statusChange.findMany({ where: { applicationId: rawId }, orderBy: { at: 'asc' } });
}

/** Sets the round's stored stage; the test that moves it restores the open round after it. */
const moveRoundTo = (stage: 'OPEN' | 'ORIENTATION' | 'TRAINING') => api.prisma.round.update({ where: { id: programme.roundId }, data: { stage } });

describe('the application workflow', () => {
  afterEach(async () => {
    await moveRoundTo('OPEN');
    now = new Date('2026-12-01T10:00:00+08:00');
    tokens.admin = await api.login('admin');
  });

  it('takes an application from registration to 已成功入选 and on to completion, recording every step', async () => {
    const { who, application } = await submitted();
    expect(application.status).toBe('SUBMITTED');
    expect(application.serialNumber).toMatch(/^2027-653100-/);

    const endorsed = await employerReview(api, tokens['unit-kashgar']!, application.id, application.version, {
      decision: 'ENDORSE',
      conductConfirmed: true,
      comment: '经逐项审核，材料真实',
    });
    expect(endorsed.data?.status).toBe('ENDORSED');
    const recommended = await prefectureReview(api, tokens['pref-653100']!, application.id, endorsed.data!.version, {
      decision: 'RECOMMEND',
      conductConfirmed: true,
    });
    expect(recommended.data?.status).toBe('RECOMMENDED');
    // The unit's signed form 4 and the area's signed form 5, uploaded before recommendations close.
    await uploadSignedScans(api, { unitToken: tokens['unit-kashgar']!, prefectureToken: tokens['pref-653100']!, applicationId: application.id, roundId: roundId(), areaId: globalId('Area', programme.kashgar.areaId) });
    now = new Date('2027-04-10T10:00:00+08:00');
    // Sessions last 12 hours: months later the admin signs in again.
    tokens.admin = await api.login('admin');
    const selected = await regionalDecision(api, tokens.admin!, application.id, recommended.data!.version, 'SELECT');
    expect(selected, JSON.stringify(selected)).toMatchObject({ data: { status: 'SELECTED' } });

    // The bureau moves the round on through placement (round-lifecycle.test.ts walks those steps
    // through the API); here the stage is set directly, and put back below for the other tests.
    await moveRoundTo('ORIENTATION');
    const session = await api.gql(
      `mutation($roundId: ID!) { createOrientationSession(roundId: $roundId, title: "2027年度训前培训", heldOn: "2027-05-20", place: "乌鲁木齐市") {
         ... on MutationCreateOrientationSessionSuccess { data { id } } } }`,
      { roundId: roundId() },
      tokens.admin,
    );
    const sessionId = session.data.createOrientationSession.data.id;
    const oriented = await api.gql(
      `mutation($id: ID!, $version: Int!, $sessionId: ID!) { recordOrientation(id: $id, version: $version, sessionId: $sessionId) {
         __typename ... on MutationRecordOrientationSuccess { data { status version } } } }`,
      { id: application.id, version: selected.data!.version, sessionId },
      tokens.admin,
    );
    expect(oriented.data.recordOrientation.data.status).toBe('ORIENTATION_ATTENDED');
    const training = await api.gql(
      `mutation($id: ID!, $version: Int!) { startTraining(id: $id, version: $version, hostInstitution: "北京协和医院", startedOn: "2027-06-01") {
         ... on MutationStartTrainingSuccess { data { status version } } } }`,
      { id: application.id, version: oriented.data.recordOrientation.data.version },
      tokens.admin,
    );
    expect(training.data.startTraining.data.status).toBe('IN_TRAINING');
    // A year on, at the assessment.
    await moveRoundTo('TRAINING');
    now = new Date('2028-06-01T10:00:00+08:00');
    tokens.admin = await api.login('admin');
    const completed = await api.gql(
      `mutation($id: ID!, $version: Int!) { completeTraining(id: $id, version: $version, completedOn: "2028-05-31", assessment: EXCELLENT) {
         ... on MutationCompleteTrainingSuccess { data { status training { assessment certificateNumber plannedEndOn } } } } }`,
      { id: application.id, version: training.data.startTraining.data.version },
      tokens.admin,
    );
    const reread = await api.gql(`query($id: ID!) { application(id: $id) { status training { assessment certificateNumber plannedEndOn } } }`, { id: application.id }, tokens.admin);
    expect(reread.errors).toBeUndefined();
    expect(reread.data.application, JSON.stringify(reread)).toEqual({
      status: 'COMPLETED',
      training: { assessment: 'EXCELLENT', certificateNumber: 'XJTP-2027-0001', plannedEndOn: '2028-06-01' },
    });
    expect(completed.data.completeTraining.data).toEqual({
      status: 'COMPLETED',
      training: { assessment: 'EXCELLENT', certificateNumber: 'XJTP-2027-0001', plannedEndOn: '2028-06-01' },
    });

    const history = await statusHistory(application.id);
    expect(history.map((change) => [change.fromStatus, change.toStatus])).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'SUBMITTED'],
      ['SUBMITTED', 'ENDORSED'],
      ['ENDORSED', 'RECOMMENDED'],
      ['RECOMMENDED', 'SELECTED'],
      ['SELECTED', 'ORIENTATION_ATTENDED'],
      ['ORIENTATION_ATTENDED', 'IN_TRAINING'],
      ['IN_TRAINING', 'COMPLETED'],
    ]);
    expect(history.every((change) => change.actorId && change.actorRole)).toBe(true);
    const mine = await api.gql('{ myApplications { status statusHistory { toStatus actorRole } } }', {}, await api.login(who.idNumber, 'Passw0rd2025'));
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myApplications[0].status).toBe('COMPLETED');
  });

  it('returns an application for correction with item-level comments, and accepts the resubmission', async () => {
    const { token, who, application } = await submitted();
    const returned = await employerReview(api, tokens['unit-kashgar']!, application.id, application.version, {
      decision: 'RETURN',
      comment: '请补充获奖证书',
      findings: [
        { item: 'awards[0]', result: 'NEEDS_CORRECTION', comment: '缺少获奖证书扫描件' },
        { item: 'education', result: 'PASS' },
      ],
    });
    expect(returned.data?.status).toBe('RETURNED_TO_APPLICANT');
    const seen = await api.gql(
      `query($id: ID!) { application(id: $id) { status reviews { stage decision findings { item result comment } } } }`,
      { id: application.id },
      token,
    );
    expect(seen.data.application.reviews[0]).toMatchObject({
      stage: 'EMPLOYER',
      decision: 'RETURN',
      findings: [
        { item: 'awards[0]', result: 'NEEDS_CORRECTION', comment: '缺少获奖证书扫描件' },
        { item: 'education', result: 'PASS', comment: null },
      ],
    });
    const corrected = await updateApplication(api, token, application.id, returned.data!.version, applicationForm(who, {
      awards: [{ awardedOn: '2022-12-01', name: '喀什地区科技进步奖（附证书）', level: '三等奖' }],
    }));
    expect(corrected.__typename).toBe('MutationUpdateApplicationSuccess');
    const resubmitted = await submitApplication(api, token, application.id, corrected.data!.version);
    expect(resubmitted.data?.status).toBe('SUBMITTED');
    const history = await statusHistory(application.id);
    expect(history.map((change) => change.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'RETURNED_TO_APPLICANT', 'SUBMITTED']);
    expect(history[2]!.reason).toBe('请补充获奖证书');
  });

  it('refuses a return without saying what to correct, naming the field', async () => {
    const { application } = await submitted();
    const result = await employerReview(api, tokens['unit-kashgar']!, application.id, application.version, { decision: 'RETURN' });
    expect(result.__typename).toBe('ValidationFailedError');
    expect(result.problems?.[0]?.path).toEqual(['comment']);
  });

  it('leaves exactly one winner when two reviewers act on the same version at once', async () => {
    const { application } = await submitted();
    const [first, second] = await Promise.all([
      employerReview(api, tokens['unit-kashgar']!, application.id, application.version, { decision: 'ENDORSE', conductConfirmed: true }),
      employerReview(api, tokens['unit-kashgar']!, application.id, application.version, { decision: 'REJECT', comment: '材料不实' }),
    ]);
    const outcomes = [first.__typename, second.__typename];
    expect(outcomes.filter((outcome) => outcome === 'MutationEmployerReviewSuccess')).toHaveLength(1);
    // The loser either saw the old version and lost the race, or came after and found the status changed.
    expect(outcomes.find((outcome) => outcome !== 'MutationEmployerReviewSuccess')).toMatch(/^(ConcurrentModificationError|InvalidTransitionError)$/);
    expect((await statusHistory(application.id)).length).toBe(3);
  });

  it('refuses a submission while a hard rule fails, naming the rules', async () => {
    const { token, application } = await draft({ ethnicity: 'HAN' }, programme.urumqi.unitId);
    const result = await submitApplication(api, token, application.id, application.version);
    expect(result.__typename).toBe('NotEligibleError');
    expect(result.rules).toEqual(['ETHNICITY']);
    expect(result.message).toContain('不符合推荐条件');

    const both = await draft({ education: 'ASSOCIATE', titleLevel: 'JUNIOR', titleName: '医师' });
    const refused = await submitApplication(api, both.token, both.application.id, both.application.version);
    expect(refused.rules).toEqual(['EDUCATION_TITLE']);
  });

  it('accepts a Han applicant from a southern-Xinjiang unit, with the rule shown as relaxed', async () => {
    const { token, application } = await draft({ ethnicity: 'HAN' });
    const result = await submitApplication(api, token, application.id, application.version);
    expect(result.__typename).toBe('MutationSubmitApplicationSuccess');
    const seen = await api.gql(`query($id: ID!) { application(id: $id) { eligibility { rule outcome reason blocking } } }`, { id: application.id }, tokens['unit-kashgar']);
    expect(seen.data.application.eligibility.find((r: { rule: string }) => r.rule === 'ETHNICITY')).toMatchObject({ outcome: 'RELAXED', blocking: false });
  });

  it('refuses a blacklisted applicant until the listing is lifted', async () => {
    const { token, who, application } = await draft();
    const listed = await api.gql(
      `mutation($id: String) { listOnBlacklist(applicantIdNumber: $id, reasonKind: FRAUD, reason: "伪造获奖证书") { __typename ... on MutationListOnBlacklistSuccess { data { id expiresAt } } } }`,
      { id: who.idNumber },
      tokens.admin,
    );
    expect(listed.data.listOnBlacklist.data.expiresAt).toBe('2031-12-01T02:00:00.000Z');
    const refused = await submitApplication(api, token, application.id, application.version);
    expect(refused.rules).toEqual(['BLACKLIST']);
    await api.gql(
      `mutation($id: ID!) { liftBlacklistEntry(id: $id, reason: "经复核系误报") { __typename } }`,
      { id: listed.data.listOnBlacklist.data.id },
      tokens.admin,
    );
    expect((await submitApplication(api, token, application.id, application.version)).__typename).toBe('MutationSubmitApplicationSuccess');
  });

  it('blacklists applicant and unit when a selected trainee gives up, and releases the place once', async () => {
    // A unit of its own: the listing bars the unit, and the other tests still need theirs.
    const { token, application: drafted } = await draft({}, programme.kashgar.otherUnitId);
    const application = (await submitApplication(api, token, drafted.id, drafted.version)).data!;
    const schoolToken = await api.login('unit-kashgar-school');
    const endorsed = await employerReview(api, schoolToken, application.id, application.version, { decision: 'ENDORSE', conductConfirmed: true });
    const recommended = await prefectureReview(api, tokens['pref-653100']!, application.id, endorsed.data!.version, { decision: 'RECOMMEND', conductConfirmed: true });
    await uploadSignedScans(api, { unitToken: schoolToken, prefectureToken: tokens['pref-653100']!, applicationId: application.id, roundId: roundId(), areaId: globalId('Area', programme.kashgar.areaId) });
    const selected = await regionalDecision(api, tokens.admin!, application.id, recommended.data!.version, 'SELECT');
    const usedBefore = await api.gql(`query($r: ID!) { quotaUsage(roundId: $r) { mode area { id } used remaining } }`, { r: roundId() }, tokens.admin);
    const remote = (data: typeof usedBefore.data) => data.quotaUsage.find((line: { mode: string; area: unknown }) => line.mode === 'REMOTE' && !line.area);

    const abandoned = await withdrawApplication(api, token, application.id, selected.data!.version, '个人原因放弃培养');
    expect(abandoned.data?.status).toBe('ABANDONED');
    const again = await withdrawApplication(api, token, application.id, abandoned.data!.version, '再次放弃');
    expect(again.__typename).toBe('InvalidTransitionError');
    const usedAfter = await api.gql(`query($r: ID!) { quotaUsage(roundId: $r) { mode area { id } used remaining } }`, { r: roundId() }, tokens.admin);
    expect(remote(usedAfter.data).used).toBe(remote(usedBefore.data).used - 1);

    const rawId = Buffer.from(application.id, 'base64').toString().split(':')[1]!;
    const entries = await api.prisma.blacklistEntry.findMany({ where: { applicationId: rawId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ reasonKind: 'ABANDONMENT', unitId: programme.kashgar.otherUnitId });
    expect(entries[0]!.applicantIdNumber).toHaveLength(18);
  });
});

describe('deadlines, one second either side (Beijing time)', () => {
  it('accepts a first submission one second before applications close and refuses it one second after', async () => {
    const early = await draft();
    const late = await draft();
    now = new Date(applicationDeadline.getTime() - 1000);
    early.token = await api.login(early.who.idNumber, 'Passw0rd2025');
    late.token = await api.login(late.who.idNumber, 'Passw0rd2025');
    expect((await submitApplication(api, early.token, early.application.id, early.application.version)).__typename).toBe('MutationSubmitApplicationSuccess');
    now = new Date(applicationDeadline.getTime() + 1000);
    const refused = await submitApplication(api, late.token, late.application.id, late.application.version);
    expect(refused.__typename).toBe('DeadlinePassedError');
    expect(refused.message).toContain('2027-03-05 23:59');
    now = new Date('2026-12-01T10:00:00+08:00');
  });

  it('accepts an endorsement one second before recommendations close and refuses it one second after', async () => {
    const first = await submitted();
    const second = await submitted();
    now = new Date(recommendationDeadline.getTime() - 1000);
    tokens['unit-kashgar'] = await api.login('unit-kashgar');
    const inTime = await employerReview(api, tokens['unit-kashgar']!, first.application.id, first.application.version, { decision: 'ENDORSE', conductConfirmed: true });
    expect(inTime.__typename).toBe('MutationEmployerReviewSuccess');
    now = new Date(recommendationDeadline.getTime() + 1000);
    const late = await employerReview(api, tokens['unit-kashgar']!, second.application.id, second.application.version, { decision: 'ENDORSE', conductConfirmed: true });
    expect(late.__typename).toBe('DeadlinePassedError');
    now = new Date('2026-12-01T10:00:00+08:00');
    tokens['unit-kashgar'] = await api.login('unit-kashgar');
  });
});
