// Which PostgreSQL the process talks to. With DATABASE_URL: that server. Without it: an
// embedded PostgreSQL (PGlite) kept under ./data and served on a loopback port of its own,
// so that the one Prisma adapter (pg wire protocol) serves both.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { defaultDataDir } from './paths.ts';

export interface Database {
  /** Connection string for pg / @prisma/adapter-pg. */
  url: string;
  embedded: boolean;
  /** Pool size that is safe for this database (PGlite runs one query at a time). */
  poolSize: number;
  /**
   * Embedded only: writes a copy of the whole database to `file`, from which `loadFrom` starts
   * another one (the tests migrate and seed once, then each file starts from the copy).
   */
  dumpTo?(file: string): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnreachable extends Error {
  constructor(
    readonly host: string,
    readonly port: string,
    cause: string,
  ) {
    super(`无法连接数据库 ${host}:${port}（${cause}）。请检查 DATABASE_URL 与数据库服务是否已启动。`);
    this.name = 'DatabaseUnreachable';
  }
}

export class EmbeddedDatabaseInUse extends Error {
  constructor(dataDir: string, holder: number) {
    super(
      `嵌入式数据库 ${dataDir} 正被进程 ${holder}（如正在运行的 API）使用；请先停止它，或设置 DATABASE_URL。` +
        ` / the embedded database ${dataDir} is in use by process ${holder} (a running API?): stop it first, or set DATABASE_URL.`,
    );
    this.name = 'EmbeddedDatabaseInUse';
  }
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server; defaults to process.env.DATABASE_URL. */
  url?: string;
  /** Embedded only: a folder to persist in, or "memory" for a throw-away database. */
  dataDir?: string | 'memory';
  /** Embedded only, for a new database: start from a copy written by `dumpTo` instead of an empty one. */
  loadFrom?: string;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  // url: '' asks for the embedded database even when DATABASE_URL is set.
  if (url) {
    await assertReachable(url);
    return { url, embedded: false, poolSize: 10, close: async () => {} };
  }
  return openEmbedded(options.dataDir ?? process.env.TEPEI_DATA_DIR ?? defaultDataDir, options.loadFrom);
}

/** Fails fast, naming host and port, instead of letting the first query hang or throw a stack. */
export async function assertReachable(url: string, timeoutMs = 5000): Promise<void> {
  const { hostname, port } = new URL(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnreachable(hostname || 'localhost', port || '5432', reason);
  } finally {
    await client.end().catch(() => {});
  }
}

async function openEmbedded(dataDir: string, loadFrom?: string): Promise<Database> {
  let releaseLock = () => {};
  if (dataDir !== 'memory') {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
  }
  const loadDataDir = loadFrom ? await fs.openAsBlob(loadFrom) : undefined;
  const db = await PGlite.create({ dataDir: dataDir === 'memory' ? undefined : dataDir, loadDataDir });
  // Port 0: the system picks a free loopback port, never 5432 where a real server may run.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    embedded: true,
    // PGlite is one session: the socket server queues each protocol message, so two client
    // connections could interleave one another's Parse/Bind/Execute. One connection avoids it.
    poolSize: 1,
    async dumpTo(file) {
      // Written out, the copy starts without replaying the log.
      await db.exec('CHECKPOINT');
      const tarball = await db.dumpDataDir('none');
      fs.writeFileSync(file, new Uint8Array(await tarball.arrayBuffer()));
    },
    async close() {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/** Two processes on one PGlite folder would corrupt it: the second is told who holds it. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new EmbeddedDatabaseInUse(dataDir, holder);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

const procMounted = fs.existsSync('/proc/self/stat');

/**
 * Whether the lock's holder still runs. A process killed a moment ago stays in the process
 * table as a zombie (state Z, or X while being reaped) until its parent collects it, and
 * kill(pid, 0) still succeeds for it: restarting after a crash was refused for a second or two.
 */
function isAlive(pid: number): boolean {
  if (!procMounted) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process
    }
  }
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (command) state …": the command may hold spaces and parentheses.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}
