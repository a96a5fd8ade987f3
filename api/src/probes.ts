// What a load balancer and a monitoring system ask, answered before the console and yoga see the
// request: no session, no audit, no GraphQL.
//   GET /health     liveness: the process answers.
//   GET /readiness  the database answers and every migration shipped in prisma/migrations is
//                   applied; 503 with the reason otherwise.
//   GET /metrics    Prometheus text, only with `Authorization: Bearer $METRICS_TOKEN`; without
//                   METRICS_TOKEN the route does not exist.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { migrationNames } from '@tepei/db/migrations';
import { prisma } from './db.ts';
import { logger } from './logger.ts';
import { metricsRegistry } from './metrics.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface ProbeOptions {
  /** The bearer token /metrics requires; /metrics answers 404 when there is none. */
  metricsToken?: string;
  /** The migrations the database must have applied (defaults to prisma/migrations' folders). */
  migrations?: readonly string[];
  /** How long /readiness waits for the database before calling it unreachable. */
  databaseTimeoutMs?: number;
}

export type Readiness = { status: 'ready' } | { status: 'not ready'; reason: string; pending?: string[] };

const probePaths = new Set(['/health', '/readiness', '/metrics']);

export function withProbes(next: Handler, options: ProbeOptions = {}): Handler {
  const migrations = options.migrations ?? migrationNames();
  const timeoutMs = options.databaseTimeoutMs ?? 3000;
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (!probePaths.has(path)) return next(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(request, response, 405, { status: 'method not allowed' }, { allow: 'GET, HEAD' });
    }
    if (path === '/health') return json(request, response, 200, { status: 'ok' });
    if (path === '/readiness') {
      return readiness(migrations, timeoutMs).then((state) => json(request, response, state.status === 'ready' ? 200 : 503, state));
    }
    return metrics(request, response, options.metricsToken);
  };
}

/** Whether this process can serve requests: the database answers and is fully migrated. */
export async function readiness(migrations: readonly string[], timeoutMs: number): Promise<Readiness> {
  let applied: Set<string>;
  try {
    applied = await withTimeout(appliedMigrations(), timeoutMs);
  } catch (error) {
    logger.error({ err: error }, 'readiness: database check failed');
    return { status: 'not ready', reason: '数据库不可达 / database unreachable' };
  }
  const pending = migrations.filter((name) => !applied.has(name));
  if (pending.length) return { status: 'not ready', reason: '数据库迁移未全部应用 / migrations not applied', pending };
  return { status: 'ready' };
}

async function appliedMigrations(): Promise<Set<string>> {
  // Finished and not rolled back: a failed migration leaves a row without finished_at.
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((row) => row.migration_name));
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function metrics(request: IncomingMessage, response: ServerResponse, token: string | undefined): Promise<void> {
  if (!token) return json(request, response, 404, { status: 'not found' });
  if (!bearerMatches(request.headers.authorization, token)) {
    return json(request, response, 401, { status: 'unauthorized' }, { 'www-authenticate': 'Bearer realm="metrics"' });
  }
  const body = await metricsRegistry.metrics();
  response.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function json(request: IncomingMessage, response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(request.method === 'HEAD' ? undefined : text);
}
