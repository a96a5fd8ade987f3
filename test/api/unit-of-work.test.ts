// One unit of work per mutation: what a mutation changes and its SUCCESS audit record are
// written by one transaction, so they commit together or not at all; and every refusal —
// including those that never reach the mutation's resolver — has its REFUSED record.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultFailedLoginDelay, setFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { yogaLog } from '@tepei/api/errors/mask-error';
import { startApi, type TestApi } from '../support/api.ts';
import { applicationForm } from '../fixtures/programme.ts';
import { arrangeWorld, freshDraft, type World } from '../support/matrix.ts';
import { mutationCalls, succeedsAs } from '../support/mutation-roles.ts';
import { globalId, updateApplication } from '../support/workflow.ts';
import { withFailingWrites } from '../support/failing-writes.ts';

let api: TestApi;
let world: World;
const now = new Date('2026-12-01T10:00:00+08:00');

beforeAll(async () => {
  setFailedLoginDelay(() => 0);
  api = await startApi({ clock: () => now });
  world = await arrangeWorld(api);
});
afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

const capitalized = (field: string) => field[0]!.toUpperCase() + field.slice(1);

async function lastAuditId(): Promise<bigint> {
  return (await api.prisma.auditRecord.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0n;
}

async function recordsSince(id: bigint) {
  return api.prisma.auditRecord.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
}

/** The tables holding at least one row last written by transaction `xmin`, the audit log aside. */
async function tablesWrittenBy(xmin: string): Promise<string[]> {
  const tables = await api.prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'AuditRecord'`,
  );
  const written: string[] = [];
  for (const { table_name: table } of tables) {
    const [row] = await api.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${table}" WHERE xmin::text = $1`, xmin);
    if (row!.n > 0n) written.push(table);
  }
  return written;
}

/** The account revokeUserSessions acts on is made for it; a session gives the call something to change. */
async function giveNewestUserASession(): Promise<void> {
  const user = await api.prisma.user.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  await api.prisma.session.create({ data: { userId: user.id, tokenHash: `unit-of-work-${user.id}`, createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) } });
}

describe('a mutation and its audit record are one transaction', () => {
  it.each(Object.entries(succeedsAs))('%s writes its change and its SUCCESS record in the same transaction', async (field, role) => {
    const call = await mutationCalls[field]!(world, role);
    if (field === 'revokeUserSessions') await giveNewestUserASession();
    const before = await lastAuditId();
    const response = await call.run();
    expect(response.data?.[field]?.__typename, JSON.stringify(response)).toBe(`Mutation${capitalized(field)}Success`);
    const [record] = (await recordsSince(before)).filter((candidate) => candidate.result === 'SUCCESS');
    expect(record?.operation).toBe(field);
    const [audit] = await api.prisma.$queryRawUnsafe<Array<{ xmin: string }>>(`SELECT xmin::text AS xmin FROM "AuditRecord" WHERE id = $1`, record!.id);
    expect(await tablesWrittenBy(audit!.xmin)).not.toEqual([]);
  });

  it('leaves nothing changed when the SUCCESS record cannot be written, and says the change failed', async () => {
    const draft = await freshDraft(world);
    const stored = await api.prisma.application.findUniqueOrThrow({ where: { id: draft.application.rawId } });
    // The audit store refuses this one record, as a full disk or a broken value would.
    const before = await lastAuditId();
    const result = await withFailingWrites(api.prisma, 'AuditRecord', "NEW.operation = 'updateApplication' AND NEW.result = 'SUCCESS'", () =>
      updateApplication(api, draft.token, draft.application.id, draft.application.version, applicationForm(draft.who, { studyGoals: '改过的学习目标：这段文字因审计记录写不进去而不应留在申报中。' })),
    );
    expect(result.__typename, JSON.stringify(result)).toBe('GraphQLError');
    const after = await api.prisma.application.findUniqueOrThrow({ where: { id: draft.application.rawId } });
    expect(after.version).toBe(stored.version);
    expect(after.studyGoals).toBe(stored.studyGoals);
    expect((await recordsSince(before)).map((record) => [record.operation, record.result, record.errorCode])).toEqual([['updateApplication', 'FAILED', 'INTERNAL']]);
  });
});

describe('refusals that never reach the resolver are audited', () => {
  it('a lone surrogate in a form field is refused at the boundary with its path, audited, and nothing changes', async () => {
    const draft = await freshDraft(world);
    const before = await lastAuditId();
    const result = await updateApplication(api, draft.token, draft.application.id, draft.application.version, applicationForm(draft.who, { studyGoals: '学习目标\uD800' }));
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.message).toMatch(/form\.studyGoals/);
    const stored = await api.prisma.application.findUniqueOrThrow({ where: { id: draft.application.rawId } });
    expect(stored.version).toBe(draft.application.version);
    expect((await recordsSince(before)).map((record) => [record.operation, record.result, record.errorCode])).toEqual([['updateApplication', 'REFUSED', 'BAD_USER_INPUT']]);
  });

  it('an ID of another type is refused and audited once', async () => {
    const draft = await freshDraft(world);
    const before = await lastAuditId();
    const logged = vi.spyOn(yogaLog, 'error');
    const response = await api.gql(
      'mutation($id: ID!) { submitApplication(id: $id, version: 1) { __typename } }',
      { id: globalId('Round', world.programme.roundId) },
      draft.token,
    );
    // The client's mistake, not the server's: nothing for an operator to look into.
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
    expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).not.toMatch(/Unexpected/);
    expect((await recordsSince(before)).map((record) => [record.operation, record.result, record.errorCode, record.actorId])).toEqual([
      ['submitApplication', 'REFUSED', 'BAD_USER_INPUT', draft.userId],
    ]);
  });

  it('variables the schema cannot coerce are refused and every root field of the mutation is audited once', async () => {
    const draft = await freshDraft(world);
    const before = await lastAuditId();
    const response = await api.gql(
      'mutation($version: Int!) { first: submitApplication(id: "x", version: $version) { __typename } second: logout { __typename } }',
      { version: 'seven' },
      draft.token,
    );
    expect(response.errors?.length).toBeGreaterThan(0);
    const records = await recordsSince(before);
    expect(records.map((record) => [record.operation, record.result]).sort()).toEqual([
      ['logout', 'REFUSED'],
      ['submitApplication', 'REFUSED'],
    ]);
  });

  it('a garbage global ID, a non-UUID id and an unknown cursor are client errors, never echoed', async () => {
    const token = await api.login('admin');
    const long = `Q${'x'.repeat(5000)}`;
    for (const [query, variables] of [
      ['query($id: ID!) { application(id: $id) { id } }', { id: 'abc' }],
      ['query($id: ID!) { node(id: $id) { id } }', { id: globalId('Application', 'not-a-uuid') }],
      ['query($after: String) { applications(first: 2, after: $after) { totalCount } }', { after: long }],
      ['query($after: String) { auditRecords(first: 2, after: $after) { totalCount } }', { after: Buffer.from('GPC:S:nope').toString('base64') }],
      ['query { applications(filter: { birthDateFrom: "0000-01-01" }) { totalCount } }', {}],
      ['query($name: String) { applications(filter: { nameContains: $name }) { totalCount } }', { name: 'a\u0000b' }],
    ] as const) {
      const response = await api.gql(query, variables, token);
      expect(response.status, query).toBeLessThan(500);
      expect(response.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response)).not.toMatch(/Unexpected error|x{100}/);
    }
  });
});
