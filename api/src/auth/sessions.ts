import type { Prisma, Role } from '@tepei/db/client';
import { prisma } from '../db.ts';
import type { Actor } from './actor.ts';
import { sessionCache, sessionChangeChannel } from './session-cache.ts';
import { hashToken } from './tokens.ts';

interface SessionRow {
  sessionId: string;
  revokedAt: Date | null;
  expiresAt: Date;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  areaId: string | null;
  unitId: string | null;
  disabled: boolean;
}

/** The actor of a live session, or null when the token is unknown, expired, revoked or its user disabled. */
export async function actorForBearerToken(token: string, now: Date): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const kept = sessionCache.lookUp(tokenHash, now);
  if (kept) return kept;
  const mark = sessionCache.mark();
  // One statement: the session and its user joined (Prisma's include would send two).
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id AS "sessionId", s."revokedAt", s."expiresAt", u.id AS "userId", u.username, u."displayName",
           u.role::text AS role, u."areaId", u."unitId", u.disabled
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = ${tokenHash}`;
  if (!row || row.revokedAt || row.expiresAt <= now || row.disabled) return null;
  const actor: Actor = {
    userId: row.userId,
    sessionId: row.sessionId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    areaId: row.areaId,
    unitId: row.unitId,
  };
  sessionCache.keep(mark, tokenHash, actor, row.expiresAt);
  return actor;
}

/**
 * The one way sessions end (sign-out, forced sign-out, a disabled account): revoked in `db`'s
 * transaction, with a notification that reaches every API process when it commits, and
 * forgotten by this one at once (session-cache.ts). Without `sessionId`, every live session of
 * the user ends.
 */
export async function endSessions(
  db: Prisma.TransactionClient,
  scope: { userId: string; sessionId?: string },
  revokedBy: Actor,
  now: Date,
): Promise<void> {
  await db.session.updateMany({
    where: { userId: scope.userId, revokedAt: null, ...(scope.sessionId ? { id: scope.sessionId } : { expiresAt: { gt: now } }) },
    data: { revokedAt: now, revokedById: revokedBy.userId },
  });
  await db.$executeRaw`SELECT pg_notify(${sessionChangeChannel}, ${scope.userId})`;
  sessionCache.forgetUser(scope.userId);
}
