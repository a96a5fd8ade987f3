// The applicant's day in the API (issue 13 item 5): a draft saved as far as it is filled in — any
// field may be missing, a choice or a list row's date too — with birth date and gender taken from
// the ID number, and read back, printed and counted with what it left empty; a correction of a
// returned application that keeps what every submitted one has; a submission that names every
// missing field;
// trainee numbers in the seed's format, one sequence per round and area even under concurrent
// submissions; withdrawal before selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { applicationForm, arrangeProgramme, person, type Programme } from '../fixtures/programme.ts';
import { createApplication, employerReview, globalId, rawIdOf, registerApplicant, submitApplication, updateApplication, withdrawApplication } from '../support/workflow.ts';

let api: TestApi;
let programme: Programme;
const now = new Date('2026-12-01T10:00:00+08:00');
let nextPerson = 500;

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
});
afterAll(() => api?.close());

const roundId = () => globalId('Round', programme.roundId);

/** What only a draft may leave empty: the choices and the two declarations (their columns are NULL only in drafts). */
const choices = {
  ethnicity: 'UYGHUR',
  politicalStatus: 'MASSES',
  chineseProficiency: 'GOOD',
  education: 'BACHELOR',
  titleLevel: 'INTERMEDIATE',
  mode: 'LOCAL',
  hasDisqualifyingIllness: false,
  earlierTrainee: false,
};
const choiceFields = Object.keys(choices);

async function applicant(unitId = programme.kashgar.unitId, birthDate = '1990-02-14', gender: 'MALE' | 'FEMALE' = 'MALE') {
  const who = person(nextPerson++, birthDate, gender);
  return { who, token: await registerApplicant(api, who, unitId) };
}

/** The saved application as its applicant reads it back. */
async function readBack(token: string, id: string) {
  const response = await api.gql(
    `query($id: ID!) { application(id: $id) {
      name gender ethnicity birthDate birthMonth politicalStatus chineseProficiency education titleLevel mode graduateSchool studyGoals
      hasDisqualifyingIllness earlierTrainee
      workHistory { startMonth endMonth work postOrTitle } awards { awardedOn name level } publications { publishedOn titleAndContent publisher }
      hostPreferences { institution } eligibility { rule outcome reason } formFiles { form2Pdf }
    } }`,
    { id },
    token,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.application;
}

const noChoices = Object.fromEntries(choiceFields.map((field) => [field, null]));

describe('a partial draft', () => {
  it('is saved with only a name and the ID number, and reads back with its choices empty (birth date and gender read off the ID number)', async () => {
    const { who, token } = await applicant();
    const saved = await createApplication(api, token, roundId(), { name: who.name, idNumber: who.idNumber });
    expect(saved, JSON.stringify(saved)).toMatchObject({ __typename: 'MutationCreateApplicationSuccess', data: { status: 'DRAFT' } });
    const stored = await api.prisma.application.findUniqueOrThrow({ where: { id: rawIdOf(saved.data!.id) }, include: { workHistory: true, hostPreferences: true } });
    expect(stored).toMatchObject({ ...noChoices, gender: 'MALE', birthDate: new Date('1990-02-14T00:00:00Z'), graduateSchool: '', studyGoals: '' });
    expect(stored.workHistory).toHaveLength(0);
    expect(stored.hostPreferences).toHaveLength(0);
    expect(await readBack(token, saved.data!.id)).toMatchObject({
      ...noChoices,
      name: who.name,
      gender: 'MALE',
      birthDate: '1990-02-14',
      birthMonth: '1990-02',
      workHistory: [],
      awards: [],
      hostPreferences: [],
    });
  });

  it('is saved with nothing filled in at all: the ID number is the one registered with', async () => {
    const { who, token } = await applicant();
    const saved = await createApplication(api, token, roundId(), {});
    expect(saved.__typename, JSON.stringify(saved)).toBe('MutationCreateApplicationSuccess');
    expect(await api.prisma.application.findUniqueOrThrow({ where: { id: rawIdOf(saved.data!.id) } })).toMatchObject({ ...noChoices, idNumber: who.idNumber, name: '' });
  });

  it('keeps half-filled rows of work history, awards and publications with their dates empty, and drops the rows left empty', async () => {
    const { who, token } = await applicant();
    const saved = await createApplication(api, token, roundId(), {
      idNumber: who.idNumber,
      workHistory: [{ work: '喀什地区第一人民医院心血管内科' }, { startMonth: '', work: '' }, { endMonth: '2020-06', postOrTitle: '主治医师' }],
      awards: [{ name: '自治区科技进步奖' }],
      publications: [{ publisher: '中华心血管病杂志' }],
    });
    expect(saved.__typename, JSON.stringify(saved)).toBe('MutationCreateApplicationSuccess');
    const read = await readBack(token, saved.data!.id);
    expect(read.workHistory).toEqual([
      { startMonth: null, endMonth: null, work: '喀什地区第一人民医院心血管内科', postOrTitle: null },
      { startMonth: null, endMonth: '2020-06-01', work: '', postOrTitle: '主治医师' },
    ]);
    expect(read.awards).toEqual([{ awardedOn: null, name: '自治区科技进步奖', level: '' }]);
    expect(read.publications).toEqual([{ publishedOn: null, titleAndContent: '', publisher: '中华心血管病杂志' }]);
  });

  it('checks the format of what is filled in: the ID number, a phone, a date, a birth date that disagrees with the ID number', async () => {
    const { who, token } = await applicant();
    const wrongCheck = who.idNumber.slice(0, 17) + (who.idNumber[17] === '1' ? '2' : '1');
    const refused = await createApplication(api, token, roundId(), { idNumber: wrongCheck, phone: '12345', birthDate: '1991-01-01', awards: [{ awardedOn: '2031-01-01' }] });
    expect(refused.__typename).toBe('ValidationFailedError');
    // Without a valid ID number nothing is read off it, and nothing more is asked of a draft.
    expect(refused.problems!.map((p) => p.path.join('.')).sort()).toEqual(['form.awards.0.awardedOn', 'form.idNumber', 'form.phone']);
    expect(refused.problems!.find((p) => p.path[1] === 'idNumber')!.message).toBe('身份证号校验位不正确，请核对');

    const disagreeing = await createApplication(api, token, roundId(), { idNumber: who.idNumber, birthDate: '1991-01-01', gender: 'FEMALE' });
    expect(disagreeing.problems).toEqual([
      { path: ['form', 'birthDate'], message: '出生日期与身份证号不一致' },
      { path: ['form', 'gender'], message: '性别与身份证号不一致' },
    ]);
  });

  it('reads as not yet checkable where eligibility needs what it left empty, prints form 2 with blanks, and counts as 未填写', async () => {
    const { who, token } = await applicant();
    const saved = (await createApplication(api, token, roundId(), { name: who.name, idNumber: who.idNumber, awards: [{ name: '自治区科技进步奖' }] })).data!;
    const read = await readBack(token, saved.id);
    expect(read.eligibility.map((result: { rule: string; outcome: string }) => [result.rule, result.outcome])).toEqual([
      ['ETHNICITY', 'FAILED'],
      ['AGE', 'PASSED'],
      ['EDUCATION_TITLE', 'FAILED'],
      ['HEALTH', 'FAILED'],
      ['BLACKLIST', 'PASSED'],
      ['EARLIER_TRAINEE', 'FAILED'],
    ]);
    expect(read.eligibility[0].reason).toBe('申报表未填写民族，无法核对');
    // Unanswered declarations are no 无 and no 否.
    expect(read.eligibility[3].reason).toBe('申报表未填写健康状况，无法核对');
    expect(read.eligibility[5].reason).toBe('申报表未填写是否参加过特培学习，无法核对');
    expect(read).toMatchObject({ hasDisqualifyingIllness: null, earlierTrainee: null });
    expect(read.eligibility[2].reason).toBe('申报表未填写最高学历、专业技术职称层级，无法核对');

    const form2 = await api.yoga.fetch(`http://test${read.formFiles.form2Pdf}`, { headers: { authorization: `Bearer ${token}` } });
    expect(form2.status).toBe(200);
    expect(form2.headers.get('content-type')).toBe('application/pdf');
    expect((await form2.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const admin = await api.login('admin');
    const counts = await api.gql(
      `{ applicationCounts(groupBy: [ETHNICITY]) { ... on QueryApplicationCountsSuccess { data { keys { value label } count } } } }`,
      {},
      admin,
    );
    const lines = counts.data.applicationCounts.data as Array<{ keys: Array<{ value: string | null; label: string }>; count: number }>;
    const unfilled = await api.prisma.application.count({ where: { ethnicity: null } });
    expect(lines.at(-1)).toEqual({ keys: [{ value: null, label: '未填写' }], count: unfilled });
    for (const direction of ['ASC', 'DESC']) {
      const listed = await api.gql(`{ applications(first: 100, orderBy: [{ field: ETHNICITY, direction: ${direction} }]) { edges { node { ethnicity } } } }`, {}, admin);
      const ethnicities = listed.data.applications.edges.map((edge: { node: { ethnicity: string | null } }) => edge.node.ethnicity);
      // The drafts without one come last either way.
      expect(ethnicities.slice(-unfilled), direction).toEqual(Array(unfilled).fill(null));
      expect(ethnicities.slice(0, -unfilled), direction).not.toContain(null);
    }
  });

  it('is refused at submission with every missing field at its path, and submitted once complete', async () => {
    const { who, token } = await applicant();
    const saved = (
      await createApplication(api, token, roundId(), {
        idNumber: who.idNumber,
        name: who.name,
        phone: who.phone,
        workHistory: [{ work: '喀什地区第一人民医院心血管内科' }],
        awards: [{ name: '自治区科技进步奖' }],
      })
    ).data!;
    const refused = await submitApplication(api, token, saved.id, saved.version);
    expect(refused.__typename).toBe('ValidationFailedError');
    const paths = refused.problems!.map((p) => p.path.slice(1).join('.'));
    for (const field of [...choiceFields, 'graduateSchool', 'studyGoals', 'hostPreferences', 'workHistory.0.startMonth', 'awards.0.awardedOn', 'awards.0.level']) {
      expect(paths, field).toContain(field);
    }
    expect(paths).not.toContain('name');
    expect(paths).not.toContain('birthDate');
    const message = (path: string) => refused.problems!.find((p) => p.path.slice(1).join('.') === path)!.message;
    expect(message('graduateSchool')).toBe('请填写毕业院校');
    expect(message('ethnicity')).toBe('请选择民族');
    expect(message('mode')).toBe('请选择培养方式');
    expect(message('hasDisqualifyingIllness')).toBe('请选择健康状况');
    expect(message('earlierTrainee')).toBe('请选择是否参加过特培学习');
    expect(message('workHistory.0.startMonth')).toBe('请填写开始年月');
    expect(message('awards.0.awardedOn')).toBe('请填写获奖日期');
    expect((await api.prisma.application.findUniqueOrThrow({ where: { id: rawIdOf(saved.id) } })).status).toBe('DRAFT');

    const completed = await updateApplication(api, token, saved.id, saved.version, applicationForm(who, { birthDate: '1990-02-14', gender: 'MALE' }));
    expect(completed.__typename, JSON.stringify(completed)).toBe('MutationUpdateApplicationSuccess');
    const submitted = await submitApplication(api, token, saved.id, completed.data!.version);
    expect(submitted.__typename, JSON.stringify(submitted)).toBe('MutationSubmitApplicationSuccess');
  });
});

describe('a correction of a returned application', () => {
  it('may leave text empty but keeps the choices and dates every submitted application has', async () => {
    const { who, token } = await applicant();
    const complete = applicationForm(who, { birthDate: '1990-02-14', gender: 'MALE' });
    const saved = (await createApplication(api, token, roundId(), complete)).data!;
    const submitted = (await submitApplication(api, token, saved.id, saved.version)).data!;
    const returned = (await employerReview(api, await api.login('unit-kashgar'), submitted.id, submitted.version, { decision: 'RETURN', comment: '请补充获奖情况' })).data!;
    expect(returned.status).toBe('RETURNED_TO_APPLICANT');

    const refused = await updateApplication(api, token, saved.id, returned.version, { ...complete, ...noChoices, studyGoals: '', awards: [{ name: '自治区科技进步奖' }] });
    expect(refused.__typename).toBe('ValidationFailedError');
    expect(refused.problems!.map((p) => p.path.slice(1).join('.')).sort()).toEqual([...choiceFields, 'awards.0.awardedOn'].sort());

    const corrected = await updateApplication(api, token, saved.id, returned.version, { ...complete, studyGoals: '', awards: [{ name: '自治区科技进步奖', awardedOn: '2022-09-01' }] });
    expect(corrected.__typename, JSON.stringify(corrected)).toBe('MutationUpdateApplicationSuccess');
    expect(await api.prisma.application.findUniqueOrThrow({ where: { id: rawIdOf(saved.id) } })).toMatchObject({
      status: 'RETURNED_TO_APPLICANT',
      ...Object.fromEntries(choiceFields.map((field) => [field, (complete as Record<string, unknown>)[field]])),
      studyGoals: '',
    });
  });
});

describe('trainee numbers', () => {
  it('read like the seeded ones and continue the round and area sequence, also when submissions race', async () => {
    // An earlier number of the area, written as the seed writes them, and one of the old format.
    const { who: first, token: firstToken } = await applicant(programme.urumqi.unitId);
    const earlier = (await createApplication(api, firstToken, roundId(), applicationForm(first))).data!;
    await api.prisma.application.update({ where: { id: rawIdOf(earlier.id) }, data: { serialNumber: '2027-650100-0007' } });
    const { who: old, token: oldToken } = await applicant(programme.urumqi.unitId);
    const older = (await createApplication(api, oldToken, roundId(), applicationForm(old))).data!;
    await api.prisma.application.update({ where: { id: rawIdOf(older.id) }, data: { serialNumber: '2027-650100-956B6AFF' } });

    const drafts = [];
    for (let i = 0; i < 4; i++) {
      const { who, token } = await applicant(programme.urumqi.unitId);
      drafts.push({ token, application: (await createApplication(api, token, roundId(), applicationForm(who))).data! });
    }
    const results = await Promise.all(drafts.map(({ token, application }) => submitApplication(api, token, application.id, application.version)));
    expect(results.map((r) => r.__typename), JSON.stringify(results)).toEqual(Array(4).fill('MutationSubmitApplicationSuccess'));
    expect(results.map((r) => r.data!.serialNumber).sort()).toEqual(['2027-650100-0008', '2027-650100-0009', '2027-650100-0010', '2027-650100-0011']);

    // Another area has its own sequence.
    const { who, token } = await applicant(programme.kashgar.unitId);
    const kashgar = (await createApplication(api, token, roundId(), applicationForm(who))).data!;
    const before = await api.prisma.application.count({ where: { areaId: programme.kashgar.areaId, serialNumber: { not: null } } });
    const numbered = await submitApplication(api, token, kashgar.id, kashgar.version);
    expect(numbered.data!.serialNumber).toBe(`2027-653100-${String(before + 1).padStart(4, '0')}`);
  });
});

describe('withdrawal before selection', () => {
  it('takes a submitted application to 已撤回 with the reason in its history and the audit log', async () => {
    const { who, token } = await applicant();
    const saved = (await createApplication(api, token, roundId(), applicationForm(who, { birthDate: '1990-02-14', gender: 'MALE' }))).data!;
    const submitted = (await submitApplication(api, token, saved.id, saved.version)).data!;
    const withdrawn = await withdrawApplication(api, token, submitted.id, submitted.version, '工作调动，本年度不再申报');
    expect(withdrawn.data?.status).toBe('WITHDRAWN');
    const change = await api.prisma.statusChange.findFirstOrThrow({ where: { applicationId: rawIdOf(saved.id), toStatus: 'WITHDRAWN' } });
    expect(change).toMatchObject({ fromStatus: 'SUBMITTED', reason: '工作调动，本年度不再申报' });
    expect(await api.prisma.auditRecord.count({ where: { operation: 'withdrawApplication', targetId: rawIdOf(saved.id), result: 'SUCCESS' } })).toBe(1);
    expect(await api.prisma.blacklistEntry.count({ where: { applicationId: rawIdOf(saved.id) } })).toBe(0);
  });
});
