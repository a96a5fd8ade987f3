// Statements the API sends without Prisma (db.ts readStatement: the shaped reads of pages) must
// run where Prisma's queries would — in the open unit of work, seeing what it has written — and
// outside one on the same pool, prepared on a PostgreSQL server: the same text under the same
// name every time, so each connection parses and plans it once, and never more texts prepared
// than the limit. On the embedded database (PGlite: one session behind every connection) unnamed.
import { inUnitOfWork, preparedStatementLimit, prisma, readStatement } from '@tepei/api/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertApplications } from '../fixtures/applications.ts';
import { arrangeProgramme, type Programme } from '../fixtures/programme.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { serverUrl } from '../support/database.ts';

const onServer = serverUrl !== undefined;
let api: TestApi;
let programme: Programme;
let token: string;

beforeAll(async () => {
  api = await startApi({ clock: () => new Date('2026-12-01T10:00:00+08:00') });
  programme = await arrangeProgramme(api.prisma);
  await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId }, 12, 'ENDORSED');
  token = await api.login('pref-653100');
});
afterAll(() => api?.close());

/** What every statement sent while `work` runs was sent as: its name (undefined: unnamed) and its text. */
async function sentStatements(work: () => Promise<unknown>): Promise<Array<{ name: string | undefined; text: string }>> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map(([query]) =>
      typeof query === 'string' ? { name: undefined, text: query } : { name: (query as { name?: string }).name, text: (query as { text: string }).text },
    );
  } finally {
    spy.mockRestore();
  }
}

const queuePage = /* GraphQL */ `
  query Queue($first: Int!) {
    applications(first: $first, filter: { statuses: [ENDORSED] }) {
      totalCount
      edges { node { id name status unit { name } eligibility { rule outcome } reviews { stage decision } } }
    }
  }
`;

describe('statements sent without Prisma', () => {
  it("send a page's shaped read prepared, under one name for its one text, with the same answer each time", async () => {
    const pages: unknown[] = [];
    const sent = await sentStatements(async () => {
      for (let i = 0; i < 3; i += 1) pages.push(await api.gql(queuePage, { first: 10 }, token));
    });
    const shaped = sent.filter((statement) => statement.text.includes('json_agg'));
    expect(shaped).toHaveLength(3);
    expect(new Set(shaped.map((statement) => statement.text)).size).toBe(1);
    if (onServer) {
      expect(new Set(shaped.map((statement) => statement.name)).size).toBe(1);
      expect(shaped[0]!.name).toMatch(/^tepei_/);
    } else {
      expect(shaped.map((statement) => statement.name)).toEqual([undefined, undefined, undefined]);
    }
    const [first] = pages as Array<{ data: any; errors?: unknown }>;
    expect(first!.errors).toBeUndefined();
    expect(first!.data.applications.totalCount).toBe(12);
    expect(pages[1]).toEqual(first);
    expect(pages[2]).toEqual(first);
  });

  it('run inside the open unit of work, seeing what it wrote and not yet committed, and not on the pool', async () => {
    const marker = `统一事务-${Date.now()}`;
    const statement = `SELECT coalesce(json_agg(name), '[]'::json)::text AS doc FROM "EmployerUnit" WHERE name = $1`;
    let sent: Array<{ name: string | undefined; text: string }> = [];
    await expect(
      inUnitOfWork(async () => {
        await prisma.employerUnit.update({ where: { id: programme.kashgar.otherUnitId }, data: { name: marker } });
        sent = await sentStatements(async () => {
          const [row] = await readStatement<{ doc: string }>(statement, [marker]);
          expect(JSON.parse(row!.doc)).toEqual([marker]);
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // Sent as the transaction's statement (Prisma's, unnamed), not prepared on another connection.
    expect(sent.filter((query) => query.text.includes('"EmployerUnit"')).map((query) => query.name)).toEqual([undefined]);
    // Rolled back with the unit: outside it, on the pool, nothing of it is seen.
    const [after] = await readStatement<{ doc: string }>(statement, [marker]);
    expect(JSON.parse(after!.doc)).toEqual([]);
  });

  it.runIf(onServer)(`prepare at most ${preparedStatementLimit} texts on a server; more run unnamed, answered alike`, async () => {
    const texts = Array.from({ length: preparedStatementLimit + 5 }, (_unused, index) => `SELECT ($1::int + ${index})::text AS doc`);
    const sent = await sentStatements(async () => {
      for (const [index, text] of texts.entries()) {
        const [row] = await readStatement<{ doc: string }>(text, [1000]);
        expect(row!.doc).toBe(String(1000 + index));
      }
    });
    const names = sent.map((statement) => statement.name);
    expect(names).toHaveLength(texts.length);
    const prepared = names.filter((name) => name !== undefined);
    // The first test's page holds one of the places already.
    expect(prepared.length).toBeLessThanOrEqual(preparedStatementLimit);
    expect(prepared.length).toBeGreaterThan(0);
    expect(names.slice(-5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it.runIf(!onServer)('prepare nothing on the embedded database, whose one session every connection shares (a name would outlive its connection)', async () => {
    const text = `SELECT ($1::int * 2)::text AS doc`;
    const sent = await sentStatements(async () => {
      for (let i = 0; i < 3; i += 1) expect((await readStatement<{ doc: string }>(text, [21]))[0]!.doc).toBe('42');
    });
    expect(sent.map((statement) => statement.name)).toEqual([undefined, undefined, undefined]);
  });
});
