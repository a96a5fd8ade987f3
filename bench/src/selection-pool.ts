// The selection mutation changes what it measures: each request selects a different
// RECOMMENDED application of the open round, and after each cell the pool is put back as it
// was (status, version, timestamps; the new status changes and reviews removed). The round's
// places are raised for the bench, so that quota refusals do not stand in for selections, and
// restored at the end.
import type pg from 'pg';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { benchToday } from './round-data.ts';

interface Entry {
  id: string;
  version: number;
  updatedAt: Date;
}

export class SelectionPool {
  private next = 0;

  private constructor(
    private readonly client: pg.Client,
    private readonly roundId: string,
    private readonly entries: Entry[],
    private readonly places: { round: { remotePlaces: number; localPlaces: number }; allocations: Array<{ id: string; places: number }> },
  ) {}

  static async open(client: pg.Client, roundId: string): Promise<SelectionPool> {
    const { rows: entries } = await client.query<Entry>(
      `SELECT id, version, "updatedAt" FROM "Application" WHERE "roundId" = $1 AND status = 'RECOMMENDED' ORDER BY id`,
      [roundId],
    );
    const { rows: [round] } = await client.query<{ remotePlaces: number; localPlaces: number }>('SELECT "remotePlaces", "localPlaces" FROM "Round" WHERE id = $1', [roundId]);
    const { rows: allocations } = await client.query<{ id: string; places: number }>('SELECT id, places FROM "QuotaAllocation" WHERE "roundId" = $1', [roundId]);
    await client.query('UPDATE "Round" SET "remotePlaces" = 1000000, "localPlaces" = 1000000 WHERE id = $1', [roundId]);
    await client.query('UPDATE "QuotaAllocation" SET places = 1000000 WHERE "roundId" = $1', [roundId]);
    return new SelectionPool(client, roundId, entries, { round: round!, allocations });
  }

  get size(): number {
    return this.entries.length;
  }

  get remaining(): number {
    return this.entries.length - this.next;
  }

  /** Variables of the next selection, or null when the pool is used up. */
  take(): { id: string; version: number } | null {
    const entry = this.entries[this.next];
    if (!entry) return null;
    this.next += 1;
    return { id: encodeGlobalID('Application', entry.id), version: entry.version };
  }

  async reset(): Promise<void> {
    this.next = 0;
    const ids = this.entries.map((entry) => entry.id);
    await this.client.query('BEGIN');
    await this.client.query(`DELETE FROM "StatusChange" WHERE "applicationId" = ANY($1::uuid[]) AND "toStatus" = 'SELECTED' AND at >= $2`, [ids, benchToday]);
    await this.client.query(`DELETE FROM "Review" WHERE "applicationId" = ANY($1::uuid[]) AND stage = 'REGIONAL' AND "decidedAt" >= $2`, [ids, benchToday]);
    await this.client.query(
      `UPDATE "Application" a SET status = 'RECOMMENDED', version = s.version, "updatedAt" = s."updatedAt", "decidedAt" = NULL
       FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS s(id, version, "updatedAt")
       WHERE a.id = s.id AND a.status <> 'RECOMMENDED'`,
      [ids, this.entries.map((entry) => entry.version), this.entries.map((entry) => entry.updatedAt)],
    );
    await this.client.query('COMMIT');
  }

  async close(): Promise<void> {
    await this.reset();
    await this.client.query('UPDATE "Round" SET "remotePlaces" = $2, "localPlaces" = $3 WHERE id = $1', [
      this.roundId,
      this.places.round.remotePlaces,
      this.places.round.localPlaces,
    ]);
    await this.client.query('UPDATE "QuotaAllocation" SET places = s.places FROM unnest($1::uuid[], $2::int[]) AS s(id, places) WHERE "QuotaAllocation".id = s.id', [
      this.places.allocations.map((allocation) => allocation.id),
      this.places.allocations.map((allocation) => allocation.places),
    ]);
  }
}
