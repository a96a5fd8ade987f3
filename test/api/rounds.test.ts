// The regional admin changes a running round (updateRound): deadlines, age cut-off, shortage
// specialties (紧缺专业). Deadlines must stay in order, a finished round stays as it was, every
// attempt is audited, and the applications' stored relaxed rules follow the specialties.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFormToPrismaData, validateApplicationForm } from '@tepei/api/modules/applications/application-form';
import { recordRelaxedRules } from '@tepei/api/modules/eligibility/relaxed-rules';
import { startApi, type TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';
import { applicationDeadline, applicationForm, arrangeProgramme, person, recommendationDeadline, type Programme } from '../fixtures/programme.ts';

let api: TestApi;
let programme: Programme;
let adminToken: string;
let roundGlobalId: string;
let now = new Date('2026-12-01T10:00:00+08:00');

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  adminToken = await api.login('admin');
  roundGlobalId = globalId('Round', programme.roundId);
});
afterAll(async () => {
  await api?.close();
});

const updateRound = /* GraphQL */ `
  mutation($roundId: ID!, $input: UpdateRoundInput!) {
    updateRound(roundId: $roundId, input: $input) {
      __typename
      ... on MutationUpdateRoundSuccess { data { applicationDeadline recommendationDeadline ageCutoffDate shortageSpecialties } }
      ... on Error { code message }
      ... on ValidationFailedError { problems { path message } }
    }
  }
`;

function update(input: Record<string, unknown>, token = adminToken) {
  return api.gql(updateRound, { roundId: roundGlobalId, input }, token);
}

/** An associate-degree nurse of Urumqi (not southern Xinjiang): eligible only if 护理学 is a shortage specialty. */
async function insertAssociateNurse(status: 'SUBMITTED' | 'RECOMMENDED' = 'SUBMITTED'): Promise<string> {
  const who = person(900, '1990-02-02', 'FEMALE', '650102');
  const form = validateApplicationForm(applicationForm(who, { education: 'ASSOCIATE', trainingSpecialty: '护理学', majorStudied: '护理学' }) as never, {
    today: '2026-12-01',
  });
  const id = randomUUID();
  await api.prisma.application.create({
    data: { ...applicationFormToPrismaData(form).scalars, id, roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId, mode: 'LOCAL', status },
  });
  await recordRelaxedRules(api.prisma, { id });
  return id;
}

async function lastAudit() {
  return api.prisma.auditRecord.findFirstOrThrow({ where: { operation: 'updateRound' }, orderBy: { id: 'desc' } });
}

describe('changing a round', () => {
  it('stores new deadlines, age cut-off and shortage specialties, which the rounds query then reports, and audits it', async () => {
    const response = await update({
      applicationDeadline: '2027-03-10T23:59:59.999+08:00',
      recommendationDeadline: '2027-03-25T23:59:59.999+08:00',
      ageCutoffDate: '1982-01-01',
      shortageSpecialties: [' 临床医学 ', '护理学', '护理学', '', '学前教育'],
    });
    expect(response.data.updateRound, JSON.stringify(response)).toMatchObject({
      __typename: 'MutationUpdateRoundSuccess',
      data: {
        applicationDeadline: '2027-03-10T15:59:59.999Z',
        recommendationDeadline: '2027-03-25T15:59:59.999Z',
        ageCutoffDate: '1982-01-01',
        shortageSpecialties: ['临床医学', '护理学', '学前教育'],
      },
    });
    const rounds = await api.gql('{ rounds { applicationDeadline shortageSpecialties } }', {}, await api.login('analyst'));
    expect(rounds.data.rounds).toEqual([{ applicationDeadline: '2027-03-10T15:59:59.999Z', shortageSpecialties: ['临床医学', '护理学', '学前教育'] }]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ result: 'SUCCESS', targetType: 'Round', targetId: programme.roundId, actorRole: 'REGIONAL' });
  });

  it('leaves out what is not given', async () => {
    const before = await api.prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } });
    const response = await update({ ageCutoffDate: '1981-01-01' });
    expect(response.data.updateRound.__typename).toBe('MutationUpdateRoundSuccess');
    const after = await api.prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } });
    expect(after.ageCutoffDate.toISOString().slice(0, 10)).toBe('1981-01-01');
    expect(after.applicationDeadline).toEqual(before.applicationDeadline);
    expect(after.shortageSpecialties).toEqual(before.shortageSpecialties);
  });

  it('refuses a recommendation deadline that is not after the application deadline, in Chinese, and changes nothing', async () => {
    const before = await api.prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } });
    const response = await update({ applicationDeadline: '2027-03-30T23:59:59.999+08:00', shortageSpecialties: ['农学'] });
    expect(response.data.updateRound.__typename).toBe('ValidationFailedError');
    expect(response.data.updateRound.problems).toEqual([
      { path: ['input', 'recommendationDeadline'], message: '审核推荐截止时间（2027-03-25 23:59）须晚于个人申报截止时间（2027-03-30 23:59）' },
    ]);
    expect(await api.prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } })).toEqual(before);
    expect(await lastAudit()).toMatchObject({ result: 'REFUSED', errorCode: 'VALIDATION_FAILED' });
  });

  it('refuses an age cut-off far from the 45-year rule and overlong specialty names', async () => {
    const response = await update({ ageCutoffDate: '2020-01-01', shortageSpecialties: ['临'.repeat(31)] });
    const messages = response.data.updateRound.problems.map((problem: { message: string }) => problem.message);
    expect(messages).toEqual([
      '年龄截止出生日期应在 1967 年至 2009 年之间（2027年度按45周岁为 1982-01-01）',
      `紧缺专业名称不超过 30 字：${'临'.repeat(31)}`,
    ]);
  });

  it('is refused to everyone but the regional admin', async () => {
    for (const username of ['analyst', 'pref-653100', 'unit-kashgar']) {
      const response = await update({ ageCutoffDate: '1982-01-01' }, await api.login(username));
      expect(response.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
    }
  });

  it('refuses a finished round (recommendations closed, every application settled)', async () => {
    const closed = await api.prisma.round.create({
      data: {
        year: 2025,
        name: '2025年度',
        applicationDeadline: new Date('2025-03-05T23:59:59.999+08:00'),
        recommendationDeadline: new Date('2025-03-20T23:59:59.999+08:00'),
        ageCutoffDate: new Date('1980-01-01T00:00:00Z'),
        shortageSpecialties: ['临床医学'],
      },
    });
    const response = await api.gql(updateRound, { roundId: globalId('Round', closed.id), input: { recommendationDeadline: '2027-03-20T23:59:59.999+08:00' } }, adminToken);
    expect(response.data.updateRound).toEqual({
      __typename: 'RoundFinishedError',
      code: 'ROUND_FINISHED',
      message: '2025年度已结束（审核推荐已截止，所有申报均已办结），不能再修改该年度及其申报、名额',
    });
    expect((await api.prisma.round.findUniqueOrThrow({ where: { id: closed.id } })).recommendationDeadline).toEqual(new Date('2025-03-20T23:59:59.999+08:00'));
  });

  it('after a deadline, while the round runs, moves it later to reopen the phase, audited, but never earlier', async () => {
    const round = await api.prisma.round.findUniqueOrThrow({ where: { id: programme.roundId } });
    // One recommendation still awaits the regional decision: the round runs on.
    const waiting = await insertAssociateNurse('RECOMMENDED');
    now = new Date(round.recommendationDeadline.getTime() + 1);
    try {
      // Sessions last 12 hours: sign in at the moved clock.
      const token = await api.login('admin');
      const earlier = await update({ recommendationDeadline: new Date(round.recommendationDeadline.getTime() - 86_400_000).toISOString() }, token);
      expect(earlier.data.updateRound.__typename).toBe('ValidationFailedError');
      expect(earlier.data.updateRound.problems).toEqual([
        { path: ['input', 'recommendationDeadline'], message: expect.stringMatching(/^审核推荐已于 .+（北京时间）截止，截止时间只能延后（重新开放），不能提前$/) },
      ]);
      expect((await api.prisma.round.findUniqueOrThrow({ where: { id: round.id } })).recommendationDeadline).toEqual(round.recommendationDeadline);

      const later = new Date(round.recommendationDeadline.getTime() + 7 * 86_400_000);
      const reopened = await update({ recommendationDeadline: later.toISOString() }, token);
      expect(reopened.data.updateRound.__typename).toBe('MutationUpdateRoundSuccess');
      expect(reopened.data.updateRound.data.recommendationDeadline).toBe(later.toISOString());
      const isOpen = await api.gql('query($id: ID!) { node(id: $id) { ... on Round { isOpenForRecommendations } } }', { id: roundGlobalId }, token);
      expect(isOpen.data.node.isOpenForRecommendations).toBe(true);
      const audit = await lastAudit();
      expect(audit).toMatchObject({ result: 'SUCCESS', targetType: 'Round', targetId: round.id });
    } finally {
      await api.prisma.round.update({ where: { id: round.id }, data: { recommendationDeadline: round.recommendationDeadline } });
      await api.prisma.application.delete({ where: { id: waiting } });
      now = new Date('2026-12-01T10:00:00+08:00');
    }
  });
});

describe('shortage specialties and the stored relaxed rules', () => {
  it('recomputes them for the round when the specialties change, in the same step', async () => {
    await update({ applicationDeadline: applicationDeadline.toISOString(), recommendationDeadline: recommendationDeadline.toISOString(), shortageSpecialties: ['临床医学', '护理学'] });
    const id = await insertAssociateNurse();
    const relaxedRules = async () => (await api.prisma.application.findUniqueOrThrow({ where: { id } })).relaxedRules;
    expect(await relaxedRules()).toEqual(['EDUCATION_TITLE']);

    expect((await update({ shortageSpecialties: ['临床医学'] })).data.updateRound.__typename).toBe('MutationUpdateRoundSuccess');
    expect(await relaxedRules()).toEqual([]);
    const eligibility = await api.gql(
      'query($id: ID!) { application(id: $id) { eligibility { rule outcome } } }',
      { id: globalId('Application', id) },
      adminToken,
    );
    expect(eligibility.data.application.eligibility).toContainEqual({ rule: 'EDUCATION_TITLE', outcome: 'FAILED' });

    expect((await update({ shortageSpecialties: ['临床医学', '护理学'] })).data.updateRound.__typename).toBe('MutationUpdateRoundSuccess');
    expect(await relaxedRules()).toEqual(['EDUCATION_TITLE']);
  });
});
