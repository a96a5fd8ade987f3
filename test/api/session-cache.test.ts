// Sessions kept by the API process (api/src/auth/session-cache.ts): a signed-in request costs no
// session look-up once the session is known, and every way a session ends — sign-out, forced
// sign-out, a disabled account — still shuts the token out on the very next request, also when
// a look-up was in flight as it ended. On the server the cache is on only while the process
// listens for ended sessions: a lost listening connection turns it off until it listens again.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCache } from '@tepei/api/auth/session-cache';
import { actorForBearerToken } from '@tepei/api/auth/sessions';
import { startApi, type TestApi } from '../support/api.ts';
import { countStatements } from '../support/sql-count.ts';

let api: TestApi;
let adminToken: string;

const meQuery = '{ me { username } }';

async function usernameOf(token: string): Promise<string | null> {
  const { data, errors } = await api.gql<{ me: { username: string } | null }>(meQuery, {}, token);
  if (errors?.length) {
    expect(errors[0]!.extensions?.code).toBe('UNAUTHENTICATED');
    return null;
  }
  return data!.me!.username;
}

async function userIdOf(username: string): Promise<string> {
  return (await api.prisma.user.findUniqueOrThrow({ where: { username } })).id;
}

async function untilCacheIs(enabled: boolean): Promise<void> {
  const since = Date.now();
  while (sessionCache.enabled !== enabled) {
    if (Date.now() - since > 10_000) throw new Error(`the session cache did not turn ${enabled ? 'on' : 'off'}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => new Date('2026-12-01T10:00:00+08:00') });
  adminToken = await api.login('admin');
  await untilCacheIs(true);
});
afterAll(() => api?.close());

describe('the session cache', () => {
  it('answers a known session without reading the database', async () => {
    const token = await api.login('analyst');
    expect(await usernameOf(token)).toBe('analyst');
    const statements = await countStatements(() => actorForBearerToken(token, new Date('2026-12-01T10:00:00+08:00')));
    expect(statements).toBe(0);
    // An unknown token is read every time: it is never kept.
    expect(await countStatements(() => actorForBearerToken('no-such-token', new Date()))).toBe(1);
  });

  it('checks expiry against the request clock on every use', async () => {
    const token = await api.login('analyst');
    const actor = await actorForBearerToken(token, new Date('2026-12-01T10:00:00+08:00'));
    expect(actor?.username).toBe('analyst');
    expect(await actorForBearerToken(token, new Date('2027-12-01T10:00:00+08:00'))).toBeNull();
  });

  it('shuts a token out at once after sign-out', async () => {
    const token = await api.login('analyst');
    expect(await usernameOf(token)).toBe('analyst');
    const { data } = await api.gql('mutation { logout { __typename } }', {}, token);
    expect(data.logout.__typename).toBe('MutationLogoutSuccess');
    expect(await usernameOf(token)).toBeNull();
  });

  it('shuts every token of a user out at once after a forced sign-out and after disabling', async () => {
    const first = await api.login('unit-001');
    const second = await api.login('unit-001');
    expect(await usernameOf(first)).toBe('unit-001');
    expect(await usernameOf(second)).toBe('unit-001');
    const userId = await userIdOf('unit-001');
    const revoked = await api.gql('mutation ($id: ID!) { revokeUserSessions(userId: $id) { __typename } }', { id: userId }, adminToken);
    expect(revoked.data.revokeUserSessions.__typename).toBe('MutationRevokeUserSessionsSuccess');
    expect(await usernameOf(first)).toBeNull();
    expect(await usernameOf(second)).toBeNull();

    const third = await api.login('unit-001');
    expect(await usernameOf(third)).toBe('unit-001');
    const disabled = await api.gql(
      'mutation ($id: ID!) { setUserDisabled(userId: $id, disabled: true) { __typename } }',
      { id: userId },
      adminToken,
    );
    expect(disabled.data.setUserDisabled.__typename).toBe('MutationSetUserDisabledSuccess');
    expect(await usernameOf(third)).toBeNull();
    await api.gql('mutation ($id: ID!) { setUserDisabled(userId: $id, disabled: false) { __typename } }', { id: userId }, adminToken);
  });

  it('never keeps what a look-up read before the session ended', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const token = await api.login('analyst');
      // The look-up and the sign-out race; whichever wins, the next request is refused.
      const lookUp = usernameOf(token);
      const signOut = api.gql('mutation { logout { __typename } }', {}, token);
      await Promise.all([lookUp, signOut]);
      expect(await usernameOf(token)).toBeNull();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)('keeps nothing while its listening connection is down, and resumes once it listens again', async () => {
    const token = await api.login('analyst');
    expect(await usernameOf(token)).toBe('analyst');
    const admin = new pg.Client({ connectionString: api.db.url });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'tepei listen%' AND datname = current_database()`);
      await untilCacheIs(false);
      // Read from the database again (the reconnecting listener may send statements of its own meanwhile).
      expect(await countStatements(() => actorForBearerToken(token, new Date('2026-12-01T10:00:00+08:00')))).toBeGreaterThanOrEqual(1);
      // A session ended while nobody listened is not served from what was kept before.
      await admin.query(`UPDATE "Session" SET "revokedAt" = now() WHERE "userId" = (SELECT id FROM "User" WHERE username = 'analyst')`);
      await untilCacheIs(true);
      expect(await usernameOf(token)).toBeNull();
    } finally {
      await admin.end();
    }
  });
});
