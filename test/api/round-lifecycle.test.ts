// Year after year (issue 14 items 1-3): the regional admin opens the next round from the last
// one's settings and moves it through its phases; keeps the registry of host institutions
// (培养单位名录) that form 3 picks from; and after selection places the trainees at hosts —
// proposed by deferred acceptance, moved by hand with a reason, confirmed into the training
// records — which the trainee then sees. Every step is audited and only the regional admin may
// take it; no host ever holds more trainees than it offers places.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { createApplication, globalId, registerApplicant } from '../support/workflow.ts';
import { insertApplications } from '../fixtures/applications.ts';
import { applicationForm, arrangeProgramme, person, type Programme } from '../fixtures/programme.ts';

let api: TestApi;
let programme: Programme;
let admin: string;
let analyst: string;
let now = new Date('2026-12-01T10:00:00+08:00');

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  admin = await api.login('admin');
  analyst = await api.login('analyst');
});
afterAll(async () => {
  await api?.close();
});

const result = `__typename ... on Error { code message } ... on ValidationFailedError { problems { path message } }`;
/** Only the steps that depend on the round's phase have RoundPhaseError in their result union. */
const phaseChecked = new Set(['advanceRoundPhase', 'proposePlacement', 'movePlacement', 'confirmPlacement']);

async function mutate(field: string, signature: string, call: string, variables: Record<string, unknown>, data: string, token = admin) {
  const response = await api.gql(
    `mutation(${signature}) { ${field}(${call}) { ${result} ${phaseChecked.has(field) ? '... on RoundPhaseError { phase }' : ''} ... on Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success { data { ${data} } } } }`,
    variables,
    token,
  );
  if (response.errors?.length) return { __typename: 'GraphQLError', code: response.errors[0]!.extensions?.code, message: response.errors[0]!.message };
  return response.data[field];
}

const roundData = 'id year name phase noticeNumber noticeDate applicationDeadline recommendationDeadline ageCutoffDate remotePlaces localPlaces shortageSpecialties';
const createRound = (input: Record<string, unknown>, token = admin) => mutate('createRound', '$input: CreateRoundInput!', 'input: $input', { input }, roundData, token);
const advance = (roundId: string, to: string, token = admin) =>
  mutate('advanceRoundPhase', '$roundId: ID!, $to: RoundPhase!', 'roundId: $roundId, to: $to', { roundId, to }, 'id phase', token);

async function lastAudit(operation: string) {
  return api.prisma.auditRecord.findFirstOrThrow({ where: { operation }, orderBy: { id: 'desc' } });
}

describe('opening the next round', () => {
  let draft: Record<string, unknown>;
  let roundId: string;

  it('starts from the last round a year on: same deadline days, places and shortage specialties, age cut-off 1 January of year − 45', async () => {
    const response = await api.gql('{ nextRoundDraft { year name applicationDeadline recommendationDeadline ageCutoffDate remotePlaces localPlaces trainingMonths shortageSpecialties } }', {}, admin);
    draft = response.data.nextRoundDraft;
    expect(draft).toEqual({
      year: 2028,
      name: '2028年度',
      applicationDeadline: '2028-03-05T15:59:59.999Z',
      recommendationDeadline: '2028-03-20T15:59:59.999Z',
      ageCutoffDate: '1983-01-01',
      remotePlaces: 200,
      localPlaces: 200,
      trainingMonths: 12,
      shortageSpecialties: ['临床医学', '护理学'],
    });
    const refused = await api.gql('{ nextRoundDraft { year } }', {}, await api.login('pref-653100'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('creates the round in preparation, with its notice, audited; a second round of the year is refused', async () => {
    const { name: _name, trainingMonths: _months, ageCutoffDate: _cutoff, ...input } = draft;
    const created = await createRound({ ...input, noticeNumber: '新人社函〔2028〕1号', noticeDate: '2028-02-10', remotePlaces: 180 });
    expect(created).toMatchObject({
      __typename: 'MutationCreateRoundSuccess',
      data: { year: 2028, name: '2028年度', phase: 'PREPARING', noticeNumber: '新人社函〔2028〕1号', noticeDate: '2028-02-10', ageCutoffDate: '1983-01-01', remotePlaces: 180 },
    });
    roundId = created.data.id;
    const audit = await lastAudit('createRound');
    expect(audit).toMatchObject({ result: 'SUCCESS', targetType: 'Round' });
    expect(await createRound(input)).toMatchObject({ __typename: 'ConflictError' });
    expect(await createRound({ ...input, year: 2029 }, analyst)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await createRound({ ...input, year: 2029, recommendationDeadline: input.applicationDeadline })).toMatchObject({
      __typename: 'ValidationFailedError',
      problems: [{ path: ['input', 'recommendationDeadline'] }],
    });
  });

  it('keeps a round in preparation from applicants: not listed, no node, no application into it', async () => {
    const who = person(71, '1990-03-03');
    const token = await registerApplicant(api, who, programme.kashgar.unitId);
    const rounds = await api.gql('{ rounds { year } currentRound { year } }', {}, token);
    expect(rounds.data).toEqual({ rounds: [{ year: 2027 }], currentRound: { year: 2027 } });
    const node = await api.gql('query($id: ID!) { node(id: $id) { id } }', { id: roundId }, token);
    expect(node.data.node).toBeNull();
    expect((await createApplication(api, token, roundId, applicationForm(who))).code).toBe('NOT_FOUND');
    const analystView = await api.gql('{ rounds { year phase } }', {}, analyst);
    expect(analystView.data.rounds).toEqual([{ year: 2028, phase: 'PREPARING' }, { year: 2027, phase: 'APPLICATIONS' }]);
  });

  it('publishes it only as the next phase and while no other round takes applications; phases that follow deadlines are not entered by hand', async () => {
    expect(await advance(roundId, 'RECOMMENDATIONS')).toMatchObject({ __typename: 'RoundPhaseError', phase: 'PREPARING' });
    const blocked = await advance(roundId, 'APPLICATIONS');
    expect(blocked).toMatchObject({ __typename: 'RoundPhaseError' });
    expect(blocked.message).toContain('2027年度仍在申报或审核推荐中');
    expect(await advance(globalId('Round', programme.roundId), 'RECOMMENDATIONS')).toMatchObject({ __typename: 'RoundPhaseError', phase: 'APPLICATIONS' });
    expect((await lastAudit('advanceRoundPhase')).result).toBe('REFUSED');
  });
});

describe('the registry of host institutions', () => {
  const hostData = 'id name province kind mode mentors';
  const hostInput = (name: string, province: string, mentors: string[] = []) => ({ name, province, kind: 'ENTERPRISE', specialties: ['临床医学'], mentors, contactName: '李明', contactPhone: '010-69151234' });
  const createHost = (input: Record<string, unknown>, token = admin) => mutate('createHostInstitution', '$input: HostInstitutionInput!', 'input: $input', { input }, hostData, token);

  it('lists hosts with their mode from the province, refuses an unknown province and a second entry of a name', async () => {
    expect(await createHost(hostInput('北京协和医院', '北京市', ['张抒扬']))).toMatchObject({ data: { name: '北京协和医院', mode: 'REMOTE', kind: 'ENTERPRISE', mentors: ['张抒扬'] } });
    expect(await createHost(hostInput('新疆医科大学第一附属医院', '新疆维吾尔自治区'))).toMatchObject({ data: { mode: 'LOCAL' } });
    expect(await createHost(hostInput('北京协和医院', '北京市'))).toMatchObject({ __typename: 'ConflictError' });
    expect(await createHost(hostInput('某医院', '火星'))).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['input', 'province'] }] });
    expect(await createHost(hostInput('某医院', '北京市'), analyst)).toMatchObject({ code: 'FORBIDDEN' });
    const local = await api.gql('{ hostInstitutions(mode: LOCAL) { name } }', {}, analyst);
    expect(local.data.hostInstitutions).toEqual([{ name: '新疆医科大学第一附属医院' }]);
  });

  it('links form 3 to the registry by name, refuses a host of the other mode, and turns an unlisted host into a proposal the admin lists', async () => {
    const who = person(72, '1989-04-04');
    const token = await registerApplicant(api, who, programme.kashgar.unitId);
    const wrongMode = await createApplication(api, token, globalId('Round', programme.roundId), applicationForm(who, { mode: 'LOCAL', hostPreferences: [{ institution: '北京协和医院', hostAgreed: false }] }));
    expect(wrongMode).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['form', 'hostPreferences', '0', 'institution'] }] });
    expect(wrongMode.problems![0]!.message).toContain('当地培养须选择新疆境内的培养单位');

    const created = await createApplication(
      api,
      token,
      globalId('Round', programme.roundId),
      applicationForm(who, { hostPreferences: [{ institution: '北京协和医院', mentor: '张抒扬', hostAgreed: false }, { institution: ' 复旦大学附属华山医院 ', hostAgreed: false }] }),
    );
    expect(created.__typename).toBe('MutationCreateApplicationSuccess');
    const applicationId = created.data!.id;
    const preferences = async () =>
      (await api.gql('query($id: ID!) { application(id: $id) { hostPreferences { rank institution hostInstitution { name } } } }', { id: applicationId }, token)).data.application.hostPreferences;
    expect(await preferences()).toEqual([
      { rank: 1, institution: '北京协和医院', hostInstitution: { name: '北京协和医院' } },
      { rank: 2, institution: '复旦大学附属华山医院', hostInstitution: null },
    ]);

    const proposals = await api.gql('{ hostProposals { id name status preferenceCount } }', {}, admin);
    expect(proposals.data.hostProposals).toEqual([{ id: expect.any(String), name: '复旦大学附属华山医院', status: 'PENDING', preferenceCount: 1 }]);
    expect((await api.gql('{ hostProposals { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const accepted = await mutate(
      'acceptHostProposal',
      '$id: ID!, $input: HostInstitutionInput!',
      'id: $id, input: $input',
      { id: proposals.data.hostProposals[0].id, input: { ...hostInput('复旦大学附属华山医院', '上海市'), kind: 'ENTERPRISE' } },
      hostData,
    );
    expect(accepted).toMatchObject({ data: { name: '复旦大学附属华山医院', mode: 'REMOTE' } });
    expect((await preferences())[1]).toEqual({ rank: 2, institution: '复旦大学附属华山医院', hostInstitution: { name: '复旦大学附属华山医院' } });
    expect((await api.gql('{ hostProposals { name } }', {}, admin)).data.hostProposals).toEqual([]);
  });

  it('lets the admin refuse a proposal with a reason, keeping the text of the preference', async () => {
    await api.prisma.hostProposal.create({ data: { name: '某某培训中心' } });
    const proposal = await api.prisma.hostProposal.findUniqueOrThrow({ where: { name: '某某培训中心' } });
    const refuse = (reason: string) => mutate('refuseHostProposal', '$id: ID!, $reason: String!', 'id: $id, reason: $reason', { id: globalId('HostProposal', proposal.id), reason }, 'status refusalReason');
    expect(await refuse('  ')).toMatchObject({ __typename: 'ValidationFailedError' });
    expect(await refuse('非培养机构')).toMatchObject({ data: { status: 'REFUSED', refusalReason: '非培养机构' } });
  });
});

describe('placement (培养单位分配)', () => {
  const ids = { hosts: {} as Record<string, string>, trainees: [] as string[] };
  let applicantToken: string;
  let applicantApplication: string;
  const roundGid = () => globalId('Round', programme.roundId);
  const setPlaces = (host: string, mode: string, places: number, token = admin) =>
    mutate(
      'setHostPlaces',
      '$roundId: ID!, $hostId: ID!, $mode: TrainingMode!, $places: Int!',
      'roundId: $roundId, hostId: $hostId, mode: $mode, places: $places',
      { roundId: roundGid(), hostId: globalId('HostInstitution', ids.hosts[host]!), mode, places },
      'places mode',
      token,
    );
  const overviewFields = 'placedCount unplacedCount confirmed hosts { host { name } mode places placed } placements { status application { id } host { name } preferenceRank unplacedReason movedReason }';
  const overview = async () => (await api.gql(`query($id: ID!) { roundPlacement(roundId: $id) { ${overviewFields} } }`, { id: roundGid() }, analyst)).data.roundPlacement;
  const propose = (token = admin) => mutate('proposePlacement', '$roundId: ID!', 'roundId: $roundId', { roundId: roundGid() }, overviewFields, token);
  const move = (application: string, host: string, reason: string, token = admin) =>
    mutate(
      'movePlacement',
      '$applicationId: ID!, $hostId: ID!, $reason: String!',
      'applicationId: $applicationId, hostId: $hostId, reason: $reason',
      { applicationId: globalId('Application', application), hostId: globalId('HostInstitution', ids.hosts[host]!), reason },
      'host { name } preferenceRank movedReason',
      token,
    );
  const hostOf = (rows: Array<{ application: { id: string }; host: { name: string } | null; preferenceRank: number | null }>, id: string) => {
    const row = rows.find((placement) => placement.application.id === globalId('Application', id))!;
    return [row.host?.name ?? null, row.preferenceRank];
  };

  async function prefer(applicationId: string, hosts: Array<[string, boolean?]>) {
    await api.prisma.hostPreference.createMany({
      data: hosts.map(([name, agreed], index) => ({ applicationId, rank: index + 1, institution: name, hostInstitutionId: ids.hosts[name]!, hostAgreed: agreed ?? false, mentor: `${name}导师` })),
    });
  }

  beforeAll(async () => {
    for (const host of await api.prisma.hostInstitution.findMany()) ids.hosts[host.name] = host.id;
    const where = { roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId };
    const remote = await insertApplications(api.prisma, where, 4, 'SELECTED', 'REMOTE');
    const [local] = await insertApplications(api.prisma, where, 1, 'SELECTED', 'LOCAL');
    ids.trainees = [...remote, local!];
    const [t1, t2, t3, t4] = remote as [string, string, string, string];
    await prefer(t1, [['北京协和医院'], ['复旦大学附属华山医院']]);
    // The host already agreed to receive t2: it comes before t1, who also put it first.
    await prefer(t2, [['北京协和医院', true], ['复旦大学附属华山医院']]);
    await prefer(t3, [['北京协和医院']]);
    await prefer(t4, [['复旦大学附属华山医院']]);
    await prefer(local!, [['新疆医科大学第一附属医院']]);
    // The applicant of the registry test, selected: they will see their host once confirmed.
    const application = await api.prisma.application.findFirstOrThrow({ where: { roundId: programme.roundId, applicantId: { not: null }, hostPreferences: { some: {} } } });
    await api.prisma.application.update({ where: { id: application.id }, data: { status: 'SELECTED' } });
    applicantApplication = application.id;
    applicantToken = await api.login(person(72, '1989-04-04').idNumber, 'Passw0rd2025');
  });

  it('sets places per host and mode: the mode must suit the host, and only the regional admin sets them', async () => {
    expect(await setPlaces('北京协和医院', 'REMOTE', 1)).toMatchObject({ data: { places: 1, mode: 'REMOTE' } });
    expect(await setPlaces('复旦大学附属华山医院', 'REMOTE', 3)).toMatchObject({ data: { places: 3 } });
    expect(await setPlaces('新疆医科大学第一附属医院', 'LOCAL', 1)).toMatchObject({ data: { places: 1 } });
    expect(await setPlaces('北京协和医院', 'LOCAL', 5)).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['mode'] }] });
    expect(await setPlaces('北京协和医院', 'REMOTE', 9, analyst)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is proposed only in the placement phase, which waits for every recommended application to be decided', async () => {
    expect(await propose()).toMatchObject({ __typename: 'RoundPhaseError', phase: 'APPLICATIONS' });
    now = new Date('2027-03-21T10:00:00+08:00');
    // Sessions of December have expired by March.
    admin = await api.login('admin');
    analyst = await api.login('analyst');
    applicantToken = await api.login(person(72, '1989-04-04').idNumber, 'Passw0rd2025');
    const [waiting] = await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId }, 1, 'RECOMMENDED');
    const refused = await advance(roundGid(), 'PLACEMENT');
    expect(refused).toMatchObject({ __typename: 'RoundPhaseError' });
    expect(refused.message).toContain('仍有 1 份已推荐的申报待遴选');
    await api.prisma.application.update({ where: { id: waiting! }, data: { status: 'NOT_SELECTED' } });
    expect(await advance(roundGid(), 'PLACEMENT')).toMatchObject({ data: { phase: 'PLACEMENT' } });
    expect(await lastAudit('advanceRoundPhase')).toMatchObject({ result: 'SUCCESS', targetId: programme.roundId });
  });

  it('proposes a stable placement within the places: agreement first, then preference rank; who is left unplaced and why', async () => {
    expect(await propose(analyst)).toMatchObject({ code: 'FORBIDDEN' });
    const proposal = await propose();
    expect(proposal.__typename, JSON.stringify(proposal)).toBe('MutationProposePlacementSuccess');
    const [t1, t2, t3, t4, local] = ids.trainees as [string, string, string, string, string];
    const rows = proposal.data.placements;
    expect(hostOf(rows, t2)).toEqual(['北京协和医院', 1]);
    expect(hostOf(rows, t1)).toEqual(['复旦大学附属华山医院', 2]);
    expect(hostOf(rows, t4)).toEqual(['复旦大学附属华山医院', 1]);
    expect(hostOf(rows, local)).toEqual(['新疆医科大学第一附属医院', 1]);
    expect(hostOf(rows, t3)).toEqual([null, null]);
    expect(rows.find((row: { application: { id: string } }) => row.application.id === globalId('Application', t3)).unplacedReason).toBe('所填志愿名额已满');
    // The applicant's first choice is full (协和 keeps the trainee it agreed to take): their second.
    expect(hostOf(rows, applicantApplication)).toEqual(['复旦大学附属华山医院', 2]);
    expect(proposal.data).toMatchObject({ placedCount: 5, unplacedCount: 1, confirmed: false });
    expect(await lastAudit('proposePlacement')).toMatchObject({ result: 'SUCCESS', targetId: programme.roundId });
  });

  it('moves a trainee by hand with a reason, never past a host’s places nor to a host of the other mode', async () => {
    const t3 = ids.trainees[2]!;
    expect(await move(t3, '北京协和医院', '导师同意')).toMatchObject({ __typename: 'QuotaExceededError' });
    expect(await move(t3, '新疆医科大学第一附属医院', '调整')).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['hostInstitutionId'] }] });
    expect(await move(t3, '北京协和医院', ' ')).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['reason'] }] });
    expect(await move(t3, '北京协和医院', '增加名额', analyst)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await setPlaces('北京协和医院', 'REMOTE', 2)).toMatchObject({ data: { places: 2 } });
    expect(await move(t3, '北京协和医院', '培养单位增加1个名额')).toMatchObject({ data: { host: { name: '北京协和医院' }, preferenceRank: 1, movedReason: '培养单位增加1个名额' } });
    const audit = await lastAudit('movePlacement');
    expect(audit).toMatchObject({ result: 'SUCCESS', targetType: 'Application', targetId: t3 });
    expect(JSON.stringify(audit.details)).toContain('培养单位增加1个名额');
    expect(await setPlaces('北京协和医院', 'REMOTE', 1)).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['places'] }] });
  });

  it('is hidden from the trainee until confirmed; confirming writes every training record, and the trainee sees their host', async () => {
    const mine = async () =>
      (await api.gql('query($id: ID!) { application(id: $id) { placement { status host { name } mentor } training { hostInstitution host { name } mentor startedOn plannedEndOn } } }', { id: globalId('Application', applicantApplication) }, applicantToken)).data.application;
    expect(await mine()).toEqual({ placement: null, training: null });
    const confirm = (token = admin) =>
      mutate('confirmPlacement', '$roundId: ID!, $startsOn: Date!', 'roundId: $roundId, startsOn: $startsOn', { roundId: roundGid(), startsOn: '2027-06-01' }, 'placedCount unplacedCount confirmed', token);
    expect(await confirm(analyst)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await confirm()).toMatchObject({ data: { placedCount: 6, unplacedCount: 0, confirmed: true } });
    expect(await mine()).toEqual({
      placement: { status: 'CONFIRMED', host: { name: '复旦大学附属华山医院' }, mentor: null },
      training: { hostInstitution: '复旦大学附属华山医院', host: { name: '复旦大学附属华山医院' }, mentor: null, startedOn: '2027-06-01', plannedEndOn: '2028-06-01' },
    });
    const records = await api.prisma.trainingRecord.findMany({ where: { application: { roundId: programme.roundId } } });
    expect(records).toHaveLength(6);
    const t2 = await api.prisma.trainingRecord.findUniqueOrThrow({ where: { applicationId: ids.trainees[1]! } });
    expect(t2).toMatchObject({ hostInstitution: '北京协和医院', mentor: '北京协和医院导师' });
    expect(await lastAudit('confirmPlacement')).toMatchObject({ result: 'SUCCESS' });
    // Confirmed is final.
    expect(await propose()).toMatchObject({ __typename: 'ConflictError' });
    expect(await move(ids.trainees[0]!, '北京协和医院', '再调整')).toMatchObject({ __typename: 'ConflictError' });
  });

  it('never lets a host hold more trainees of a mode than it offers', async () => {
    const loads = (await overview()).hosts as Array<{ places: number; placed: number }>;
    expect(loads.length).toBeGreaterThan(0);
    for (const load of loads) expect(load.placed).toBeLessThanOrEqual(load.places);
    const placements = await api.prisma.placement.findMany({ where: { roundId: programme.roundId }, include: { application: true } });
    const offered = await api.prisma.hostPlaces.findMany({ where: { roundId: programme.roundId } });
    for (const row of offered) {
      expect(placements.filter((p) => p.hostInstitutionId === row.hostInstitutionId && p.application.mode === row.mode).length).toBeLessThanOrEqual(row.places);
    }
  });

  it('moves on to orientation once confirmed; a round closes only when every application is settled, and a closed round is read-only', async () => {
    expect(await advance(roundGid(), 'ORIENTATION')).toMatchObject({ data: { phase: 'ORIENTATION' } });
    expect(await advance(roundGid(), 'TRAINING')).toMatchObject({ data: { phase: 'TRAINING' } });
    const refused = await advance(roundGid(), 'CLOSED');
    expect(refused.message).toContain('未办结');
    const closed = await api.prisma.round.create({
      data: { id: randomUUID(), year: 2020, name: '2020年度', stage: 'CLOSED', applicationDeadline: new Date('2020-03-05T15:59:59.999Z'), recommendationDeadline: new Date('2020-03-20T15:59:59.999Z'), ageCutoffDate: new Date('1975-01-01'), shortageSpecialties: [] },
    });
    const read = await api.gql('query($id: ID!) { node(id: $id) { ... on Round { name phase isFinished } } }', { id: globalId('Round', closed.id) }, analyst);
    expect(read.data.node).toEqual({ name: '2020年度', phase: 'CLOSED', isFinished: true });
    const change = await mutate('updateRound', '$roundId: ID!, $input: UpdateRoundInput!', 'roundId: $roundId, input: $input', { roundId: globalId('Round', closed.id), input: { shortageSpecialties: ['农学'] } }, 'id');
    expect(change).toMatchObject({ __typename: 'RoundFinishedError' });
  });
});

describe('a person across rounds', () => {
  it('finds an earlier selection by ID number, with its round, host and assessment, whatever form 2 declares', async () => {
    const earlierRound = await api.prisma.round.create({
      data: { year: 2019, name: '2019年度', stage: 'CLOSED', applicationDeadline: new Date('2019-03-05T15:59:59.999Z'), recommendationDeadline: new Date('2019-03-20T15:59:59.999Z'), ageCutoffDate: new Date('1974-01-01'), shortageSpecialties: [] },
    });
    const where = { unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId };
    const [earlier] = await insertApplications(api.prisma, { roundId: earlierRound.id, ...where }, 1, 'COMPLETED');
    await api.prisma.trainingRecord.create({
      data: { applicationId: earlier!, hostInstitution: '北京协和医院', startedOn: new Date('2019-06-01'), plannedEndOn: new Date('2020-06-01'), completedOn: new Date('2020-05-31'), assessment: 'EXCELLENT' },
    });
    const person = await api.prisma.application.findUniqueOrThrow({ where: { id: earlier! } });
    const [now2027] = await insertApplications(api.prisma, { roundId: programme.roundId, ...where }, 1, 'RECOMMENDED');
    // The same person applies again (form 2 says nothing of the earlier training).
    await api.prisma.application.update({ where: { id: now2027! }, data: { idNumber: person.idNumber, earlierTrainee: false } });
    const query = 'query($id: ID!) { application(id: $id) { earlierTrainee earlierParticipations { year roundName status statusLabel hostInstitution assessment completedOn } } }';
    const seen = await api.gql(query, { id: globalId('Application', now2027!) }, await api.login('pref-650100'));
    expect(seen.data.application).toEqual({
      earlierTrainee: false,
      earlierParticipations: [{ year: 2019, roundName: '2019年度', status: 'COMPLETED', statusLabel: '已结业', hostInstitution: '北京协和医院', assessment: 'EXCELLENT', completedOn: '2020-05-31' }],
    });
    // Nothing earlier for the earlier application itself.
    const first = await api.gql(query, { id: globalId('Application', earlier!) }, analyst);
    expect(first.data.application.earlierParticipations).toEqual([]);

    // Rule 6 reads the same history: flagged for the reviewer on the record and in the queue
    // (the page's one statement and the loader alike), though form 2 answered 否.
    const rule6 = '系统记录：2019年度入选特培（培养单位北京协和医院，结业考核优秀），申报人填报为未参加过，仅返岗后有突出业绩者可再次推荐，请审核人核实';
    const verdict = { rule: 'EARLIER_TRAINEE', outcome: 'FLAGGED', reason: rule6, blocking: false };
    const prefecture = await api.login('pref-650100');
    const record = await api.gql('query($id: ID!) { application(id: $id) { eligibility { rule outcome reason blocking } } }', { id: globalId('Application', now2027!) }, prefecture);
    expect(record.data.application.eligibility).toContainEqual(verdict);
    const queue = await api.gql(
      'query { applications(first: 100, filter: { statuses: [RECOMMENDED] }) { edges { node { id eligibility { rule outcome reason blocking } } } } }',
      {},
      prefecture,
    );
    const row = queue.data.applications.edges.map((edge: { node: { id: string } }) => edge.node).find((node: { id: string }) => node.id === globalId('Application', now2027!));
    expect(row.eligibility).toContainEqual(verdict);
    // The earlier application is judged by its own round: nothing before 2019.
    const earlierVerdict = await api.gql('query($id: ID!) { application(id: $id) { eligibility { rule outcome } } }', { id: globalId('Application', earlier!) }, analyst);
    expect(earlierVerdict.data.application.eligibility).toContainEqual({ rule: 'EARLIER_TRAINEE', outcome: 'PASSED' });
  });
});
