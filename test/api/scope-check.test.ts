// A scope map outside GraphQL (auth/scope-check.ts) means what it means on a field: the
// builder's scopes for the request's actor, any of a map's scopes by default, `$any` and `$all`
// nested as the scope-auth plugin nests them, and no scope granted to whom none applies.
import type { Actor } from '@tepei/api/auth/actor';
import { grantsScopes, type ScopeMap } from '@tepei/api/auth/scope-check';
import type { Context } from '@tepei/api/context';
import type { Role } from '@tepei/db/enums';
import { describe, expect, it } from 'vitest';

const roles = ['APPLICANT', 'EMPLOYER', 'PREFECTURE', 'REGIONAL', 'ANALYST'] as const satisfies readonly Role[];

function contextOf(role: Role | null): Context {
  const actor: Actor | null = role && { userId: `user-${role}`, sessionId: 's', username: role.toLowerCase(), displayName: role, role, unitId: null, areaId: null };
  return { actor, requestId: 'scope-check-test', clientAddress: null, now: () => new Date() };
}

/** Who of anonymous and each role the map admits. */
async function admitted(map: ScopeMap): Promise<string[]> {
  const who: string[] = [];
  for (const role of [null, ...roles]) if (await grantsScopes(contextOf(role), map)) who.push(role ?? 'anonymous');
  return who;
}

describe('a scope map evaluated as a field evaluates its authScopes', () => {
  it('admits whoever has any one of its scopes', async () => {
    expect(await admitted({ regional: true, analyst: true })).toEqual(['REGIONAL', 'ANALYST']);
    expect(await admitted({ reviewer: true })).toEqual(['EMPLOYER', 'PREFECTURE', 'REGIONAL']);
    expect(await admitted({ signedIn: true })).toEqual(roles);
    expect(await admitted({ public: true })).toEqual(['anonymous', ...roles]);
  });

  it('reads $any as any of its scopes, beside the others of the map', async () => {
    expect(await admitted({ $any: { regional: true, analyst: true, prefecture: true, employer: true } })).toEqual(['EMPLOYER', 'PREFECTURE', 'REGIONAL', 'ANALYST']);
    expect(await admitted({ applicant: true, $any: { analyst: true } })).toEqual(['APPLICANT', 'ANALYST']);
  });

  it('reads $all as every one of its scopes, nested maps included', async () => {
    expect(await admitted({ $all: { reviewer: true, wholeProgrammeReader: true } })).toEqual(['REGIONAL']);
    expect(await admitted({ $all: { signedIn: true, $any: { employer: true, analyst: true } } })).toEqual(['EMPLOYER', 'ANALYST']);
    expect(await admitted({ $all: { regional: true, analyst: true } })).toEqual([]);
  });

  it('admits no one with a map of no scope, and anonymous callers only to public scopes', async () => {
    expect(await admitted({})).toEqual([]);
    expect(await admitted({ $any: {} })).toEqual([]);
    expect(await grantsScopes(contextOf(null), { $any: { signedIn: true, wholeProgrammeReader: true } })).toBe(false);
  });
});
