// What the admin pages read besides the lists themselves: whether an account is locked at the
// API's clock (not the browser's), and the audit log narrowed to one actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFailedLoginDelay, lockDurationMs, setFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { startApi, type TestApi } from '../support/api.ts';
import { arrangeProgramme } from '../fixtures/programme.ts';

let api: TestApi;
let now = new Date('2026-12-01T10:00:00+08:00');

beforeAll(async () => {
  setFailedLoginDelay(() => 0);
  api = await startApi({ clock: () => now });
  await arrangeProgramme(api.prisma);
});
afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

const lockOf = async (token: string, username: string) => {
  const response = await api.gql('query($role: Role) { users(first: 100, role: $role) { edges { node { username isLocked lockedUntil } } } }', { role: 'EMPLOYER' }, token);
  return response.data.users.edges.map((edge: { node: { username: string } }) => edge.node).find((user: { username: string }) => user.username === username);
};

describe('an account locked by failed sign-ins', () => {
  it('is reported locked until the lock runs out by the API clock, and no longer once unlocked', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await expect(api.login('unit-kashgar', 'wrong-password-1')).rejects.toThrow();
    const admin = await api.login('admin');
    expect(await lockOf(admin, 'unit-kashgar')).toMatchObject({ isLocked: true, lockedUntil: new Date(now.getTime() + lockDurationMs).toISOString() });
    expect(await lockOf(admin, 'unit-urumqi')).toMatchObject({ isLocked: false, lockedUntil: null });

    const start = now;
    now = new Date(start.getTime() + lockDurationMs + 1);
    try {
      // The lock has run out though lockedUntil is still stored.
      const later = await api.login('admin');
      expect(await lockOf(later, 'unit-kashgar')).toMatchObject({ isLocked: false, lockedUntil: expect.any(String) });
    } finally {
      now = start;
    }

    const user = await api.prisma.user.findUniqueOrThrow({ where: { username: 'unit-kashgar' } });
    const unlock = await api.gql('mutation($userId: ID!) { unlockUser(userId: $userId) { __typename ... on MutationUnlockUserSuccess { data { isLocked } } } }', { userId: user.id }, admin);
    expect(unlock.data.unlockUser).toEqual({ __typename: 'MutationUnlockUserSuccess', data: { isLocked: false } });
  });
});

describe('the audit log by actor', () => {
  it('lists only the records of the named user, alongside the other filters', async () => {
    const admin = await api.login('admin');
    await api.login('analyst');
    const query = 'query($filter: AuditFilter) { auditRecords(first: 100, filter: $filter) { totalCount edges { node { actorUsername operation } } } }';
    const byAdmin = await api.gql(query, { filter: { actorUsername: 'admin' } }, admin);
    const expected = await api.prisma.auditRecord.count({ where: { actor: { username: 'admin' } } });
    expect(expected).toBeGreaterThan(0);
    expect(byAdmin.data.auditRecords.totalCount).toBe(expected);
    expect(new Set(byAdmin.data.auditRecords.edges.map((edge: { node: { actorUsername: string } }) => edge.node.actorUsername))).toEqual(new Set(['admin']));

    const analystLogins = await api.gql(query, { filter: { actorUsername: ' analyst ', operation: 'login' } }, admin);
    expect(analystLogins.data.auditRecords.totalCount).toBe(await api.prisma.auditRecord.count({ where: { actor: { username: 'analyst' }, operation: 'login' } }));
    expect(analystLogins.data.auditRecords.edges.every((edge: { node: { actorUsername: string; operation: string } }) => edge.node.actorUsername === 'analyst' && edge.node.operation === 'login')).toBe(true);

    const nobody = await api.gql(query, { filter: { actorUsername: 'no-such-user' } }, admin);
    expect(nobody.data.auditRecords.totalCount).toBe(0);
  });
});
