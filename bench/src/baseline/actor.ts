// The baseline authenticates exactly as the API does (auth/sessions.ts): the bearer token's
// SHA-256 names a live session of an enabled user. One statement.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Actor } from '@tepei/api/auth/actor';

export async function actorForToken(pool: pg.Pool, header: string | undefined, now: Date): Promise<Actor | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) return null;
  const { rows } = await pool.query<Actor & { revokedAt: Date | null; expiresAt: Date; disabled: boolean }>(
    `SELECT s.id AS "sessionId", s."revokedAt", s."expiresAt", u.id AS "userId", u.username, u."displayName",
            u.role, u."areaId", u."unitId", u.disabled
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = $1`,
    [createHash('sha256').update(token).digest('hex')],
  );
  const row = rows[0];
  if (!row || row.revokedAt || row.expiresAt <= now || row.disabled) return null;
  return { userId: row.userId, sessionId: row.sessionId, username: row.username, displayName: row.displayName, role: row.role, areaId: row.areaId, unitId: row.unitId };
}

/** applicationsVisibleTo (auth/row-rules.ts) as SQL on alias `a`, its parameter numbered `index`. */
export function visibleApplications(actor: Actor, index: number): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case 'APPLICANT':
      return { sql: `a."applicantId" = $${index}::uuid`, params: [actor.userId] };
    case 'EMPLOYER':
      return actor.unitId ? { sql: `a."unitId" = $${index}::uuid`, params: [actor.unitId] } : { sql: 'FALSE', params: [] };
    case 'PREFECTURE':
      return actor.areaId ? { sql: `a."areaId" = $${index}::uuid`, params: [actor.areaId] } : { sql: 'FALSE', params: [] };
    default:
      return { sql: 'TRUE', params: [] };
  }
}

/** json_agg renders timestamptz as `2026-11-20T10:00:00.123+00:00`; GraphQL's DateTime is toISOString(). */
export function isoInstant(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
