// Every request names its session by a bearer token, and reading the session and its user is a
// round trip to the database per request — a tenth of a page's cost for a reviewer's queue
// (issue #12). So each process keeps the actors it has looked up, and forgets one the moment it
// may no longer be right:
// - a session ends only through `endSessions` (sessions.ts: sign-out, forced sign-out, an
//   account disabled), which forgets its user here and NOTIFYs every process in the same
//   transaction; PostgreSQL delivers the notification when that transaction commits;
// - every process LISTENs (startSessionChangeFeed) and forgets that user when told; while its
//   listening connection is down it may miss a notification, so it keeps nothing then (each
//   request reads the database as before) and starts afresh once it listens again;
// - a look-up begun before a change may answer after it: what it read is then not kept
//   (the generation check), so it cannot bring back an ended session;
// - the embedded database serves one process only (database.ts locks its folder), so there the
//   process's own forgetting is all there is to it;
// - expiry is checked against the request's clock on every use, and nothing is kept longer than
//   `sessionCacheMaxAgeMs`, the bound for a change made outside the API (by hand, in psql).
import type { Database } from '@tepei/db/database';
import { listenTo, type ChannelListener } from '@tepei/db/notifications';
import type { Actor } from './actor.ts';

/** The NOTIFY channel of ended sessions; the payload is the user id whose sessions changed. */
export const sessionChangeChannel = 'tepei_sessions_changed';

/** The longest an actor is kept without being read again: a bound for changes made outside the API. */
export const sessionCacheMaxAgeMs = 60_000;

/** Entries kept at most; past it the oldest go first (a burst of sign-ins cannot grow the heap without end). */
const maxEntries = 10_000;

interface Entry {
  actor: Actor;
  expiresAt: Date;
  keptAt: number;
}

class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Raised by every forgetting: a look-up begun before it keeps nothing. */
  private generation = 0;
  /** Whether every change that ends a session reaches this process at once. */
  private live = false;

  get enabled(): boolean {
    return this.live;
  }

  setLive(live: boolean): void {
    this.live = live;
    this.forgetAll();
  }

  /** The kept actor of a token hash, if it is still valid at `now`. */
  lookUp(tokenHash: string, now: Date): Actor | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now || Date.now() - entry.keptAt > sessionCacheMaxAgeMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.actor;
  }

  /** Marks the start of a database look-up; pass the mark to `keep`. */
  mark(): number {
    return this.generation;
  }

  keep(mark: number, tokenHash: string, actor: Actor, expiresAt: Date): void {
    if (!this.live || mark !== this.generation) return;
    if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { actor, expiresAt, keptAt: Date.now() });
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [tokenHash, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(tokenHash);
  }

  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/** The process's one cache of looked-up sessions. */
export const sessionCache = new SessionCache();

let feed: ChannelListener | undefined;

/**
 * Turns the cache on for `database`: on a server once this process listens for ended sessions,
 * on the embedded database at once. Until it is called the cache keeps nothing.
 */
export function startSessionChangeFeed(database: Pick<Database, 'url' | 'embedded'>): void {
  void stopSessionChangeFeed();
  if (database.embedded) {
    sessionCache.setLive(true);
    return;
  }
  feed = listenTo(database.url, sessionChangeChannel, {
    onNotification: (userId) => (userId ? sessionCache.forgetUser(userId) : sessionCache.forgetAll()),
    onLive: (live) => sessionCache.setLive(live),
  });
}

export async function stopSessionChangeFeed(): Promise<void> {
  const current = feed;
  feed = undefined;
  sessionCache.setLive(false);
  await current?.stop();
}
