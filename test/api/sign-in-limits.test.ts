// Sign-in limits that cannot be raced (issue 10): attempts are counted in the database before
// any password is checked, per account from one address, per account, and per client address,
// so simultaneous attempts spread over several API instances — two yoga apps in this process,
// and on a server database two API processes — check no more passwords than the limits allow.
// Registration is limited per address; the admin's unlock lets a locked-out owner back in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientAddressOf } from '@tepei/api/auth/client-address';
import { defaultFailedLoginDelay, setFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { createYogaApp, type YogaApp } from '@tepei/api/yoga';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import { arrangeProgramme, demoPasswordHash } from '../fixtures/programme.ts';
import { demoPassword, postGraphql, startApi, type TestApi } from '../support/api.ts';
import { type ApiProcess, startApiProcess } from '../support/api-processes.ts';
import { serverUrl } from '../support/database.ts';

const startOfTest = new Date('2025-02-20T02:00:00Z');
let now = startOfTest;
const clock = () => now;
const minutes = (n: number) => n * 60 * 1000;

let api: TestApi;
/** A second API instance over the same database. */
let otherInstance: YogaApp;
let adminToken: string;
let unitId: string;

const rightPassword = demoPassword;
const wrongPassword = 'Guess2025q';

/** Passwords actually checked and found wrong: the failed-sign-in delay is asked once for each. */
let checkedWrong = 0;

const loginMutation = /* GraphQL */ `
  mutation ($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on MutationLoginSuccess { data { token } }
      ... on AuthenticationFailedError { retryAfterSeconds }
      ... on RateLimitedError { retryAfterSeconds }
      ... on Error { code message }
    }
  }
`;

const registerMutation = /* GraphQL */ `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on MutationRegisterSuccess { data { user { username } } }
      ... on RateLimitedError { retryAfterSeconds }
      ... on Error { code message }
    }
  }
`;

interface LoginAnswer {
  __typename: string;
  code?: string;
  message?: string;
  retryAfterSeconds?: number | null;
}

const wrongAnswer = '用户名或密码错误';
const lockedAnswer = '账户已临时锁定，请稍后再试';

/** One sign-in through instance 0 (the test API) or 1 (the other one), from `address` if given. */
async function signIn(instance: 0 | 1, username: string, password: string, address?: string): Promise<LoginAnswer> {
  const { data, errors } = await postGraphql(instance === 0 ? api.yoga : otherInstance, loginMutation, { username, password }, undefined, address);
  expect(errors).toBeUndefined();
  return data.login;
}

function tally(answers: LoginAnswer[]) {
  return {
    signedIn: answers.filter((answer) => answer.__typename === 'MutationLoginSuccess').length,
    wrong: answers.filter((answer) => answer.message === wrongAnswer).length,
    locked: answers.filter((answer) => answer.message === lockedAnswer).length,
    rateLimited: answers.filter((answer) => answer.__typename === 'RateLimitedError').length,
  };
}

/** An account that signs in with `rightPassword`. */
async function anOwner(username: string): Promise<string> {
  const user = await api.prisma.user.create({ data: { username, displayName: '古丽娜尔', role: 'ANALYST', passwordHash: demoPasswordHash } });
  return user.id;
}

/** 40 sign-ins sent at once, alternating between the two instances; the 21st has the right password. */
function fortySimultaneous(username: string, addressOf: (index: number) => string): Promise<LoginAnswer[]> {
  return Promise.all(
    Array.from({ length: 40 }, (_, index) =>
      signIn((index % 2) as 0 | 1, username, index === 20 ? rightPassword : wrongPassword, addressOf(index)),
    ),
  );
}

async function unlock(userId: string) {
  const { data } = await api.gql('mutation($userId: ID!) { unlockUser(userId: $userId) { __typename } }', { userId }, adminToken);
  expect(data.unlockUser.__typename).toBe('MutationUnlockUserSuccess');
}

beforeAll(async () => {
  api = await startApi({ clock });
  otherInstance = createYogaApp({ clock });
  setFailedLoginDelay(() => {
    checkedWrong++;
    return 0;
  });
  unitId = (await arrangeProgramme(api.prisma)).kashgar.unitId;
  adminToken = await api.login('admin');
});

afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

beforeEach(() => {
  now = startOfTest;
  checkedWrong = 0;
});

describe('simultaneous sign-ins to one account', () => {
  it('from one address over two instances check at most 5 passwords, and leave the account locked from there', async () => {
    await anOwner('raced-one-address');
    const answers = await fortySimultaneous('raced-one-address', () => '10.0.0.7');

    const { signedIn, wrong, locked } = tally(answers);
    expect(checkedWrong + signedIn).toBeLessThanOrEqual(5);
    expect(wrong + signedIn).toBeLessThanOrEqual(5);
    // Every other attempt was refused unchecked, as locked, with the wait.
    expect(locked).toBe(40 - wrong - signedIn);
    for (const answer of answers.filter((answer) => answer.message === lockedAnswer)) {
      expect(answer).toMatchObject({ __typename: 'AuthenticationFailedError', code: 'AUTHENTICATION_FAILED' });
      expect(answer.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(await signIn(0, 'raced-one-address', rightPassword, '10.0.0.7')).toMatchObject({ message: lockedAnswer });
  });

  it('from 40 addresses check at most 10 passwords, and lock the account for every address, its owner’s too', async () => {
    await anOwner('raced-many-addresses');
    const answers = await fortySimultaneous('raced-many-addresses', (index) => `10.1.0.${index + 1}`);

    const { signedIn, locked } = tally(answers);
    expect(checkedWrong + signedIn).toBeLessThanOrEqual(10);
    expect(locked).toBeGreaterThanOrEqual(30);
    const fromElsewhere = await signIn(1, 'raced-many-addresses', rightPassword, '10.1.1.1');
    expect(fromElsewhere).toMatchObject({ __typename: 'AuthenticationFailedError', message: lockedAnswer });
    expect(fromElsewhere.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('one client address', () => {
  it('is refused after 30 failed sign-ins over all accounts, whatever instance it uses, and only it', async () => {
    await anOwner('sprayed');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => signIn((index % 2) as 0 | 1, `sprayed-guess-${index}`, wrongPassword, '10.2.0.1')),
    );

    expect(checkedWrong).toBe(30);
    const { wrong, rateLimited } = tally(answers);
    expect([wrong, rateLimited]).toEqual([30, 10]);
    expect(answers.find((answer) => answer.__typename === 'RateLimitedError')).toMatchObject({
      code: 'RATE_LIMITED',
      message: '该网络地址登录失败次数过多，请稍后再试',
      retryAfterSeconds: 900,
    });
    // The address is refused even for an account and a password it has not tried yet.
    expect(await signIn(0, 'sprayed', rightPassword, '10.2.0.1')).toMatchObject({ __typename: 'RateLimitedError' });
    expect((await signIn(0, 'sprayed', rightPassword, '10.2.0.2')).__typename).toBe('MutationLoginSuccess');

    now = new Date(startOfTest.getTime() + minutes(16));
    expect((await signIn(1, 'sprayed', rightPassword, '10.2.0.1')).__typename).toBe('MutationLoginSuccess');
  });

  it('registers at most 10 applicants an hour, over both instances at once', async () => {
    let sequence = 0;
    const register = (instance: 0 | 1, address: string) =>
      postGraphql(
        instance === 0 ? api.yoga : otherInstance,
        registerMutation,
        {
          input: {
            idNumber: composeResidentId('653101', '1990-03-08', 'MALE', ++sequence),
            name: '艾尔肯',
            phone: '13912345678',
            unitId,
            password: rightPassword,
          },
        },
        undefined,
        address,
      ).then(({ data }) => data.register);

    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => register((index % 2) as 0 | 1, '10.3.0.1')));
    expect(answers.filter((answer) => answer.__typename === 'MutationRegisterSuccess')).toHaveLength(10);
    const refused = answers.filter((answer) => answer.__typename === 'RateLimitedError');
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED', message: '该网络地址注册次数过多，请稍后再试', retryAfterSeconds: 3600 });

    expect((await register(0, '10.3.0.2')).__typename).toBe('MutationRegisterSuccess');
    now = new Date(startOfTest.getTime() + minutes(61));
    expect((await register(1, '10.3.0.1')).__typename).toBe('MutationRegisterSuccess');
  });
});

describe('a locked account and its owner', () => {
  it('a stranger failing from one address does not lock out the owner at another; failing from two does, until the admin unlocks', async () => {
    const ownerId = await anOwner('targeted');
    for (let attempt = 1; attempt <= 8; attempt++) await signIn(0, 'targeted', wrongPassword, '10.4.0.66');
    expect(await signIn(0, 'targeted', rightPassword, '10.4.0.66')).toMatchObject({ message: lockedAnswer });
    expect((await signIn(1, 'targeted', rightPassword, '10.4.0.7')).__typename).toBe('MutationLoginSuccess');

    // Ten failures of the account from anywhere since its owner last signed in lock it everywhere.
    for (const address of ['10.4.0.67', '10.4.0.68']) {
      for (let attempt = 1; attempt <= 5; attempt++) await signIn(0, 'targeted', wrongPassword, address);
    }
    expect(await signIn(1, 'targeted', rightPassword, '10.4.0.7')).toMatchObject({ message: lockedAnswer, retryAfterSeconds: 900 });

    await unlock(ownerId);
    expect((await signIn(1, 'targeted', rightPassword, '10.4.0.7')).__typename).toBe('MutationLoginSuccess');
  });

  it('an owner locked out by their own failures is shown locked to the admin, and gets back in through the unlock', async () => {
    const ownerId = await anOwner('forgetful');
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(0, 'forgetful', wrongPassword, '10.5.0.7');
    expect(await signIn(1, 'forgetful', rightPassword, '10.5.0.7')).toMatchObject({ message: lockedAnswer, retryAfterSeconds: 900 });
    const listed = await api.gql('query { users(first: 100) { edges { node { username isLocked } } } }', {}, adminToken);
    expect(listed.data.users.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({ username: 'forgetful', isLocked: true });

    await unlock(ownerId);
    expect((await signIn(1, 'forgetful', rightPassword, '10.5.0.7')).__typename).toBe('MutationLoginSuccess');
    expect(await api.prisma.user.findUniqueOrThrow({ where: { id: ownerId } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });
});

describe('the client address', () => {
  const request = (forwardedFor?: string) => new Request('http://test/graphql', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  const peer = (remoteAddress: string) => ({ req: { socket: { remoteAddress } } });

  it('is the TCP peer, and the X-Forwarded-For entry our proxy wrote only when proxies are trusted', () => {
    expect(clientAddressOf(request('198.51.100.9'), peer('10.0.0.7'), 0)).toBe('10.0.0.7');
    expect(clientAddressOf(request('198.51.100.9, 203.0.113.7'), peer('10.0.0.1'), 1)).toBe('203.0.113.7');
    expect(clientAddressOf(request(), peer('::ffff:10.0.0.7'), 1)).toBe('10.0.0.7');
    expect(clientAddressOf(request(), {}, 0)).toBeNull();
  });

  it('counts an IPv6 host by its /64 network', () => {
    expect(clientAddressOf(request(), peer('2001:db8:1:2::a'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddressOf(request(), peer('2001:db8:1:2:ffff:1:2:3'), 0)).toBe('2001:db8:1:2::/64');
  });
});

// Two real API processes (api/src/main.ts) over the server database; the embedded one serves
// only the process that opened it.
describe.runIf(serverUrl !== undefined)('two API processes', () => {
  const processes: ApiProcess[] = [];
  const ports: number[] = [];

  beforeAll(async () => {
    // One after the other: each checks the migrations at start, under the schema engine's lock.
    // The database already has accounts, so the processes seed no demo data.
    for (let index = 0; index < 2; index += 1) {
      const started = await startApiProcess({ databaseUrl: api.db.url, env: { TRUST_PROXY: '1' } });
      processes.push(started);
      ports.push(started.port);
    }
  });

  afterAll(async () => {
    for (const started of processes) await started.stop();
  });

  async function signInOver(port: number, username: string, password: string): Promise<LoginAnswer> {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      // One client behind the proxy both processes trust.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ query: loginMutation, variables: { username, password } }),
    });
    const { data, errors } = (await response.json()) as { data: { login: LoginAnswer }; errors?: unknown };
    expect(errors).toBeUndefined();
    return data.login;
  }

  it('40 simultaneous sign-ins split over them check at most 5 passwords, and leave the account locked', async () => {
    await anOwner('raced-processes');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => signInOver(ports[index % 2]!, 'raced-processes', index === 20 ? rightPassword : wrongPassword)),
    );

    const { signedIn, wrong, locked } = tally(answers);
    expect(wrong + signedIn).toBeLessThanOrEqual(5);
    expect(locked).toBe(40 - wrong - signedIn);
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { username: 'raced-processes' } });
    expect(stored.failedLoginCount).toBeLessThanOrEqual(5);
    expect(await signInOver(ports[0]!, 'raced-processes', rightPassword)).toMatchObject({ message: lockedAnswer });
  });
});
