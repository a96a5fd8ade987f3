// Shared by the access-matrix and audit tests: a small world with one actor per role and
// scope, the root fields of the schema, a way to read a response as an outcome, and every
// mutation ready to be called as any role.
//
// Roles are named for their relation to one application, the "owner's application" (a
// submitted application of the 喀什地区第一人民医院, unit-kashgar, area 653100):
//   applicant        the applicant acting on their own application (a fresh applicant and a
//                    fresh draft when the step changes it, so that every call can succeed)
//   otherApplicant   another applicant of the same unit, acting on the owner's application
//   employer         unit-kashgar, the application's own unit
//   otherEmployer    unit-urumqi, a unit of another area
//   prefecture       pref-653100, the application's own area
//   otherPrefecture  pref-650100, another area
//   regional, analyst, anonymous
import type { GraphQLSchema } from 'graphql';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import type { ApplicationStatus, TrainingMode } from '@tepei/db/client';
import type { GqlResponse, TestApi } from './api.ts';
import { insertApplications } from '../fixtures/applications.ts';
import { applicationForm, arrangeProgramme, demoPasswordHash, person, type Person, type Programme } from '../fixtures/programme.ts';
import { createApplication, globalId, rawIdOf, registerApplicant, submitApplication } from './workflow.ts';

export { rawIdOf };

export const roles = [
  'anonymous',
  'applicant',
  'otherApplicant',
  'employer',
  'otherEmployer',
  'prefecture',
  'otherPrefecture',
  'regional',
  'analyst',
] as const;
export type Role = (typeof roles)[number];
export type SignedInRole = Exclude<Role, 'anonymous'>;

export const roleLabels: Record<Role, string> = {
  anonymous: 'an anonymous caller',
  applicant: 'the applicant who owns the application',
  otherApplicant: 'another applicant',
  employer: "an employer reviewer of the application's own unit",
  otherEmployer: "an employer reviewer of another area's unit",
  prefecture: "the application's own prefecture reviewer",
  otherPrefecture: "another prefecture's reviewer",
  regional: 'a regional admin',
  analyst: 'an analyst',
};

export const applicantPassword = 'Passw0rd2025';
const staffPassword = 'Demo@2025';

export interface Account {
  username: string;
  password: string;
  userId: string;
  token: string;
}

export interface SubjectApplication {
  /** Global id. */
  id: string;
  rawId: string;
  version: number;
}

export interface World {
  api: TestApi;
  programme: Programme;
  roundGlobalId: string;
  accounts: Record<SignedInRole | 'school', Account>;
  owner: { who: Person; application: SubjectApplication };
  other: { who: Person; application: SubjectApplication };
  urumqiApplicant: { who: Person; application: SubjectApplication };
  /** Rows inserted at a status, for the steps that need one (refused calls use these). */
  fixed: {
    kashgarSubmitted: SubjectApplication;
    kashgarEndorsed: SubjectApplication;
    kashgarRecommended: SubjectApplication;
    kashgarSelected: SubjectApplication;
    kashgarOriented: SubjectApplication;
    kashgarInTraining: SubjectApplication;
    urumqiSubmitted: SubjectApplication;
    orientationSessionId: string;
    activeListingId: string;
    throwawayUserId: string;
  };
  nextSequence: number;
}

export function tokenOf(world: World, role: Role): string | undefined {
  return role === 'anonymous' ? undefined : world.accounts[role].token;
}

function subject(rawId: string, version = 3): SubjectApplication {
  return { id: globalId('Application', rawId), rawId, version };
}

/** The root fields of the schema, sorted: the matrix must have a row for each. */
export function rootFields(schema: GraphQLSchema): { query: string[]; mutation: string[] } {
  return {
    query: Object.keys(schema.getQueryType()?.getFields() ?? {}).sort(),
    mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}).sort(),
  };
}

/**
 * What a response means for `field`: the GraphQL error code (UNAUTHENTICATED, FORBIDDEN…),
 * the typename of a typed error (NotFoundError…), 'null', or 'allowed'.
 */
export function outcomeOf(response: GqlResponse, field: string, pick: (value: any) => unknown = (value) => value): string {
  if (response.errors?.length) {
    const error = response.errors[0]!;
    return (error.extensions?.code as string | undefined) ?? `error: ${error.message}`;
  }
  const value = pick(response.data?.[field]);
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  const typename = (value as { __typename?: string }).__typename;
  if (typename && typename.endsWith('Error')) return typename;
  return 'allowed';
}

// ─────────────────────────────── the world ───────────────────────────────

async function userIdOf(api: TestApi, username: string): Promise<string> {
  return (await api.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
}

async function account(api: TestApi, username: string, password = staffPassword): Promise<Account> {
  return { username, password, userId: await userIdOf(api, username), token: await api.login(username, password) };
}

/** A submitted (or draft) application made through the API by a newly registered applicant. */
async function applicantWithApplication(api: TestApi, roundGlobalId: string, who: Person, unitId: string, submit: boolean) {
  const token = await registerApplicant(api, who, unitId);
  const created = await createApplication(api, token, roundGlobalId, applicationForm(who));
  if (!created.data) throw new Error(`createApplication refused: ${JSON.stringify(created)}`);
  let application = created.data;
  if (submit) {
    const submitted = await submitApplication(api, token, application.id, application.version);
    if (!submitted.data) throw new Error(`submitApplication refused: ${JSON.stringify(submitted)}`);
    application = submitted.data;
  }
  return { who, application: { id: application.id, rawId: rawIdOf(application.id), version: application.version } };
}

export async function insertOne(
  world: Pick<World, 'api' | 'programme'>,
  status: ApplicationStatus,
  where: 'kashgar' | 'school' | 'urumqi' = 'kashgar',
  mode: TrainingMode = 'REMOTE',
  roundId = world.programme.roundId,
): Promise<SubjectApplication> {
  const { programme } = world;
  const place =
    where === 'urumqi'
      ? { unitId: programme.urumqi.unitId, areaId: programme.urumqi.areaId }
      : { unitId: where === 'school' ? programme.kashgar.otherUnitId : programme.kashgar.unitId, areaId: programme.kashgar.areaId };
  const [rawId] = await insertApplications(world.api.prisma, { roundId, ...place }, 1, status, mode);
  if (status === 'IN_TRAINING') {
    await world.api.prisma.trainingRecord.create({
      data: { applicationId: rawId!, hostInstitution: '北京协和医院', startedOn: new Date('2025-12-01'), plannedEndOn: new Date('2026-12-01') },
    });
  }
  return subject(rawId!);
}

async function activeListing(world: Pick<World, 'api'>, sequence: number): Promise<string> {
  const listedAt = new Date('2026-11-01T02:00:00Z');
  const entry = await world.api.prisma.blacklistEntry.create({
    data: {
      applicantIdNumber: composeResidentId('650104', '1979-05-05', 'MALE', sequence),
      applicantName: `失信人员${sequence}`,
      reasonKind: 'FRAUD',
      reason: '伪造获奖证书',
      listedAt,
      expiresAt: new Date('2031-11-01T02:00:00Z'),
    },
  });
  return entry.id;
}

async function throwawayUser(world: Pick<World, 'api'>, sequence: number): Promise<string> {
  const user = await world.api.prisma.user.create({
    data: { username: `throwaway-${sequence}`, displayName: `临时账户${sequence}`, role: 'EMPLOYER', passwordHash: demoPasswordHash },
  });
  return user.id;
}

/**
 * The programme of fixtures/programme.ts, one signed-in account per role, the owner's
 * submitted application, another applicant's draft, an Urumqi applicant's submitted
 * application, and applications inserted at every status the steps start from.
 */
export async function arrangeWorld(api: TestApi): Promise<World> {
  const programme = await arrangeProgramme(api.prisma);
  const roundGlobalId = globalId('Round', programme.roundId);
  const owner = await applicantWithApplication(api, roundGlobalId, person(1), programme.kashgar.unitId, true);
  const other = await applicantWithApplication(api, roundGlobalId, person(2), programme.kashgar.unitId, false);
  const urumqiApplicant = await applicantWithApplication(api, roundGlobalId, person(3, '1987-03-02', 'MALE', '650102'), programme.urumqi.unitId, true);

  const accounts = {
    applicant: await account(api, owner.who.idNumber, applicantPassword),
    otherApplicant: await account(api, other.who.idNumber, applicantPassword),
    employer: await account(api, 'unit-kashgar'),
    otherEmployer: await account(api, 'unit-urumqi'),
    prefecture: await account(api, 'pref-653100'),
    otherPrefecture: await account(api, 'pref-650100'),
    regional: await account(api, 'admin'),
    analyst: await account(api, 'analyst'),
    school: await account(api, 'unit-kashgar-school'),
  };
  const partial = { api, programme };
  const fixed = {
    kashgarSubmitted: await insertOne(partial, 'SUBMITTED'),
    kashgarEndorsed: await insertOne(partial, 'ENDORSED'),
    kashgarRecommended: await insertOne(partial, 'RECOMMENDED'),
    kashgarSelected: await insertOne(partial, 'SELECTED'),
    kashgarOriented: await insertOne(partial, 'ORIENTATION_ATTENDED'),
    kashgarInTraining: await insertOne(partial, 'IN_TRAINING'),
    urumqiSubmitted: await insertOne(partial, 'SUBMITTED', 'urumqi'),
    orientationSessionId: globalId(
      'OrientationSession',
      (
        await api.prisma.orientationSession.create({
          data: { roundId: programme.roundId, title: '2027年度训前培训', heldOn: new Date('2027-05-20'), place: '乌鲁木齐市' },
        })
      ).id,
    ),
    activeListingId: globalId('BlacklistEntry', await activeListing(partial, 400)),
    throwawayUserId: await throwawayUser(partial, 0),
  };
  // More rows in every area, so that a scope that leaks shows in the counts.
  await insertOne(partial, 'ENDORSED', 'school');
  await insertOne(partial, 'SUBMITTED', 'school');
  await insertOne(partial, 'ENDORSED', 'urumqi');
  await insertOne(partial, 'RECOMMENDED', 'urumqi');
  await insertOne(partial, 'SELECTED', 'urumqi');
  return { api, programme, roundGlobalId, accounts, owner, other, urumqiApplicant, fixed, nextSequence: 100 };
}

/** A newly registered applicant of the Kashgar hospital (or another unit). */
export async function freshApplicant(world: World, unitId = world.programme.kashgar.unitId, region = '653101') {
  const who = person(world.nextSequence++, '1988-06-15', 'FEMALE', region);
  const token = await registerApplicant(world.api, who, unitId);
  return { who, token, userId: await userIdOf(world.api, who.idNumber) };
}

/** A fresh applicant with a draft of their own. */
export async function freshDraft(world: World, overrides: Record<string, unknown> = {}, unitId?: string, region?: string) {
  const applicant = await freshApplicant(world, unitId, region);
  const created = await createApplication(world.api, applicant.token, world.roundGlobalId, applicationForm(applicant.who, overrides));
  if (!created.data) throw new Error(`createApplication refused: ${JSON.stringify(created)}`);
  return { ...applicant, application: { id: created.data.id, rawId: rawIdOf(created.data.id), version: created.data.version } };
}

/** Signs in again as `role`, for calls (logout) that must not end the shared session. */
export async function freshToken(world: World, role: SignedInRole): Promise<string> {
  const { username, password } = world.accounts[role];
  return world.api.login(username, password);
}

// ─────────────────────────────── every mutation ───────────────────────────────

export interface PreparedCall {
  /** The user whose token the call carries; null when anonymous. */
  actorUserId: string | null;
  /** Sends the call; `selection` (e.g. just `__typename`) replaces the usual one. */
  run(selection?: string): Promise<GqlResponse>;
}

/** What each success result shows of its data (most are nodes with an id). */
const successData: Record<string, string> = {
  login: 'data { expiresAt }',
  register: 'data { expiresAt }',
  logout: 'data',
  setAreaAllocation: 'data { mode places }',
  setHostPlaces: 'data { mode places }',
  movePlacement: 'data { status }',
  proposePlacement: 'data { placedCount }',
  confirmPlacement: 'data { placedCount }',
};

/** The document calling `field`; `selection` replaces the usual typename, error and data selection. */
export function mutationDocument(field: string, signature: string, args: string, selection?: string): string {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  const shown = selection ?? `__typename ... on Error { code message } ... on ${success} { ${successData[field] ?? 'data { id }'} }`;
  return `mutation Call${signature ? `(${signature})` : ''} { ${field}${args ? `(${args})` : ''} { ${shown} } }`;
}

function prepared(world: World, role: Role, field: string, signature: string, args: string, variables: Record<string, unknown>, token = tokenOf(world, role), actorUserId = role === 'anonymous' ? null : world.accounts[role].userId): PreparedCall {
  return {
    actorUserId,
    run: (selection?: string) => world.api.gql(mutationDocument(field, signature, args, selection), variables, token),
  };
}

type Prepare = (world: World, role: Role) => Promise<PreparedCall>;

const idVersion = { signature: '$id: ID!, $version: Int!', args: 'id: $id, version: $version' };

// ── rounds, host institutions, placement: the regional admin acts on rows of its own ──

let nextRoundYear = 2040;
let nextHost = 1;

/** A round of its own in `stage`, far from the world's 2027 round. */
async function freshRound(world: World, stage: 'PREPARING' | 'PLACEMENT' | 'ORIENTATION' | 'TRAINING') {
  const year = nextRoundYear++;
  const round = await world.api.prisma.round.create({
    data: {
      year,
      name: `${year}年度`,
      stage,
      applicationDeadline: new Date(`${year}-03-05T23:59:59.999+08:00`),
      recommendationDeadline: new Date(`${year}-03-20T23:59:59.999+08:00`),
      ageCutoffDate: new Date(`${year - 45}-01-01`),
      shortageSpecialties: [],
    },
  });
  return round.id;
}

async function freshHost(world: World, places: { roundId: string; places: number } | null = null) {
  const host = await world.api.prisma.hostInstitution.create({ data: { name: `测试培养单位${nextHost++}`, province: '北京市', kind: 'UNIVERSITY', specialties: [], mentors: [] } });
  if (places) await world.api.prisma.hostPlaces.create({ data: { roundId: places.roundId, hostInstitutionId: host.id, mode: 'REMOTE', places: places.places } });
  return host.id;
}

/** A round in its placement phase with one selected trainee, proposed at a host with a place (or unplaced). */
async function proposedRound(world: World, placed: boolean) {
  const roundId = await freshRound(world, 'PLACEMENT');
  const hostId = await freshHost(world, { roundId, places: 1 });
  const [applicationId] = await insertApplications(world.api.prisma, { roundId, unitId: world.programme.kashgar.unitId, areaId: world.programme.kashgar.areaId }, 1, 'SELECTED');
  await world.api.prisma.placement.create({ data: { roundId, applicationId: applicationId!, hostInstitutionId: placed ? hostId : null, proposedAt: new Date('2027-04-01') } });
  return { roundId, hostId, applicationId: applicationId! };
}

const hostInput = (name: string) => ({ name, province: '上海市', kind: 'UNIVERSITY', specialties: ['临床医学'], mentors: ['王教授'] });
const someId = (type: string) => globalId(type, '00000000-0000-4000-8000-000000000001');

const roundMutationCalls: Record<string, Prepare> = {
  async createRound(world, role) {
    const year = nextRoundYear++;
    return prepared(world, role, 'createRound', '$input: CreateRoundInput!', 'input: $input', {
      input: {
        year,
        applicationDeadline: `${year}-03-05T23:59:59.999+08:00`,
        recommendationDeadline: `${year}-03-20T23:59:59.999+08:00`,
        remotePlaces: 200,
        localPlaces: 200,
        shortageSpecialties: ['临床医学'],
      },
    });
  },
  async advanceRoundPhase(world, role) {
    const roundId = role === 'regional' ? globalId('Round', await freshRound(world, 'ORIENTATION')) : world.roundGlobalId;
    return prepared(world, role, 'advanceRoundPhase', '$roundId: ID!', 'roundId: $roundId, to: TRAINING', { roundId });
  },
  async createHostInstitution(world, role) {
    return prepared(world, role, 'createHostInstitution', '$input: HostInstitutionInput!', 'input: $input', { input: hostInput(`新列入培养单位${nextHost++}`) });
  },
  async updateHostInstitution(world, role) {
    const id = role === 'regional' ? globalId('HostInstitution', await freshHost(world)) : someId('HostInstitution');
    return prepared(world, role, 'updateHostInstitution', '$id: ID!, $input: HostInstitutionInput!', 'id: $id, input: $input', { id, input: hostInput(`改名培养单位${nextHost++}`) });
  },
  async setHostPlaces(world, role) {
    const hostId = role === 'regional' ? globalId('HostInstitution', await freshHost(world)) : someId('HostInstitution');
    return prepared(world, role, 'setHostPlaces', '$roundId: ID!, $hostId: ID!', 'roundId: $roundId, hostId: $hostId, mode: REMOTE, places: 3', { roundId: world.roundGlobalId, hostId });
  },
  async acceptHostProposal(world, role) {
    const name = `申报人提出的单位${nextHost++}`;
    const id = role === 'regional' ? globalId('HostProposal', (await world.api.prisma.hostProposal.create({ data: { name } })).id) : someId('HostProposal');
    return prepared(world, role, 'acceptHostProposal', '$id: ID!, $input: HostInstitutionInput!', 'id: $id, input: $input', { id, input: hostInput(name) });
  },
  async refuseHostProposal(world, role) {
    const id = role === 'regional' ? globalId('HostProposal', (await world.api.prisma.hostProposal.create({ data: { name: `不予列入的单位${nextHost++}` } })).id) : someId('HostProposal');
    return prepared(world, role, 'refuseHostProposal', '$id: ID!', 'id: $id, reason: "非培养机构"', { id });
  },
  async proposePlacement(world, role) {
    const roundId = role === 'regional' ? globalId('Round', await freshRound(world, 'PLACEMENT')) : world.roundGlobalId;
    return prepared(world, role, 'proposePlacement', '$roundId: ID!', 'roundId: $roundId', { roundId });
  },
  async movePlacement(world, role) {
    const target = role === 'regional' ? await proposedRound(world, false) : null;
    return prepared(world, role, 'movePlacement', '$applicationId: ID!, $hostId: ID!', 'applicationId: $applicationId, hostId: $hostId, reason: "人工调整"', {
      applicationId: target ? globalId('Application', target.applicationId) : world.fixed.kashgarSelected.id,
      hostId: target ? globalId('HostInstitution', target.hostId) : someId('HostInstitution'),
    });
  },
  async confirmPlacement(world, role) {
    const roundId = role === 'regional' ? globalId('Round', (await proposedRound(world, true)).roundId) : world.roundGlobalId;
    return prepared(world, role, 'confirmPlacement', '$roundId: ID!', 'roundId: $roundId, startsOn: "2027-06-01"', { roundId });
  },
};

/**
 * Each mutation, arranged for `role`: the role that may take the step acts on something
 * fresh of its own (so the call can succeed, and succeed again); every other role acts on
 * the fixed rows, where a refusal changes nothing.
 */
export const mutationCalls: Record<string, Prepare> = {
  ...roundMutationCalls,
  async completeTraining(world, role) {
    const target = role === 'regional' ? await insertOne(world, 'IN_TRAINING', 'kashgar', 'REMOTE', await freshRound(world, 'TRAINING')) : world.fixed.kashgarInTraining;
    return prepared(world, role, 'completeTraining', `${idVersion.signature}`, `${idVersion.args}, completedOn: "2026-11-30", assessment: QUALIFIED`, {
      id: target.id,
      version: target.version,
    });
  },
  async createApplication(world, role) {
    const form = (who: Person) => applicationForm(who);
    if (role === 'applicant' || role === 'otherApplicant') {
      const fresh = await freshApplicant(world);
      return prepared(world, role, 'createApplication', '$roundId: ID!, $form: ApplicationFormInput!', 'roundId: $roundId, form: $form', { roundId: world.roundGlobalId, form: form(fresh.who) }, fresh.token, fresh.userId);
    }
    return prepared(world, role, 'createApplication', '$roundId: ID!, $form: ApplicationFormInput!', 'roundId: $roundId, form: $form', {
      roundId: world.roundGlobalId,
      form: form(person(world.nextSequence++)),
    });
  },
  async createOrientationSession(world, role) {
    const roundId = role === 'regional' ? globalId('Round', await freshRound(world, 'ORIENTATION')) : world.roundGlobalId;
    return prepared(world, role, 'createOrientationSession', '$roundId: ID!', 'roundId: $roundId, title: "训前培训", heldOn: "2027-05-21", place: "乌鲁木齐市"', { roundId });
  },
  async createUser(world, role) {
    const username = `reviewer-${world.nextSequence++}`;
    return prepared(world, role, 'createUser', '$input: CreateUserInput!', 'input: $input', {
      input: { username, displayName: '新建审核员', role: 'ANALYST', password: 'Review2025x' },
    });
  },
  async employerReview(world, role) {
    const target = role === 'employer' ? await insertOne(world, 'SUBMITTED') : world.fixed.kashgarSubmitted;
    return prepared(world, role, 'employerReview', idVersion.signature, `${idVersion.args}, decision: ENDORSE, conductConfirmed: true`, { id: target.id, version: target.version });
  },
  async liftBlacklistEntry(world, role) {
    const id = role === 'regional' ? globalId('BlacklistEntry', await activeListing(world, world.nextSequence++)) : world.fixed.activeListingId;
    return prepared(world, role, 'liftBlacklistEntry', '$id: ID!', 'id: $id, reason: "经复核系误报"', { id });
  },
  async listOnBlacklist(world, role) {
    return prepared(world, role, 'listOnBlacklist', '$idNumber: String', 'applicantIdNumber: $idNumber, applicantName: "失信人员", reasonKind: FRAUD, reason: "伪造获奖证书"', {
      idNumber: composeResidentId('650104', '1979-05-05', 'MALE', world.nextSequence++),
    });
  },
  async login(world, role) {
    const { username, password } = role === 'anonymous' ? world.accounts.regional : world.accounts[role];
    const call = prepared(world, role, 'login', '$username: String!, $password: String!', 'username: $username, password: $password', { username, password });
    return call;
  },
  async logout(world, role) {
    const token = role === 'anonymous' ? undefined : await freshToken(world, role);
    return prepared(world, role, 'logout', '', '', {}, token);
  },
  async prefectureReview(world, role) {
    const target = role === 'prefecture' ? await insertOne(world, 'ENDORSED') : world.fixed.kashgarEndorsed;
    return prepared(world, role, 'prefectureReview', idVersion.signature, `${idVersion.args}, decision: RECOMMEND, conductConfirmed: true`, {
      id: target.id,
      version: target.version,
    });
  },
  async recordClassifiedItem(world, role) {
    if (role === 'applicant') {
      const fresh = await freshDraft(world);
      return prepared(world, role, 'recordClassifiedItem', '$id: ID!', 'applicationId: $id, kind: PAPER, sentOfflineOn: "2026-11-20"', { id: fresh.application.id }, fresh.token, fresh.userId);
    }
    return prepared(world, role, 'recordClassifiedItem', '$id: ID!', 'applicationId: $id, kind: PAPER, sentOfflineOn: "2026-11-20"', { id: world.owner.application.id });
  },
  async recordOrientation(world, role) {
    if (role !== 'regional') {
      const target = world.fixed.kashgarSelected;
      return prepared(world, role, 'recordOrientation', `${idVersion.signature}, $sessionId: ID!`, `${idVersion.args}, sessionId: $sessionId`, { id: target.id, version: target.version, sessionId: world.fixed.orientationSessionId });
    }
    const roundId = await freshRound(world, 'ORIENTATION');
    const target = await insertOne(world, 'SELECTED', 'kashgar', 'REMOTE', roundId);
    const session = await world.api.prisma.orientationSession.create({ data: { roundId, title: '训前培训', heldOn: new Date('2027-05-20'), place: '乌鲁木齐市' } });
    return prepared(world, role, 'recordOrientation', `${idVersion.signature}, $sessionId: ID!`, `${idVersion.args}, sessionId: $sessionId`, {
      id: target.id,
      version: target.version,
      sessionId: globalId('OrientationSession', session.id),
    });
  },
  async regionalDecision(world, role) {
    const target = role === 'regional' ? await insertOne(world, 'RECOMMENDED') : world.fixed.kashgarRecommended;
    return prepared(world, role, 'regionalDecision', idVersion.signature, `${idVersion.args}, decision: SELECT`, { id: target.id, version: target.version });
  },
  async register(world, role) {
    const who = person(world.nextSequence++);
    return prepared(world, role, 'register', '$input: RegisterInput!', 'input: $input', {
      input: { idNumber: who.idNumber, name: who.name, phone: who.phone, unitId: world.programme.kashgar.unitId, password: applicantPassword },
    });
  },
  async revokeUserSessions(world, role) {
    const userId = role === 'regional' ? await throwawayUser(world, world.nextSequence++) : world.fixed.throwawayUserId;
    return prepared(world, role, 'revokeUserSessions', '$userId: ID!', 'userId: $userId', { userId });
  },
  async setAreaAllocation(world, role) {
    return prepared(world, role, 'setAreaAllocation', '$roundId: ID!, $areaId: ID!', 'roundId: $roundId, areaId: $areaId, mode: REMOTE, places: 50', {
      roundId: world.roundGlobalId,
      areaId: globalId('Area', world.programme.kashgar.areaId),
    });
  },
  async setModePlaces(world, role) {
    return prepared(world, role, 'setModePlaces', '$roundId: ID!', 'roundId: $roundId, remotePlaces: 200, localPlaces: 200', { roundId: world.roundGlobalId });
  },
  async setUserDisabled(world, role) {
    const userId = role === 'regional' ? await throwawayUser(world, world.nextSequence++) : world.fixed.throwawayUserId;
    return prepared(world, role, 'setUserDisabled', '$userId: ID!', 'userId: $userId, disabled: true', { userId });
  },
  async startTraining(world, role) {
    const target = role === 'regional' ? await insertOne(world, 'ORIENTATION_ATTENDED', 'kashgar', 'REMOTE', await freshRound(world, 'ORIENTATION')) : world.fixed.kashgarOriented;
    return prepared(world, role, 'startTraining', idVersion.signature, `${idVersion.args}, hostInstitution: "北京协和医院", startedOn: "2027-06-01"`, {
      id: target.id,
      version: target.version,
    });
  },
  async submitApplication(world, role) {
    if (role === 'applicant') {
      const fresh = await freshDraft(world);
      return prepared(world, role, 'submitApplication', idVersion.signature, idVersion.args, { id: fresh.application.id, version: fresh.application.version }, fresh.token, fresh.userId);
    }
    return prepared(world, role, 'submitApplication', idVersion.signature, idVersion.args, { id: world.owner.application.id, version: world.owner.application.version });
  },
  async unlockUser(world, role) {
    const userId = role === 'regional' ? await throwawayUser(world, world.nextSequence++) : world.fixed.throwawayUserId;
    return prepared(world, role, 'unlockUser', '$userId: ID!', 'userId: $userId', { userId });
  },
  async updateApplication(world, role) {
    const signature = `${idVersion.signature}, $form: ApplicationFormInput!`;
    const args = `${idVersion.args}, form: $form`;
    if (role === 'applicant') {
      const fresh = await freshDraft(world);
      const form = applicationForm(fresh.who, { department: '心内科导管室' });
      return prepared(world, role, 'updateApplication', signature, args, { id: fresh.application.id, version: fresh.application.version, form }, fresh.token, fresh.userId);
    }
    return prepared(world, role, 'updateApplication', signature, args, {
      id: world.owner.application.id,
      version: world.owner.application.version,
      form: applicationForm(world.owner.who, { department: '心内科导管室' }),
    });
  },
  async updateRound(world, role) {
    // The round's own deadline again: the call succeeds and the world stays as it was.
    return prepared(world, role, 'updateRound', '$roundId: ID!, $input: UpdateRoundInput!', 'roundId: $roundId, input: $input', {
      roundId: world.roundGlobalId,
      input: { applicationDeadline: '2027-03-05T23:59:59.999+08:00' },
    });
  },
  async withdrawApplication(world, role) {
    const signature = `${idVersion.signature}, $reason: String!`;
    const args = `${idVersion.args}, reason: $reason`;
    const reason = '因工作调动撤回申报';
    if (role === 'applicant') {
      const fresh = await freshDraft(world);
      return prepared(world, role, 'withdrawApplication', signature, args, { id: fresh.application.id, version: fresh.application.version, reason }, fresh.token, fresh.userId);
    }
    const target = role === 'regional' ? await insertOne(world, 'SUBMITTED') : world.owner.application;
    return prepared(world, role, 'withdrawApplication', signature, args, { id: target.id, version: target.version, reason });
  },
};

// ─────────────────────────────── what responses may show ───────────────────────────────

/** Internals that must never reach a client: driver and ORM errors, SQL, stack frames. */
const internalPatterns: Array<[string, RegExp]> = [
  ['prisma', /prisma/i],
  // A bare SELECT is also a regional decision (decision: SELECT); SQL has a FROM after it.
  ['SQL', /\bSELECT\b[^"]*\bFROM\b|\bINSERT INTO\b|\bUPDATE "|violates|constraint|syntax for type/],
  ['stack frame', /at \/|at file:\/\/|node_modules|\.ts:\d+/],
  ['stack', /"stack"/],
  ['ORM internals', /delegate|invocation|DMMF|findUnique/i],
];

/** The internals `body` shows, by name; empty when it shows none. */
export function internalLeaks(body: unknown): string[] {
  const text = JSON.stringify(body);
  return internalPatterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** Wraps `api.gql` so that every response body is kept for a final check. */
export function keepResponses(api: TestApi): Array<{ query: string; body: unknown }> {
  const kept: Array<{ query: string; body: unknown }> = [];
  const gql = api.gql.bind(api);
  api.gql = (async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await gql(query, variables, token);
    kept.push({ query, body: response });
    return response;
  }) as TestApi['gql'];
  return kept;
}
