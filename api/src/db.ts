// The one Prisma client of the process. It is bound once at start (main.ts, or a test's
// setup) to whichever database `openDatabase` chose, and imported from here everywhere.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { createDatabasePool, createPrismaClient, type DatabasePool, type Prisma, type PrismaClient, transactionOptions } from '@tepei/db/client';
import type { Database } from '@tepei/db/database';

let client: PrismaClient | undefined;
/** The client's connections, shared with the statements sent without Prisma (readStatement). */
let pool: DatabasePool | undefined;

/** Options of every transaction (prisma/src/client.ts says why they are not Prisma's defaults). */
export { transactionOptions } from '@tepei/db/client';

export function connectPrisma(database: Pick<Database, 'url' | 'poolSize' | 'embedded'>): PrismaClient {
  pool = createDatabasePool(database);
  prepares = !database.embedded;
  client = createPrismaClient(database, pool);
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  // The client owns the pool and ends it.
  await client?.$disconnect();
  client = undefined;
  pool = undefined;
}

function boundClient(): PrismaClient {
  if (!client) throw new Error('Prisma client used before connectPrisma()');
  return client;
}

// ───────────────────────────── the unit of work ─────────────────────────────
// A mutation is one unit of work: the `audited` wrapper (modules/audit/audit.service.ts) opens
// one transaction for it, and every query the service makes through `prisma` — including its
// own `prisma.$transaction(...)` blocks, which join the unit instead of opening another — and
// the SUCCESS audit row run in it. So the change and its audit row commit together or not at all.

const currentUnit = new AsyncLocalStorage<Prisma.TransactionClient>();

/** Runs `work` as one transaction; inside another unit of work it simply joins that one. */
export function inUnitOfWork<T>(work: () => Promise<T>): Promise<T> {
  if (currentUnit.getStore()) return work();
  return boundClient().$transaction(
    (tx) =>
      currentUnit.run(tx, async () => {
        const result = await work();
        await bumpDataVersion(tx);
        return result;
      }),
    transactionOptions,
  );
}

// ───────────────────────────── the data version ─────────────────────────────
// Several API processes may share one database, each keeping dashboard aggregates
// (modules/analytics/aggregate-cache.ts). Every unit of work adds one to the one DataVersion row
// as its last statement, so the new version commits with the change or not at all, and a process
// that reads a newer version knows that what it keeps is older than the database. The row lock
// is taken last and held only while committing: units wait on it for no longer than that.

function bumpDataVersion(tx: Prisma.TransactionClient): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "DataVersion" (id, version) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET version = "DataVersion".version + 1`;
}

/** The version of the data: how many units of work have committed (0 before the first). */
export async function dataVersion(): Promise<bigint> {
  const row = await prisma.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? 0n;
}

// ───────────────────────────── statements sent without Prisma ─────────────────────────────
// A shaped read (shaped-reads/) is one large statement whose text depends only on what the page
// selects. Sent through Prisma's raw query, PostgreSQL parses and plans its 5–10 kB of SQL on
// every request (1–2 ms of the database's CPU per page) and the API maps it through Prisma's raw
// path. Outside a unit of work it goes to the pool as a named prepared statement instead (on a
// PostgreSQL server; see `prepares`): each connection parses it once, and PostgreSQL keeps its
// plan. Names are the text's hash, so one name never means two texts; a process prepares at most
// `preparedStatementLimit` texts (each is kept by every connection of the pool until it closes),
// any more run unnamed.

/** Distinct statement texts a process prepares; an analyst's ad-hoc selections beyond them run unnamed. */
export const preparedStatementLimit = 32;
/**
 * Not on the embedded database: PGlite's socket serves every connection from its one session, so
 * a statement one connection prepared exists for the others and outlives its connection, and
 * another connection's Parse of the same name fails ("already exists").
 */
let prepares = false;

/** The names of the texts prepared, by text: each text is hashed once. */
const preparedNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  if (!prepares) return undefined;
  const known = preparedNames.get(text);
  if (known) return known;
  if (preparedNames.size >= preparedStatementLimit) return undefined;
  const name = `tepei_${createHash('sha1').update(text).digest('base64url')}`;
  preparedNames.set(text, name);
  return name;
}

/**
 * The rows of one read-only statement: in the open unit of work (or snapshot) when there is one,
 * through its transaction; otherwise on the pool, prepared (above).
 */
export async function readStatement<Row>(text: string, values: readonly unknown[]): Promise<Row[]> {
  const unit = currentUnit.getStore();
  if (unit) return unit.$queryRawUnsafe<Row[]>(text, ...values);
  if (!pool) throw new Error('Statement sent before connectPrisma()');
  const result = await pool.query({ name: statementName(text), text, values: values as unknown[] });
  return result.rows as Row[];
}

/**
 * Runs `work`'s reads on one snapshot of the database (a REPEATABLE READ transaction),
 * so figures counted by several queries all count the same committed changes. Inside a unit of
 * work it reads that unit's own view. The embedded database's one connection is the unit's
 * while it runs, so other queries wait for it as they wait for a unit of work.
 */
export function onOneSnapshot<T>(work: () => Promise<T>): Promise<T> {
  if (currentUnit.getStore()) return work();
  // It binds `prisma` to its transaction the way a unit of work does; it only reads.
  return boundClient().$transaction((tx) => currentUnit.run(tx, work), { ...transactionOptions, isolationLevel: 'RepeatableRead' });
}

/**
 * `$transaction` as services call it, answered by the open unit: the callback form gets the
 * unit's client, the array form runs its queries in it one after the other.
 */
function joinedTransaction(tx: Prisma.TransactionClient) {
  return async (work: unknown) => {
    if (typeof work === 'function') return (work as (client: Prisma.TransactionClient) => Promise<unknown>)(tx);
    const results: unknown[] = [];
    for (const query of work as Promise<unknown>[]) results.push(await query);
    return results;
  };
}

function forward(target: object, property: string | symbol) {
  const value = Reflect.get(target, property, target);
  return typeof value === 'function' ? value.bind(target) : value;
}

/**
 * The client every module imports: the open unit of work's transaction when there is one, else
 * the bound client. Modules can import it before the database is chosen.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const unit = currentUnit.getStore();
    if (unit) return property === '$transaction' ? joinedTransaction(unit) : forward(unit, property);
    return forward(boundClient(), property);
  },
  // Pothos looks model delegates up with `in`.
  has(_target, property) {
    return Reflect.has(boundClient(), property);
  },
});

/**
 * The bound client, never the open unit of work: for what must stay recorded although the unit
 * rolls back (an audited refusal, a counted sign-in attempt). Never call it while a unit is open
 * on the embedded database: it has one connection, and the unit holds it.
 */
export function prismaOutsideUnitOfWork(): PrismaClient {
  if (currentUnit.getStore()) throw new Error('prismaOutsideUnitOfWork() called inside a unit of work');
  return boundClient();
}
