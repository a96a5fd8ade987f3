// Dashboard aggregates of a large round cost the database hundreds of milliseconds (deadline
// progress reads every status change of the round; the review queue finds when each waiting
// application arrived), and every reviewer's dashboard asks for them at once. Readers of one
// scope share one computation for a few seconds; concurrent askers share the one in flight.
// Once that time is up, readers get the last figures while one recount runs in the background,
// so nobody waits for it.
// Every successful mutation of this process clears the cache (audit.service.ts `audited`), so a
// reviewer sees their own decision at once; changes made through other API processes show
// within the time to live. Off unless the server asks for it (main.ts): tests see no caching.
import type { Actor } from '../../auth/actor.ts';

/** How long `pnpm start` keeps an aggregate. */
export const serverAggregateTtlMs = 10_000;

export class AggregateCache {
  private readonly entries = new Map<string, { expires: number; value: Promise<unknown>; settled: boolean; refreshing: boolean }>();

  constructor(readonly ttlMs: number) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && (entry.expires > Date.now() || !entry.settled)) return entry.value as Promise<T>;
    if (entry && !entry.refreshing) {
      entry.refreshing = true;
      this.start(key, compute).catch(() => {});
    }
    return entry ? (entry.value as Promise<T>) : this.start(key, compute);
  }

  /** Computes and, once the figures are in, keeps them (a stale entry is replaced only then). */
  private start<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const value = compute();
    const fresh = { expires: Infinity, value, settled: false, refreshing: false };
    if (!this.entries.has(key)) this.entries.set(key, fresh);
    value.then(
      () => {
        fresh.settled = true;
        fresh.expires = Date.now() + this.ttlMs;
        // A clear() while computing means something changed since it started: keep nothing.
        if (this.entries.get(key) !== undefined) this.entries.set(key, fresh);
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
    this.entries.clear();
  }
}

/** Who sees the same numbers: the role and the area or unit its row rules name. */
export function readerScope(actor: Actor): string {
  return [actor.role, actor.areaId ?? '', actor.unitId ?? '', actor.role === 'APPLICANT' ? actor.userId : ''].join('/');
}

/** `compute`, through the context's cache when the server has one. */
export function cachedAggregate<T>(
  ctx: { aggregates?: AggregateCache; actor: Actor | null },
  name: string,
  args: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  if (!ctx.aggregates || !ctx.actor) return compute();
  return ctx.aggregates.get(`${name}\u0000${readerScope(ctx.actor)}\u0000${JSON.stringify(args)}`, compute);
}
