// Starts a server process (api-server.ts, baseline-server.ts or postgraphile-server.ts) as a
// child of its own, so that its memory is its own: resident set sampled from /proc every 100 ms,
// and the kernel's high-water mark (VmHWM) at the end. From source by node with tsx as a loader
// (PostGraphile's by Node 22), or (the API, `--production`) its bundle by plain node; and the
// time it took to be ready.
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, StartupPhases } from './server-process.ts';

export interface StartupTimes {
  /** From spawning the process to its first 200 answer to `GET <readiness path>`, ms. */
  readyMs: number;
  /** From spawning the process to its message that it listens, ms. */
  listeningMs: number;
  /** The process's own account, ms from its start: modules loaded, migrated, listening. */
  phases?: StartupPhases;
}

export interface ChildOptions {
  /** A compiled bundle (.mjs) to run by plain node instead of the script under tsx. */
  bundle?: string;
  /** Node options of the bundle's process (start:prod's). */
  nodeArgs?: string[];
  /** A path answering 200 once the server can serve (the API's /readiness); timed from the spawn. */
  readinessPath?: string;
  /** Where the child's stdout goes (a file descriptor): the production request log. Inherited otherwise. */
  stdout?: number;
  /** Another Node binary than the bench's own (PostGraphile's Node 22). */
  execPath?: string;
}

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
  /** Start-up times, when a readiness path was given. */
  startup?: StartupTimes;
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

/** Asks `url` every 20 ms until it answers 200. */
async function firstSuccess(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before ${url} answered 200`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startServerChild(script: 'api-server.ts' | 'baseline-server.ts' | 'postgraphile-server.ts', env: Record<string, string>, options: ChildOptions = {}): Promise<ServerChild> {
  const spawnedAt = performance.now();
  const child: ChildProcess = fork(options.bundle ?? fileURLToPath(new URL(script, import.meta.url)), [], {
    // Node itself runs the server (tsx as a loader), so the pid measured is the server's own;
    // a bundle, as production runs it: plain node, none of the bench's own node options.
    execArgv: options.bundle ? (options.nodeArgs ?? []) : ['--import', 'tsx'],
    ...(options.execPath ? { execPath: options.execPath } : {}),
    // `tsx` resolves from here, the bench package, whoever starts the bench (test/ does too).
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, ...env },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${code} before it was ready`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message);
    });
  });
  const listeningMs = performance.now() - spawnedAt;
  const { port } = ready;
  let startup: StartupTimes | undefined;
  try {
    if (options.readinessPath) {
      await firstSuccess(`http://127.0.0.1:${port}${options.readinessPath}`, child);
      startup = { readyMs: performance.now() - spawnedAt, listeningMs, phases: ready.phases };
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
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
    startup,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
