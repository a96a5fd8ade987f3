// The audit log: every mutation writes exactly one record, whether it succeeds or is refused
// (by auth scope or by a business rule), naming who acted, in which role and scope, and the
// request; no record holds a raw ID number or mobile number; only regional admins and
// analysts can read it, and nothing can change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '@tepei/db/client';
import { schema } from '@tepei/api/schema';
import { defaultFailedLoginDelay, setFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import { startApi, type TestApi } from '../support/api.ts';
import { applicationDeadline, person } from '../fixtures/programme.ts';
import { employerReview, globalId, prefectureReview, regionalDecision, registerApplicant, submitApplication, withdrawApplication } from '../support/workflow.ts';
import {
  applicantPassword,
  arrangeWorld,
  freshDraft,
  insertOne,
  internalLeaks,
  keepResponses,
  mutationDocument,
  roleLabels,
  roles,
  rootFields,
  tokenOf,
  type Role,
  type World,
} from '../support/matrix.ts';
import { mutationCalls, succeedsAs } from '../support/mutation-roles.ts';
import { withFailingWrites } from '../support/failing-writes.ts';

let api: TestApi;
let world: World;
let responses: ReturnType<typeof keepResponses>;
const startOfTests = new Date('2026-12-01T10:00:00+08:00');
let now = startOfTests;

beforeAll(async () => {
  setFailedLoginDelay(() => 0);
  api = await startApi({ clock: () => now });
  responses = keepResponses(api);
  world = await arrangeWorld(api);
});
afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

// ─────────────────────────────── helpers ───────────────────────────────

async function lastAuditId(): Promise<bigint> {
  return (await api.prisma.auditRecord.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0n;
}

async function recordsSince(id: bigint): Promise<AuditRecord[]> {
  return api.prisma.auditRecord.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
}

const dbRole: Record<Role, string | null> = {
  anonymous: null,
  applicant: 'APPLICANT',
  otherApplicant: 'APPLICANT',
  employer: 'EMPLOYER',
  otherEmployer: 'EMPLOYER',
  prefecture: 'PREFECTURE',
  otherPrefecture: 'PREFECTURE',
  regional: 'REGIONAL',
  analyst: 'ANALYST',
};

/** The scopes a record may name for a role: its unit, its area (by id or GB/T 2260 code), or the region. */
function scopesOf(role: Role): Array<string | null> {
  const { kashgar, urumqi } = world.programme;
  switch (role) {
    case 'anonymous':
      return [null];
    case 'applicant':
    case 'otherApplicant':
    case 'employer':
      return [`unit:${kashgar.unitId}`];
    case 'otherEmployer':
      return [`unit:${urumqi.unitId}`];
    case 'prefecture':
      return [`area:${kashgar.areaId}`, 'area:653100'];
    case 'otherPrefecture':
      return [`area:${urumqi.areaId}`, 'area:650100'];
    case 'regional':
    case 'analyst':
      return ['region'];
  }
}

interface ExpectedRecord {
  operation: string;
  result: 'SUCCESS' | 'REFUSED' | 'FAILED';
  errorCode: string | null;
  role: Role;
  actorId: string | null;
}

/** Exactly one record since `before`, carrying the operation, outcome, actor, role, scope and request. */
async function expectOneRecord(before: bigint, expected: ExpectedRecord): Promise<AuditRecord> {
  const records = await recordsSince(before);
  expect(records.map((record) => `${record.operation}:${record.result}`), 'records written by the call').toEqual([`${expected.operation}:${expected.result}`]);
  const record = records[0]!;
  expect(record.errorCode).toBe(expected.errorCode);
  expect(record.actorId).toBe(expected.actorId);
  expect(record.actorRole).toBe(dbRole[expected.role]);
  expect(scopesOf(expected.role)).toContain(record.actorScope);
  expect(record.requestId).toMatch(/\S/);
  expect(record.at.getTime()).toBe(now.getTime());
  return record;
}

const capitalized = (field: string) => `${field[0]!.toUpperCase()}${field.slice(1)}`;

// ─────────────────────────────── every mutation ───────────────────────────────



/** A role each scope-guarded mutation refuses (login and register are public). */
const refusedAs: Record<string, Role> = {
  acceptHostProposal: 'analyst',
  advanceRoundPhase: 'prefecture',
  completeTraining: 'prefecture',
  confirmPlacement: 'analyst',
  createHostInstitution: 'employer',
  createRound: 'analyst',
  movePlacement: 'applicant',
  proposePlacement: 'analyst',
  refuseHostProposal: 'prefecture',
  setHostPlaces: 'analyst',
  updateHostInstitution: 'employer',
  createApplication: 'employer',
  createOrientationSession: 'analyst',
  createUser: 'prefecture',
  employerReview: 'prefecture',
  liftBlacklistEntry: 'employer',
  listOnBlacklist: 'analyst',
  prefectureReview: 'employer',
  recordClassifiedItem: 'regional',
  recordOrientation: 'analyst',
  regionalDecision: 'prefecture',
  revokeUserSessions: 'applicant',
  setAreaAllocation: 'prefecture',
  setModePlaces: 'analyst',
  setUserDisabled: 'employer',
  startTraining: 'applicant',
  submitApplication: 'regional',
  unlockUser: 'analyst',
  updateApplication: 'prefecture',
  updateRound: 'analyst',
  uploadApplicationPhoto: 'employer',
  uploadEvidence: 'prefecture',
  uploadForm4Scan: 'applicant',
  uploadForm5Scan: 'analyst',
  withdrawApplication: 'employer',
};
const publicMutations = ['login', 'register'];

describe('every mutation is audited', () => {
  it('the tables below name every mutation of the schema', () => {
    const { mutation } = rootFields(schema);
    expect(Object.keys(succeedsAs).sort()).toEqual(mutation);
    expect([...Object.keys(refusedAs), 'logout', ...publicMutations].sort()).toEqual(mutation);
  });

  it.each(Object.entries(succeedsAs))('%s writes exactly one SUCCESS record naming the actor, role, scope and request', async (field, role) => {
    const call = await mutationCalls[field]!(world, role);
    const before = await lastAuditId();
    const response = await call.run();
    expect(response.data?.[field]?.__typename, JSON.stringify(response)).toBe(`Mutation${capitalized(field)}Success`);
    await expectOneRecord(before, { operation: field, result: 'SUCCESS', errorCode: null, role, actorId: call.actorUserId });
  });

  it.each(Object.entries(refusedAs).map(([field, role]) => [field, roleLabels[role], role] as const))(
    '%s refused by auth scope to %s writes exactly one REFUSED record with errorCode FORBIDDEN',
    async (field, _label, role) => {
      const call = await mutationCalls[field]!(world, role);
      const before = await lastAuditId();
      const response = await call.run();
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe('FORBIDDEN');
      await expectOneRecord(before, { operation: field, result: 'REFUSED', errorCode: 'FORBIDDEN', role, actorId: world.accounts[role as Exclude<Role, 'anonymous'>].userId });
    },
  );

  it.each([...Object.keys(refusedAs), 'logout'].sort())('%s refused to an anonymous caller writes exactly one REFUSED record with errorCode UNAUTHENTICATED', async (field) => {
    const call = await mutationCalls[field]!(world, 'anonymous');
    const before = await lastAuditId();
    const response = await call.run();
    expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe('UNAUTHENTICATED');
    await expectOneRecord(before, { operation: field, result: 'REFUSED', errorCode: 'UNAUTHENTICATED', role: 'anonymous', actorId: null });
  });
});

// ─────────────────────────────── refusals by business rule ───────────────────────────────

describe('refusals by business rule are audited as REFUSED with the error code', () => {
  it('a submission after the applicant deadline: DEADLINE_PASSED', async () => {
    const draft = await freshDraft(world);
    now = new Date(applicationDeadline.getTime() + 1000);
    try {
      // Sessions last 12 hours: sign in again at the new time.
      const token = await api.login(draft.who.idNumber, applicantPassword);
      const before = await lastAuditId();
      const result = await submitApplication(api, token, draft.application.id, draft.application.version);
      expect(result.__typename).toBe('DeadlinePassedError');
      await expectOneRecord(before, { operation: 'submitApplication', result: 'REFUSED', errorCode: 'DEADLINE_PASSED', role: 'applicant', actorId: draft.userId });
    } finally {
      now = startOfTests;
    }
  });

  it('a submission while a hard rule fails (a Han applicant outside southern Xinjiang): NOT_ELIGIBLE', async () => {
    const draft = await freshDraft(world, { ethnicity: 'HAN', unitAddress: '乌鲁木齐市鲤鱼山南路137号' }, world.programme.urumqi.unitId, '650102');
    const before = await lastAuditId();
    const result = await submitApplication(api, draft.token, draft.application.id, draft.application.version);
    expect(result.__typename).toBe('NotEligibleError');
    const record = await recordsSince(before);
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ operation: 'submitApplication', result: 'REFUSED', errorCode: 'NOT_ELIGIBLE', actorId: draft.userId, actorRole: 'APPLICANT', actorScope: `unit:${world.programme.urumqi.unitId}` });
  });

  it('a selection beyond the area allocation: QUOTA_EXCEEDED', async () => {
    await api.prisma.quotaAllocation.create({ data: { roundId: world.programme.roundId, mode: 'LOCAL', areaId: world.programme.urumqi.areaId, places: 0 } });
    const application = await insertOne(world, 'RECOMMENDED', 'urumqi', 'LOCAL');
    const before = await lastAuditId();
    const result = await regionalDecision(api, tokenOf(world, 'regional')!, application.id, application.version, 'SELECT');
    expect(result.__typename).toBe('QuotaExceededError');
    await expectOneRecord(before, { operation: 'regionalDecision', result: 'REFUSED', errorCode: 'QUOTA_EXCEEDED', role: 'regional', actorId: world.accounts.regional.userId });
  });

  it('a return for correction without saying what to correct: VALIDATION_FAILED', async () => {
    const application = await insertOne(world, 'SUBMITTED');
    const before = await lastAuditId();
    const result = await employerReview(api, tokenOf(world, 'employer')!, application.id, application.version, { decision: 'RETURN' });
    expect(result.__typename).toBe('ValidationFailedError');
    await expectOneRecord(before, { operation: 'employerReview', result: 'REFUSED', errorCode: 'VALIDATION_FAILED', role: 'employer', actorId: world.accounts.employer.userId });
  });

  it('an endorsement of an application already endorsed: INVALID_TRANSITION', async () => {
    const application = world.fixed.kashgarEndorsed;
    const before = await lastAuditId();
    const result = await employerReview(api, tokenOf(world, 'employer')!, application.id, application.version, { decision: 'ENDORSE', conductConfirmed: true });
    expect(result.__typename).toBe('InvalidTransitionError');
    await expectOneRecord(before, { operation: 'employerReview', result: 'REFUSED', errorCode: 'INVALID_TRANSITION', role: 'employer', actorId: world.accounts.employer.userId });
  });

  it('a submission of a version the applicant did not see: CONCURRENT_MODIFICATION', async () => {
    const draft = await freshDraft(world);
    const before = await lastAuditId();
    const result = await submitApplication(api, draft.token, draft.application.id, draft.application.version + 5);
    expect(result.__typename).toBe('ConcurrentModificationError');
    await expectOneRecord(before, { operation: 'submitApplication', result: 'REFUSED', errorCode: 'CONCURRENT_MODIFICATION', role: 'applicant', actorId: draft.userId });
  });

  it("a prefecture reviewer recommending another area's application: NOT_FOUND", async () => {
    const application = world.fixed.kashgarEndorsed;
    const before = await lastAuditId();
    const result = await prefectureReview(api, tokenOf(world, 'otherPrefecture')!, application.id, application.version, { decision: 'RECOMMEND', conductConfirmed: true });
    expect(result.__typename).toBe('NotFoundError');
    await expectOneRecord(before, { operation: 'prefectureReview', result: 'REFUSED', errorCode: 'NOT_FOUND', role: 'otherPrefecture', actorId: world.accounts.otherPrefecture.userId });
  });

  it('a sign-in with a wrong password: AUTHENTICATION_FAILED', async () => {
    const before = await lastAuditId();
    const response = await api.gql(mutationDocument('login', '$u: String!, $p: String!', 'username: $u, password: $p'), { u: 'analyst', p: 'Wrong-password-1' });
    expect(response.data.login.__typename).toBe('AuthenticationFailedError');
    await expectOneRecord(before, { operation: 'login', result: 'REFUSED', errorCode: 'AUTHENTICATION_FAILED', role: 'anonymous', actorId: null });
  });

  it('a second registration of the same ID number: CONFLICT', async () => {
    const { who } = world.owner;
    const before = await lastAuditId();
    const response = await api.gql(mutationDocument('register', '$input: RegisterInput!', 'input: $input'), {
      input: { idNumber: who.idNumber, name: who.name, phone: who.phone, unitId: world.programme.kashgar.unitId, password: applicantPassword },
    });
    expect(response.data.register.__typename).toBe('ConflictError');
    await expectOneRecord(before, { operation: 'register', result: 'REFUSED', errorCode: 'CONFLICT', role: 'anonymous', actorId: null });
  });

  it('a regional admin disabling their own account: a ForbiddenError result, FORBIDDEN', async () => {
    const before = await lastAuditId();
    const response = await api.gql(mutationDocument('setUserDisabled', '$id: ID!', 'userId: $id, disabled: true'), { id: world.accounts.regional.userId }, tokenOf(world, 'regional'));
    expect(response.data.setUserDisabled.__typename).toBe('ForbiddenError');
    await expectOneRecord(before, { operation: 'setUserDisabled', result: 'REFUSED', errorCode: 'FORBIDDEN', role: 'regional', actorId: world.accounts.regional.userId });
  });

  it('an unexpected failure is recorded as FAILED with errorCode INTERNAL, and the client sees a generic message', async () => {
    const before = await lastAuditId();
    const response = await withFailingWrites(api.prisma, 'Round', 'true', () =>
      api.gql(mutationDocument('setModePlaces', '$r: ID!', 'roundId: $r, remotePlaces: 200, localPlaces: 200'), { r: world.roundGlobalId }, tokenOf(world, 'regional')),
    );
    expect(response.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.' })]);
    await expectOneRecord(before, { operation: 'setModePlaces', result: 'FAILED', errorCode: 'INTERNAL', role: 'regional', actorId: world.accounts.regional.userId });
  });
});

// ─────────────────────────────── who and which request ───────────────────────────────

describe('records name the request and the account', () => {
  const post = async (body: object, headers: Record<string, string>) => {
    const response = await api.yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
  };

  it.each([
    ['a successful', 'regional', 'SUCCESS'],
    ['a refused', 'prefecture', 'REFUSED'],
  ] as const)('%s call stores the x-request-id header it came with', async (_kind, role, result) => {
    const requestId = `req-audit-${role}-0001`;
    const before = await lastAuditId();
    const body = await post(
      { query: mutationDocument('setModePlaces', '$r: ID!', 'roundId: $r, remotePlaces: 200, localPlaces: 200'), variables: { r: world.roundGlobalId } },
      { authorization: `Bearer ${tokenOf(world, role)}`, 'x-request-id': requestId },
    );
    expect(body.data?.setModePlaces?.__typename ?? body.errors?.[0]?.extensions?.code).toBe(result === 'SUCCESS' ? 'MutationSetModePlacesSuccess' : 'FORBIDDEN');
    const record = await expectOneRecord(before, {
      operation: 'setModePlaces',
      result,
      errorCode: result === 'SUCCESS' ? null : 'FORBIDDEN',
      role,
      actorId: world.accounts[role].userId,
    });
    expect(record.requestId).toBe(requestId);
  });

  it('a call without x-request-id gets a request id of its own, different for each request', async () => {
    const before = await lastAuditId();
    for (let i = 0; i < 2; i++) {
      await api.gql(mutationDocument('setModePlaces', '$r: ID!', 'roundId: $r, remotePlaces: 200, localPlaces: 200'), { r: world.roundGlobalId }, tokenOf(world, 'regional'));
    }
    const records = await recordsSince(before);
    expect(records).toHaveLength(2);
    expect(records[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(records[0]!.requestId).not.toBe(records[1]!.requestId);
  });

  it('a successful sign-in records which account signed in', async () => {
    const before = await lastAuditId();
    await api.login('pref-653100');
    const [record] = await recordsSince(before);
    const userId = world.accounts.prefecture.userId;
    expect(record, 'one login record').toBeDefined();
    expect([record!.actorId, record!.targetId], 'actorId or targetId of the login record').toContain(userId);
  });

  it('a registration records the account it created', async () => {
    const who = person(world.nextSequence++);
    const before = await lastAuditId();
    await registerApplicant(api, who, world.programme.kashgar.unitId);
    const [record] = await recordsSince(before);
    const userId = (await api.prisma.user.findUniqueOrThrow({ where: { username: who.idNumber } })).id;
    expect([record!.actorId, record!.targetId], 'actorId or targetId of the register record').toContain(userId);
  });
});

// ─────────────────────────────── reading the log ───────────────────────────────

describe('reading the audit log', () => {
  const auditQuery = 'query($filter: AuditFilter) { auditRecords(first: 50, filter: $filter) { totalCount edges { node { id operation result errorCode actorRole actorScope actorUsername requestId details } } } }';
  const expected: Record<Role, string> = {
    anonymous: 'UNAUTHENTICATED',
    applicant: 'FORBIDDEN',
    otherApplicant: 'FORBIDDEN',
    employer: 'FORBIDDEN',
    otherEmployer: 'FORBIDDEN',
    prefecture: 'FORBIDDEN',
    otherPrefecture: 'FORBIDDEN',
    regional: 'allowed',
    analyst: 'allowed',
  };

  it.each(roles.map((role) => [roleLabels[role], expected[role], role] as const))('auditRecords for %s: %s', async (_label, outcome, role) => {
    const response = await api.gql(auditQuery, {}, tokenOf(world, role));
    if (outcome === 'allowed') {
      expect(response.errors).toBeUndefined();
      expect(response.data.auditRecords.totalCount).toBe(await api.prisma.auditRecord.count());
    } else {
      expect(response.errors?.[0]?.extensions?.code).toBe(outcome);
      expect(response.data).toBeNull();
    }
  });

  it('filters by operation and result, newest first, and never shows an applicant by username', async () => {
    const response = await api.gql(auditQuery, { filter: { operation: 'submitApplication', result: 'REFUSED' } }, tokenOf(world, 'analyst'));
    const nodes = response.data.auditRecords.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node: Record<string, unknown>) => node.operation === 'submitApplication' && node.result === 'REFUSED')).toBe(true);
    const ids = nodes.map((node: { id: string }) => BigInt(Buffer.from(node.id, 'base64').toString().split(':')[1]!));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    const byApplicants = nodes.filter((node: Record<string, unknown>) => node.actorRole === 'APPLICANT');
    expect(byApplicants.length).toBeGreaterThan(0);
    for (const node of byApplicants) expect(node.actorUsername).toBe('申报人');
  });

  it('the schema has no mutation that could update or delete audit records', () => {
    const mutations = rootFields(schema).mutation;
    expect(mutations.filter((name) => /audit/i.test(name))).toEqual([]);
    const mutationType = schema.getMutationType()!;
    const returnsAudit = mutations.filter((name) => String(mutationType.getFields()[name]!.type).includes('AuditRecord'));
    expect(returnsAudit).toEqual([]);
  });
});

// ─────────────────────────────── no identifiers ───────────────────────────────

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const rawIdNumber = /(?<!\d)\d{17}[\dXx](?!\d)/;
const rawMobile = /(?<!\d)1[3-9]\d{9}(?!\d)/;

function storedText(records: AuditRecord[]): string {
  return JSON.stringify(records, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)).replace(uuidPattern, '<uuid>');
}

describe('no audit record holds a raw ID number or mobile number', () => {
  it('not from registration, sign-in, forms, listings or free text', async () => {
    const who = person(world.nextSequence++);
    // An ID number whose check character is X, signed in with a lowercase x.
    let xWho = person(world.nextSequence++);
    while (!xWho.idNumber.endsWith('X')) xWho = person(world.nextSequence++);
    const xToken = await registerApplicant(api, xWho, world.programme.kashgar.unitId);
    expect(xToken).toBeTruthy();
    const loginDocument = mutationDocument('login', '$u: String!, $p: String!', 'username: $u, password: $p');
    await api.gql(loginDocument, { u: xWho.idNumber.toLowerCase(), p: applicantPassword });
    await api.gql(loginDocument, { u: xWho.idNumber, p: 'Wrong-password-9' });
    await api.gql(loginDocument, { u: who.phone, p: 'Wrong-password-9' });
    // A registration refused for its phone number, and one accepted.
    await api.gql(mutationDocument('register', '$input: RegisterInput!', 'input: $input'), {
      input: { idNumber: who.idNumber, name: who.name, phone: `${who.phone}9`, unitId: world.programme.kashgar.unitId, password: applicantPassword },
    });
    await registerApplicant(api, who, world.programme.kashgar.unitId);
    // A form with every phone filled in, including an agreed host's contact.
    const draft = await freshDraft(world, {
      hostPreferences: [{ institution: '北京协和医院', hostAgreed: true, contactName: '李明', contactDepartment: '心内科', contactPost: '主任', contactPhone: '13800138000' }],
    });
    // Free text carrying identifiers.
    await withdrawApplication(api, draft.token, draft.application.id, draft.application.version, `本人身份证号${draft.who.idNumber}，手机${draft.who.phone}，因工作调动撤回`);
    const submitted = await insertOne(world, 'SUBMITTED');
    await employerReview(api, tokenOf(world, 'employer')!, submitted.id, submitted.version, { decision: 'RETURN', comment: `请核对联系电话 13912345678 与身份证号 ${who.idNumber}` });
    await api.gql(mutationDocument('listOnBlacklist', '$id: String, $reason: String!', 'applicantIdNumber: $id, reasonKind: FRAUD, reason: $reason'), {
      id: composeResidentId('650104', '1979-05-05', 'MALE', 7),
      reason: `伪造获奖证书（身份证号 ${composeResidentId('650104', '1979-05-05', 'MALE', 7)}）`,
    }, tokenOf(world, 'regional'));

    const records = await api.prisma.auditRecord.findMany({ orderBy: { id: 'asc' } });
    const text = storedText(records);
    const identifiers = [who, xWho, draft.who, world.owner.who, world.other.who, world.urumqiApplicant.who].flatMap((p) => [p.idNumber, p.phone]);
    expect(identifiers.filter((value) => text.includes(value))).toEqual([]);
    expect(text.toLowerCase()).not.toContain(xWho.idNumber.toLowerCase());
    expect(text.match(rawIdNumber)?.[0] ?? null, 'an 18-character ID number').toBeNull();
    expect(text.match(rawMobile)?.[0] ?? null, 'an 11-digit mobile number').toBeNull();
  });

  it('not even when free text glues an ID number or mobile to Latin letters', async () => {
    const draft = await freshDraft(world);
    const before = await lastAuditId();
    await withdrawApplication(api, draft.token, draft.application.id, draft.application.version, `证件ID${draft.who.idNumber}，电话Tel${draft.who.phone}，撤回`);
    const text = storedText(await recordsSince(before));
    expect(text).not.toContain(draft.who.idNumber);
    expect(text).not.toContain(draft.who.phone);
  });
});

describe('responses', () => {
  it('no response of this file shows driver, SQL or stack internals', () => {
    const leaking = responses.map(({ query, body }) => ({ query: query.trim().slice(0, 80), leaks: internalLeaks(body) })).filter((entry) => entry.leaks.length);
    expect(leaking).toEqual([]);
  });
});
