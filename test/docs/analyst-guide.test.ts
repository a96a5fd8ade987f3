import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';

const guidePath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'analyst-guide.md');
const blocks = [...fs.readFileSync(guidePath, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
const [signIn, ...questions] = blocks;

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => new Date('2026-11-29T12:00:00+08:00') });
  const response = await api.gql(signIn!);
  token = response.data.login.data.token;
});
afterAll(() => api?.close());

/** True when some list or count in the answer is non-empty. */
function hasData(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value > 0;
  if (value && typeof value === 'object') return Object.values(value).some(hasData);
  return false;
}

describe('the analyst guide', () => {
  it('has a sign-in and at least ten questions', () => {
    expect(signIn).toContain('login');
    expect(questions.length).toBeGreaterThanOrEqual(10);
  });

  it.each(questions.map((query) => [/query (\w+)/.exec(query)?.[1] ?? query.slice(0, 30), query]))('answers %s from the demo data', async (_name, query) => {
    const response = await api.gql(query, {}, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(hasData(response.data)).toBe(true);
    // No ID number, not even part of one, and no full birth date (digits 7–14 of the ID number).
    const answer = JSON.stringify(response.data);
    expect(answer).not.toMatch(/\d{17}[\dX]|\d{6}\*{8}/);
    expect(answer).not.toMatch(/"birthDate":"\d/);
  });
});
