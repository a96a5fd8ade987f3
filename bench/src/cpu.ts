// CPU time from /proc: what a request costs the server process and what it costs PostgreSQL,
// the two sides the table compares (issue #12: "CPU per page: server + PostgreSQL"). A
// cell's CPU over its responses says which side limits the throughput: on two shared cores,
// the one whose milliseconds per request bound the rate.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc's times (100 on Linux unless the kernel was built otherwise). */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User and system CPU of a process so far, ms; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** The CPU so far of each PostgreSQL process on this machine, ms by pid. */
export type PostgresCpu = Map<number, number>;

export function postgresCpu(): PostgresCpu {
  const byPid: PostgresCpu = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      byPid.set(Number(entry), processCpuMs(Number(entry)));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return byPid;
}

/**
 * PostgreSQL's CPU since `before`, ms: the bench's database server runs here, and during a cell
 * only the measured server sends it work (besides its background writer and autovacuum, counted
 * too). A backend started since counts whole; one that ended since is missed (a pool closing an
 * idle connection), so the figure is a floor.
 */
export function postgresCpuSince(before: PostgresCpu): number {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
}
