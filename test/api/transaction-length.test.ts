// How long each step holds what it locks: the selection takes the round's lock (quotas.service.ts
// lockRoundQuotas) and keeps it to the end of its transaction, so every other selection of the
// round waits that long. Counted in statements sent to PostgreSQL from the lock to COMMIT, the
// other transitions from BEGIN to COMMIT (issue #12 item 4: at most 8 inside the round's lock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { recordStatements } from '../support/sql-count.ts';
import { applicationForm, arrangeProgramme, person, type Programme } from '../fixtures/programme.ts';
import { createApplication, employerReview, globalId, prefectureReview, regionalDecision, registerApplicant, submitApplication } from '../support/workflow.ts';
import { uploadForm4Scan, uploadForm5Scan } from '../support/uploads.ts';

let api: TestApi;
let programme: Programme;
let now = new Date('2026-12-01T10:00:00+08:00');
let tokens: Record<string, string>;

/** Each step a minute after the last, so that scans count as uploaded after the step they sign off. */
const tick = () => (now = new Date(now.getTime() + 60_000));

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  const signedIn = await Promise.all(['admin', 'pref-653100', 'unit-kashgar'].map(async (username) => [username, await api.login(username)] as const));
  tokens = Object.fromEntries(signedIn);
});
afterAll(() => api?.close());

/** Statements from the first that matches `from` to COMMIT, both counted. */
function statementsFrom(statements: string[], from: RegExp): string[] {
  const start = statements.findIndex((sql) => from.test(sql));
  const end = statements.findIndex((sql, index) => index > start && /^\s*COMMIT/i.test(sql));
  expect(start, statements.join('\n')).toBeGreaterThanOrEqual(0);
  expect(end, statements.join('\n')).toBeGreaterThan(start);
  return statements.slice(start, end + 1);
}

describe('transitions are short transactions', () => {
  it('a selection sends at most 8 statements while it holds the round lock, and the others are as short', async () => {
    const who = person(700);
    const applicantToken = await registerApplicant(api, who, programme.kashgar.unitId);
    const created = await createApplication(api, applicantToken, globalId('Round', programme.roundId), applicationForm(who));
    let application: { id: string; version: number } = created.data!;

    const lengths: Record<string, number> = {};
    const sent: Record<string, string> = {};
    const step = async (name: string, run: () => Promise<{ __typename: string; data?: { id: string; version: number } | null }>) => {
      let result: Awaited<ReturnType<typeof run>> | undefined;
      const statements = await recordStatements(async () => {
        result = await run();
      });
      expect(result!.__typename, JSON.stringify(result)).toMatch(/Success$/);
      application = result!.data!;
      const counted = statementsFrom(statements, name === 'select' ? /FOR UPDATE/ : /^\s*BEGIN/i);
      lengths[name] = counted.length;
      sent[name] = counted.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 140)).join('\n');
      tick();
    };

    await step('submit', () => submitApplication(api, applicantToken, application.id, application.version));
    await step('endorse', () => employerReview(api, tokens['unit-kashgar']!, application.id, application.version, { decision: 'ENDORSE', conductConfirmed: true }));
    expect((await uploadForm4Scan(api, tokens['unit-kashgar']!, application.id)).__typename).toBe('MutationUploadForm4ScanSuccess');
    tick();
    await step('recommend', () => prefectureReview(api, tokens['pref-653100']!, application.id, application.version, { decision: 'RECOMMEND', conductConfirmed: true }));
    expect((await uploadForm5Scan(api, tokens['pref-653100']!, globalId('Round', programme.roundId), globalId('Area', programme.kashgar.areaId))).__typename).toBe(
      'MutationUploadForm5ScanSuccess',
    );
    tick();
    await step('select', () => regionalDecision(api, tokens.admin!, application.id, application.version, 'SELECT'));

    console.log('statements per transition', lengths);
    expect(lengths.select, sent.select).toBeLessThanOrEqual(8);
    for (const name of ['submit', 'endorse', 'recommend']) expect(lengths[name], `${name}:\n${sent[name]}`).toBeLessThanOrEqual(12);
  });
});
