// Real API processes, as `pnpm start` runs them (api/src/main.ts), on a database of the test's:
// for what several processes on one PostgreSQL server must share. The embedded database serves
// only the process that opened it, so tests using these run on a server only.
//
//   const a = await startApiProcess({ databaseUrl: db.url });
//   await fetch(`http://127.0.0.1:${a.port}/graphql`, …);
//   await a.stop();
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiProcess {
  port: number;
  child: ChildProcess;
  /** What it printed so far, stdout and stderr together. */
  output(): string;
  /** SIGTERM, then waits for it to exit (main.ts closes the server and the database first). */
  stop(): Promise<void>;
}

/** Builds api/dist (api/build.ts) as `pnpm build` does. */
export function buildApiBundle(): void {
  execFileSync(`${root}api/node_modules/.bin/tsx`, ['build.ts'], { cwd: `${root}api`, stdio: 'pipe' });
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts main.ts on `databaseUrl` and resolves once it listens. It migrates the database and
 * seeds demo data into an empty one, as `pnpm start` does; `env` adds to (or, with undefined,
 * removes from) the test's environment. Start processes one after the other: each checks the
 * migrations at start.
 */
export async function startApiProcess(options: {
  databaseUrl: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** `bundle`: api/dist/main.mjs run by node, as `pnpm start:prod` does (build it first: `buildApiBundle`). */
  entry?: 'source' | 'bundle';
}): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl, PORT: String(port) };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const [command, ...args] = options.entry === 'bundle' ? [process.execPath, 'api/dist/main.mjs'] : [`${root}api/node_modules/.bin/tsx`, 'api/src/main.ts'];
  const child = spawn(command!, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started: ApiProcess = {
    port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API process did not listen on ${port} within 90 s: ${output}`)), 90_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`localhost:${port}/graphql`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API process exited with ${code}: ${output}`));
    });
  });
  return started;
}
