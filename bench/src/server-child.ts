// Starts a server process (api-server.ts or baseline-server.ts) as a child of its own, so that
// its memory is its own: resident set sampled from /proc every 100 ms, and the kernel's
// high-water mark (VmHWM) at the end.
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from './server-process.ts';

export interface ServerChild {
  url: string;
  pid: number;
  /** SQL statements the server has sent so far. */
  statements(): Promise<number>;
  /** Requests the server is still answering. */
  inFlight(): Promise<number>;
  /** The server's own account of its memory (V8 heap, external, array buffers), bytes. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** Starts sampling RSS; the returned function stops and returns the peak in MB. */
  sampleMemory(): () => number;
  /** Peak RSS of the process's whole life, MB (VmHWM). */
  peakMemory(): number;
  stop(): Promise<void>;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return kilobytes / 1024;
  } catch {
    return 0;
  }
}

export async function startServerChild(script: 'api-server.ts' | 'baseline-server.ts', env: Record<string, string>): Promise<ServerChild> {
  const child: ChildProcess = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    // Node itself runs the server (tsx as a loader), so the pid measured is the server's own.
    execArgv: ['--import', 'tsx'],
    // `tsx` resolves from here, the bench package, whoever starts the bench (test/ does too).
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${code} before it was ready`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message.port);
    });
  });
  child.removeAllListeners('exit');
  const pid = child.pid!;
  const stats = () =>
    new Promise<Extract<ChildMessage, { type: 'stats' }>>((resolve) => {
      const listener = (message: ChildMessage) => {
        if (message.type !== 'stats') return;
        child.off('message', listener);
        resolve(message);
      };
      child.on('message', listener);
      child.send('stats');
    });
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    statements: async () => (await stats()).statements,
    memory: async () => (await stats()).memory,
    inFlight: async () => (await stats()).inFlight,
    sampleMemory() {
      let peak = statusField(pid, 'VmRSS');
      const timer = setInterval(() => {
        peak = Math.max(peak, statusField(pid, 'VmRSS'));
      }, 100);
      return () => {
        clearInterval(timer);
        return Math.max(peak, statusField(pid, 'VmRSS'));
      };
    },
    peakMemory: () => statusField(pid, 'VmHWM'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
