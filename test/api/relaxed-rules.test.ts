// Application.relaxedRules — the stored copy of which rules an application meets only as
// relaxed, kept so that lists filter and sort on it in SQL — stays equal to what the
// eligibility rules decide: when an applicant saves forms 2 and 3, when a round's shortage
// specialties change, and in the demo data the API seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eligibilitySelect, loadEligibility } from '@tepei/api/modules/eligibility/eligibility.loader';
import { recordRelaxedRules, relaxedRulesOf } from '@tepei/api/modules/eligibility/relaxed-rules';
import { startApi, type TestApi } from '../support/api.ts';
import { applicationForm, arrangeProgramme, person, type Programme } from '../fixtures/programme.ts';
import { createApplication, globalId, registerApplicant, updateApplication } from '../support/workflow.ts';

const now = new Date('2026-12-01T10:00:00+08:00');

const rawIdOf = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

describe('relaxed rules recorded by the API', () => {
  let api: TestApi;
  let programme: Programme;
  beforeAll(async () => {
    api = await startApi({ clock: () => now });
    programme = await arrangeProgramme(api.prisma);
  });
  afterAll(() => api?.close());

  const stored = async (id: string) =>
    api.prisma.application.findUniqueOrThrow({ where: { id }, select: { relaxedRules: true, relaxedRuleCount: true, updatedAt: true } });

  async function relaxedIds(filter: Record<string, unknown>): Promise<string[]> {
    const token = await api.login('analyst');
    const response = await api.gql('query($filter: ApplicationFilter) { applications(filter: $filter, first: 100) { edges { node { id } } } }', { filter }, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return (response.data.applications.edges as Array<{ node: { id: string } }>).map((edge) => rawIdOf(edge.node.id));
  }

  it('records them when forms 2 and 3 are saved, and again when they are changed', async () => {
    // 汉族 大专 in 喀什地区 (southern Xinjiang): both relaxations of the notice apply.
    const who = person(301);
    const token = await registerApplicant(api, who, programme.kashgar.unitId);
    const created = await createApplication(api, token, globalId('Round', programme.roundId), applicationForm(who, { ethnicity: 'HAN', education: 'ASSOCIATE' }));
    expect(created.__typename, JSON.stringify(created)).toBe('MutationCreateApplicationSuccess');
    const id = rawIdOf(created.data!.id);
    expect(await stored(id)).toMatchObject({ relaxedRules: ['ETHNICITY', 'EDUCATION_TITLE'], relaxedRuleCount: 2 });
    expect(await relaxedIds({ relaxedRules: ['ETHNICITY'] })).toEqual([id]);

    const updated = await updateApplication(api, token, created.data!.id, created.data!.version, applicationForm(who, { ethnicity: 'UYGHUR', education: 'BACHELOR' }));
    expect(updated.__typename).toBe('MutationUpdateApplicationSuccess');
    expect(await stored(id)).toMatchObject({ relaxedRules: [], relaxedRuleCount: 0 });
    expect(await relaxedIds({ relaxed: true })).toEqual([]);
    expect(await relaxedIds({ relaxed: false })).toEqual([id]);
  });

  it("follows the round's shortage specialties, without moving the applications' last-changed time", async () => {
    // 本科 初级 in 乌鲁木齐市 (not southern): relaxed only while 临床医学 is a shortage specialty.
    const who = person(302, '1988-06-15', 'FEMALE', '650102');
    const token = await registerApplicant(api, who, programme.urumqi.unitId);
    const created = await createApplication(api, token, globalId('Round', programme.roundId), applicationForm(who, { titleLevel: 'JUNIOR', trainingSpecialty: '临床医学' }));
    expect(created.__typename, JSON.stringify(created)).toBe('MutationCreateApplicationSuccess');
    const id = rawIdOf(created.data!.id);
    const before = await stored(id);
    expect(before.relaxedRules).toEqual(['EDUCATION_TITLE']);

    await api.prisma.round.update({ where: { id: programme.roundId }, data: { shortageSpecialties: ['护理学'] } });
    expect(await recordRelaxedRules(api.prisma, { roundId: programme.roundId })).toBe(1);
    const after = await stored(id);
    expect(after).toMatchObject({ relaxedRules: [], relaxedRuleCount: 0 });
    expect(after.updatedAt).toEqual(before.updatedAt);
    // Now the rule fails outright, and nothing else in the round changed.
    expect(await recordRelaxedRules(api.prisma, { roundId: programme.roundId })).toBe(0);
    await api.prisma.round.update({ where: { id: programme.roundId }, data: { shortageSpecialties: ['临床医学', '护理学'] } });
    await recordRelaxedRules(api.prisma, { roundId: programme.roundId });
  });
});

describe('relaxed rules in the demo data', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seeded: true, clock: () => now });
  });
  afterAll(() => api?.close());

  it('are stored for every seeded application exactly as the rules decide', async () => {
    const applications = await api.prisma.application.findMany({ select: { ...eligibilitySelect, relaxedRules: true, relaxedRuleCount: true } });
    const verdicts = await loadEligibility(applications, now, api.prisma);
    const mismatches = applications.filter((application) => {
      const expected = relaxedRulesOf(verdicts.get(application.id)!);
      return expected.join() !== application.relaxedRules.join() || application.relaxedRuleCount !== expected.length;
    });
    expect(mismatches.map((application) => application.id)).toEqual([]);
    // The seed tells both relaxations' stories (南疆 non-minority applicants, 大专 or 初级).
    const relaxed = new Set(applications.flatMap((application) => application.relaxedRules));
    expect([...relaxed].sort()).toEqual(['EDUCATION_TITLE', 'ETHNICITY']);
  });
});
