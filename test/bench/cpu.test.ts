// The bench's CPU per response (bench/src/cpu.ts) is read from /proc: it must grow with the
// work a process does, and PostgreSQL's must count the backend that serves the bench's servers.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresCpu, postgresCpuSince, processCpuMs } from '@tepei/bench/cpu';
import { serverUrl } from '../support/database.ts';

describe('CPU time read from /proc', () => {
  it("grows with a process's own work, by about the time it spent computing", () => {
    const before = processCpuMs(process.pid);
    const started = performance.now();
    let sink = 0;
    while (performance.now() - started < 300) sink += Math.sqrt(sink + 1);
    const spent = processCpuMs(process.pid) - before;
    expect(sink).toBeGreaterThan(0);
    // 300 ms of wall time on a core: most of it CPU, however loaded the machine (ticks of 10 ms).
    expect(spent).toBeGreaterThanOrEqual(100);
    expect(spent).toBeLessThan(2000);
    expect(processCpuMs(2 ** 30)).toBe(0);
  });

  it.runIf(serverUrl)("counts the PostgreSQL backend's work for a statement it runs, and never less than nothing when backends end", async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const before = postgresCpu();
      const started = performance.now();
      await client.query('SELECT count(*) FROM generate_series(1, 20000000)');
      const wall = performance.now() - started;
      const spent = postgresCpuSince(before);
      expect(spent).toBeGreaterThanOrEqual(Math.min(100, wall / 3));
    } finally {
      await client.end();
    }
    // A backend that had worked before the snapshot and ended since (a pool closing an idle
    // connection) is missed, not subtracted: the sum of all backends' CPU would go below zero.
    const ending = new pg.Client({ connectionString: serverUrl });
    await ending.connect();
    await ending.query('SELECT count(*) FROM generate_series(1, 20000000)');
    const withEnding = postgresCpu();
    await ending.end();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(postgresCpuSince(withEnding)).toBeGreaterThanOrEqual(0);
  });
});
