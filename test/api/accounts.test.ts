// Accounts through the GraphQL API, with real tokens: signing in, lockout, sessions, the
// regional admin's account management, applicant registration, and what reaches storage.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@tepei/api/auth/passwords';
import { defaultFailedLoginDelay, setFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import { startApi, type TestApi } from '../support/api.ts';

const startOfTest = new Date('2025-02-20T02:00:00Z');
let now = startOfTest;
const clock = () => now;
const minutes = (n: number) => n * 60 * 1000;
const hours = (n: number) => minutes(60 * n);

let api: TestApi;
let adminToken: string;
let kashgar: { id: string; globalId: string };
let unitId: string;

const adminPassword = 'Admin2025x';
const reviewerPassword = 'Review2025y';

const loginMutation = /* GraphQL */ `
  mutation ($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on MutationLoginSuccess { data { token expiresAt user { id username role } } }
      ... on AuthenticationFailedError { retryAfterSeconds }
      ... on Error { code message }
    }
  }
`;

const meQuery = /* GraphQL */ `
  query { me { id username displayName role idNumber phone area { code } unit { name } } }
`;

const createUserMutation = /* GraphQL */ `
  mutation ($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on MutationCreateUserSuccess { data { id username role area { code } } }
      ... on ValidationFailedError { problems { path message } }
      ... on Error { code message }
    }
  }
`;

const registerMutation = /* GraphQL */ `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on MutationRegisterSuccess { data { token user { id username idNumber role unit { name } } } }
      ... on ValidationFailedError { problems { path message } }
      ... on Error { code message }
    }
  }
`;

async function attemptLogin(username: string, password: string) {
  const { data, errors } = await api.gql(loginMutation, { username, password });
  expect(errors).toBeUndefined();
  return data.login;
}

async function meWith(token: string) {
  return api.gql(meQuery, {}, token);
}

/** A PREFECTURE reviewer of 喀什地区, created by the admin through the API. */
async function aPrefectureReviewer(username: string): Promise<string> {
  const { data } = await api.gql(
    createUserMutation,
    { input: { username, displayName: '阿依古丽', role: 'PREFECTURE', password: reviewerPassword, areaId: kashgar.globalId } },
    adminToken,
  );
  expect(data.createUser.__typename).toBe('MutationCreateUserSuccess');
  return data.createUser.data.id;
}

let sequence = 0;
/** A valid resident ID number of someone born in Kashgar, fresh for each call. */
function aResidentId(lastCharacter?: 'X'): string {
  for (;;) {
    const id = composeResidentId('653101', '1988-06-15', 'FEMALE', ++sequence);
    if (!lastCharacter || id.endsWith(lastCharacter)) return id;
  }
}

function anApplicant(overrides: Record<string, string> = {}) {
  return { idNumber: aResidentId(), name: '热依拉', phone: '13912345678', unitId, password: 'Apply2025z', ...overrides };
}

beforeAll(async () => {
  api = await startApi({ clock });
  setFailedLoginDelay(() => 0);
  // The scenario: 喀什地区 with one employer unit, and the regional admin who manages accounts.
  const area = await api.prisma.area.create({ data: { code: '653100', name: '喀什地区', kind: 'PREFECTURE', isSouthernXinjiang: true } });
  const unit = await api.prisma.employerUnit.create({
    data: { name: '喀什地区第一人民医院', nature: 'PUBLIC_INSTITUTION', areaId: area.id, address: '喀什市迎宾大道120号' },
  });
  unitId = unit.id;
  await api.prisma.user.create({
    data: { username: 'admin', displayName: '自治区管理员', role: 'REGIONAL', passwordHash: await hashPassword(adminPassword) },
  });
  adminToken = await api.login('admin', adminPassword);
  const { data } = await api.gql('query { areas { id code } }', {}, adminToken);
  kashgar = { id: area.id, globalId: data.areas.find((a: { code: string }) => a.code === '653100').id };
});

afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

beforeEach(() => {
  now = startOfTest;
});

describe('signing in', () => {
  it('signs in with the right password and the token works for me', async () => {
    await aPrefectureReviewer('pref-signin');
    const result = await attemptLogin('pref-signin', reviewerPassword);
    expect(result.__typename).toBe('MutationLoginSuccess');
    expect(new Date(result.data.expiresAt).getTime()).toBe(startOfTest.getTime() + hours(12));

    const { data, errors } = await meWith(result.data.token);
    expect(errors).toBeUndefined();
    expect(data.me).toMatchObject({ username: 'pref-signin', role: 'PREFECTURE', area: { code: '653100' } });
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { username: 'pref-signin' } });
    expect(stored.lastLoginAt).toEqual(startOfTest);
  });

  it('refuses a wrong password with AuthenticationFailedError', async () => {
    await aPrefectureReviewer('pref-wrong');
    const result = await attemptLogin('pref-wrong', 'Wrong2025q');
    expect(result).toMatchObject({ __typename: 'AuthenticationFailedError', code: 'AUTHENTICATION_FAILED', message: '用户名或密码错误' });
    expect(result.retryAfterSeconds).toBeNull();
  });

  it('refuses an unknown username with the same answer as a wrong password', async () => {
    const result = await attemptLogin('nobody-here', 'Wrong2025q');
    expect(result).toMatchObject({ __typename: 'AuthenticationFailedError', message: '用户名或密码错误' });
  });

  it('locks the account after 5 consecutive failures, refusing even the right password, with retryAfterSeconds', async () => {
    await aPrefectureReviewer('pref-lock');
    for (let failure = 1; failure <= 4; failure++) {
      expect((await attemptLogin('pref-lock', 'Wrong2025q')).message).toBe('用户名或密码错误');
    }
    const fifth = await attemptLogin('pref-lock', 'Wrong2025q');
    expect(fifth).toMatchObject({ __typename: 'AuthenticationFailedError', message: '账户已临时锁定，请稍后再试', retryAfterSeconds: 900 });

    now = new Date(startOfTest.getTime() + minutes(5));
    const rightPassword = await attemptLogin('pref-lock', reviewerPassword);
    expect(rightPassword).toMatchObject({ __typename: 'AuthenticationFailedError', message: '账户已临时锁定，请稍后再试', retryAfterSeconds: 600 });
  });

  it('lifts the lock once 15 minutes have passed', async () => {
    await aPrefectureReviewer('pref-unlocks');
    for (let failure = 1; failure <= 5; failure++) await attemptLogin('pref-unlocks', 'Wrong2025q');

    now = new Date(startOfTest.getTime() + minutes(16));
    expect((await attemptLogin('pref-unlocks', reviewerPassword)).__typename).toBe('MutationLoginSuccess');
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { username: 'pref-unlocks' } });
    expect(stored).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it('answers each further failure later than the last', async () => {
    expect([1, 2, 5, 10, 50].map(defaultFailedLoginDelay)).toEqual([200, 400, 1000, 2000, 2000]);

    await aPrefectureReviewer('pref-slow');
    // The delays asked for grow with the failures, and each answer waits at least that long.
    // (Comparing the answers' durations with each other would measure the machine's load too.)
    const asked: number[] = [];
    setFailedLoginDelay((failures) => {
      asked.push(failures);
      return 60 * failures;
    });
    try {
      const took: number[] = [];
      for (let failure = 1; failure <= 3; failure++) {
        const started = performance.now();
        await attemptLogin('pref-slow', 'Wrong2025q');
        took.push(performance.now() - started);
      }
      expect(asked).toEqual([1, 2, 3]);
      expect(took[0]).toBeGreaterThanOrEqual(55);
      expect(took[1]).toBeGreaterThanOrEqual(115);
      expect(took[2]).toBeGreaterThanOrEqual(175);
    } finally {
      setFailedLoginDelay(() => 0);
    }
  });
});

describe('sessions', () => {
  it('logout revokes the session: the token then gets UNAUTHENTICATED on me', async () => {
    await aPrefectureReviewer('pref-logout');
    const token = await api.login('pref-logout', reviewerPassword);
    const { data } = await api.gql('mutation { logout { __typename ... on MutationLogoutSuccess { data } } }', {}, token);
    expect(data.logout).toEqual({ __typename: 'MutationLogoutSuccess', data: true });

    const after = await meWith(token);
    expect(after.data).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token 13 hours after sign-in (sessions last 12)', async () => {
    await aPrefectureReviewer('pref-expiry');
    const token = await api.login('pref-expiry', reviewerPassword);
    now = new Date(startOfTest.getTime() + hours(11));
    expect((await meWith(token)).errors).toBeUndefined();

    now = new Date(startOfTest.getTime() + hours(13));
    expect((await meWith(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the token', async () => {
    await aPrefectureReviewer('pref-hash');
    const token = await api.login('pref-hash', reviewerPassword);
    const sessions = await api.prisma.session.findMany({ where: { user: { username: 'pref-hash' } } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toBe(token);
    expect(sessions[0]!.tokenHash).not.toContain(token);
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the regional admin managing accounts', () => {
  it('creates a PREFECTURE reviewer with an area, who can then sign in', async () => {
    const { data } = await api.gql(
      createUserMutation,
      { input: { username: 'pref-653100', displayName: '买买提', role: 'PREFECTURE', password: reviewerPassword, areaId: kashgar.globalId } },
      adminToken,
    );
    expect(data.createUser).toMatchObject({
      __typename: 'MutationCreateUserSuccess',
      data: { username: 'pref-653100', role: 'PREFECTURE', area: { code: '653100' } },
    });
    const token = await api.login('pref-653100', reviewerPassword);
    expect((await meWith(token)).data.me).toMatchObject({ username: 'pref-653100', area: { code: '653100' } });
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { username: 'pref-653100' } });
    expect(stored.areaId).toBe(kashgar.id);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a PREFECTURE reviewer without an area, naming the field', async () => {
    const { data } = await api.gql(
      createUserMutation,
      { input: { username: 'pref-no-area', displayName: '买买提', role: 'PREFECTURE', password: reviewerPassword } },
      adminToken,
    );
    expect(data.createUser.__typename).toBe('ValidationFailedError');
    expect(data.createUser.problems.map((p: { path: string[] }) => p.path)).toEqual([['input', 'areaId']]);
  });

  it('refuses createUser from a non-admin with FORBIDDEN and records the refusal in the audit log', async () => {
    const reviewerId = await aPrefectureReviewer('pref-not-admin');
    const token = await api.login('pref-not-admin', reviewerPassword);
    const { data, errors } = await api.gql(
      createUserMutation,
      { input: { username: 'sneaky', displayName: '某某', role: 'REGIONAL', password: 'Sneaky2025a' } },
      token,
    );
    expect(data?.createUser ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.prisma.user.count({ where: { username: 'sneaky' } })).toBe(0);

    const refusal = await api.prisma.auditRecord.findFirst({ where: { operation: 'createUser', actorId: reviewerId } });
    expect(refusal).toMatchObject({ result: 'REFUSED', errorCode: 'FORBIDDEN', actorRole: 'PREFECTURE' });
  });

  it('disabling a user revokes its sessions and refuses its sign-in', async () => {
    const userId = await aPrefectureReviewer('pref-disabled');
    const token = await api.login('pref-disabled', reviewerPassword);
    const { data } = await api.gql(
      `mutation ($userId: ID!) {
        setUserDisabled(userId: $userId, disabled: true) {
          __typename ... on MutationSetUserDisabledSuccess { data { disabled } }
        }
      }`,
      { userId },
      adminToken,
    );
    expect(data.setUserDisabled).toEqual({ __typename: 'MutationSetUserDisabledSuccess', data: { disabled: true } });

    const sessions = await api.prisma.session.findMany({ where: { userId } });
    expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
    expect((await meWith(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await attemptLogin('pref-disabled', reviewerPassword)).toMatchObject({ __typename: 'AuthenticationFailedError' });
  });

  it('masks ID numbers and phones of other users for analysts', async () => {
    const applicant = anApplicant();
    await api.gql(registerMutation, { input: applicant });
    await api.prisma.user.create({
      data: { username: 'analyst-1', displayName: '数据分析员', role: 'ANALYST', passwordHash: await hashPassword(reviewerPassword) },
    });
    const token = await api.login('analyst-1', reviewerPassword);
    const { data, errors } = await api.gql(
      'query { users(role: APPLICANT, first: 100) { totalCount edges { cursor node { username idNumber phone } } } }',
      {},
      token,
    );
    expect(errors).toBeUndefined();
    const cursors = data.users.edges.map((edge: { cursor: string }) => Buffer.from(edge.cursor, 'base64').toString());
    const text = JSON.stringify(data) + cursors.join();
    expect(text).not.toContain(applicant.idNumber);
    expect(text).not.toContain(applicant.phone);
    // Not one character of the ID number (auth/personal-data.ts): the username is hidden like it.
    const node = data.users.edges.map((edge: { node: { username: string; idNumber: string | null } }) => edge.node).find(() => true);
    expect(node.username).toBe('*'.repeat(18));
    expect(node.idNumber).toBe('*'.repeat(18));
    expect(text).not.toMatch(new RegExp(applicant.idNumber.slice(6, 14)));
  });
});

describe('applicants registering', () => {
  it('rejects a bad checksum and a bad phone, naming each field', async () => {
    const valid = aResidentId();
    const badChecksum = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const { data } = await api.gql(registerMutation, { input: anApplicant({ idNumber: badChecksum, phone: '12345' }) });
    expect(data.register.__typename).toBe('ValidationFailedError');
    expect(data.register.problems).toEqual([
      { path: ['input', 'idNumber'], message: '身份证号校验位不正确，请核对' },
      { path: ['input', 'phone'], message: expect.any(String) },
    ]);
    expect(await api.prisma.user.count({ where: { username: badChecksum } })).toBe(0);
  });

  it('accepts a lowercase x and stores the ID number upper-cased', async () => {
    const idNumber = aResidentId('X');
    const { data } = await api.gql(registerMutation, { input: anApplicant({ idNumber: idNumber.toLowerCase() }) });
    expect(data.register.__typename).toBe('MutationRegisterSuccess');
    const { token } = data.register.data;
    const me = await meWith(token);
    expect(me.data.me).toMatchObject({ username: idNumber, idNumber, role: 'APPLICANT', unit: { name: '喀什地区第一人民医院' } });
    expect(await api.login(idNumber.toLowerCase(), 'Apply2025z')).toEqual(expect.any(String));
  });

  it('refuses a second registration of the same ID number', async () => {
    const applicant = anApplicant();
    expect((await api.gql(registerMutation, { input: applicant })).data.register.__typename).toBe('MutationRegisterSuccess');
    const again = await api.gql(registerMutation, { input: { ...applicant, name: '另一个人' } });
    expect(again.data.register).toMatchObject({ __typename: 'ConflictError', message: '该身份证号已注册' });
  });
});

describe('the audit log', () => {
  it('never holds the password or the raw ID number of a login or registration', async () => {
    const password = 'Unique2025secret';
    const idNumber = aResidentId();
    await api.gql(registerMutation, { input: anApplicant({ idNumber, password }) });
    await attemptLogin(idNumber, 'Wrong2025q');
    await attemptLogin(idNumber, password);
    await api.gql(createUserMutation, {
      input: { username: 'pref-audit', displayName: '买买提', role: 'PREFECTURE', password, areaId: kashgar.globalId },
    }, adminToken);

    const records = await api.prisma.auditRecord.findMany({ where: { operation: { in: ['login', 'register', 'createUser'] } } });
    const results = records.map((record) => `${record.operation}:${record.result}`);
    expect(results).toEqual(expect.arrayContaining(['register:SUCCESS', 'login:REFUSED', 'login:SUCCESS', 'createUser:SUCCESS']));
    const text = JSON.stringify(records, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
    expect(text).not.toContain(password);
    expect(text).not.toContain(idNumber);
  });
});
