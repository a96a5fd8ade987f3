// Dashboard aggregates of a large round cost the database hundreds of milliseconds (deadline
// progress reads every status change of the round; the review queue finds when each waiting
// application arrived), and every reviewer's dashboard asks for them at once. Readers of one
// scope share one computation for a few seconds; concurrent askers share the one in flight.
// Once that time is up, readers get the last figures while one recount runs in the background,
// so nobody waits for it.
// Kept figures never outlive a change: every successful mutation of this process clears the
// cache (audit.service.ts `audited`), so a reviewer sees their own decision at once, and every
// committed change, through whichever API process, raises the database's data version (db.ts),
// which each cache reads at most `versionReadIntervalMs` before using what it keeps: a change
// made through another process shows within a second. Each answer is counted on one snapshot of
// the database, so it never mixes figures from before and after a change. Off unless the server
// asks for it (main.ts): tests see no caching.
import type { Actor } from '../../auth/actor.ts';
import { dataVersion, onOneSnapshot } from '../../db.ts';

/** How long `pnpm start` keeps an aggregate. */
export const serverAggregateTtlMs = 10_000;

/** How old the data version a cache trusts may be: changes elsewhere show within about this. */
export const versionReadIntervalMs = 500;

interface Entry {
  expires: number;
  value: Promise<unknown>;
  settled: boolean;
  refreshing: boolean;
}

export class AggregateCache {
  private readonly entries = new Map<string, Entry>();
  /** Raised by clear(): a computation begun before it keeps nothing. */
  private generation = 0;
  private version: bigint | undefined;
  private versionReadAt = -Infinity;
  private versionRead: Promise<void> | undefined;

  constructor(
    readonly ttlMs: number,
    private readonly readVersion: () => Promise<bigint> = dataVersion,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.syncVersion();
    const entry = this.entries.get(key);
    if (entry && (entry.expires > Date.now() || !entry.settled)) return entry.value as Promise<T>;
    if (entry && !entry.refreshing) {
      entry.refreshing = true;
      this.start(key, compute).catch(() => {});
    }
    return entry ? (entry.value as Promise<T>) : this.start(key, compute);
  }

  /** Clears what is kept when the database's version moved; reads it at most every interval. */
  private syncVersion(): Promise<void> {
    if (Date.now() - this.versionReadAt < versionReadIntervalMs) return Promise.resolve();
    this.versionRead ??= this.readVersion()
      .then((version) => {
        if (this.version !== undefined && version !== this.version) this.clear();
        this.version = version;
        this.versionReadAt = Date.now();
      })
      .finally(() => {
        this.versionRead = undefined;
      });
    return this.versionRead;
  }

  /** Computes and, once the figures are in, keeps them (a stale entry is replaced only then). */
  private start<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    const value = compute();
    const fresh: Entry = { expires: Infinity, value, settled: false, refreshing: false };
    if (!this.entries.has(key)) this.entries.set(key, fresh);
    value.then(
      () => {
        fresh.settled = true;
        fresh.expires = Date.now() + this.ttlMs;
        // A clear() while computing means something changed since it started: keep nothing.
        if (this.generation === generation) this.entries.set(key, fresh);
      },
      // A refusal or failure is not remembered; a stale entry stays until the next try.
      () => {
        const current = this.entries.get(key);
        if (current === fresh) this.entries.delete(key);
        else if (current) current.refreshing = false;
      },
    );
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/** Who sees the same numbers: the role and the area or unit its row rules name. */
export function readerScope(actor: Actor): string {
  return [actor.role, actor.areaId ?? '', actor.unitId ?? '', actor.role === 'APPLICANT' ? actor.userId : ''].join('/');
}

/** Arguments as key text: a selection may hold BigInt values, which JSON has no notation for. */
const keyValue = (_key: string, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value);

/** `compute` on one snapshot of the database, through the context's cache when the server has one. */
export function cachedAggregate<T>(
  ctx: { aggregates?: AggregateCache; actor: Actor | null },
  name: string,
  args: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const consistent = () => onOneSnapshot(compute);
  if (!ctx.aggregates || !ctx.actor) return consistent();
  return ctx.aggregates.get(`${name}\u0000${readerScope(ctx.actor)}\u0000${JSON.stringify(args, keyValue)}`, consistent);
}
