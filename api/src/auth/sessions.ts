import { prisma } from '../db.ts';
import type { Actor } from './actor.ts';
import { hashToken } from './tokens.ts';

/** The actor of a live session, or null when the token is unknown, expired, revoked or its user disabled. */
export async function actorForBearerToken(token: string, now: Date): Promise<Actor | null> {
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabled) return null;
  const { user } = session;
  return {
    userId: user.id,
    sessionId: session.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    areaId: user.areaId,
    unitId: user.unitId,
  };
}
