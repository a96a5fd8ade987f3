// Child process: the baseline — the same answers from hand-written SQL through `pg`, served
// by a bare node:http handler. It takes the same request bodies (the GraphQL variables are
// read, the document is not) and the same bearer tokens, at POST /<operation>.
import { createServer, type IncomingMessage } from 'node:http';
import pg from 'pg';
import { benchToday } from './round-data.ts';
import { actorForToken } from './baseline/actor.ts';
import { applicationDetail } from './baseline/application-detail.ts';
import { areaStatusCounts } from './baseline/area-status-counts.ts';
import { dashboard } from './baseline/dashboard.ts';
import { queuePage } from './baseline/queue-page.ts';
import { regionalSelection } from './baseline/regional-selection.ts';
import { serveForParent, tracked } from './server-process.ts';
import { installStatementCounter } from './statement-counter.ts';

const counter = installStatementCounter();
// Calendar dates stay 'YYYY-MM-DD' strings, as the GraphQL Date scalar prints them.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// The API's pool size on a server (prisma/src/database.ts).
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });

const handlers: Record<string, (actor: NonNullable<Awaited<ReturnType<typeof actorForToken>>>, variables: any) => Promise<unknown>> = {
  queue: (actor, variables) => queuePage(pool, actor, variables, benchToday),
  detail: (actor, variables) => applicationDetail(pool, actor, variables, benchToday),
  dashboard: (actor, variables) => dashboard(pool, actor, variables, benchToday),
  groupBy: (actor, variables) => areaStatusCounts(pool, actor, variables),
  select: (actor, variables) => regionalSelection(pool, actor, variables, benchToday),
};

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(tracked(async (request, response) => {
  try {
    const handler = handlers[(request.url ?? '').slice(1)];
    if (request.method !== 'POST' || !handler) {
      response.writeHead(404).end();
      return;
    }
    const { variables } = JSON.parse(await body(request)) as { variables?: Record<string, unknown> };
    const actor = await actorForToken(pool, request.headers.authorization, benchToday);
    if (!actor) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: '请先登录' }] }));
      return;
    }
    const result = await handler(actor, variables ?? {});
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
  } catch (error) {
    console.error(error);
    response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
  }
}));
await serveForParent(server, counter, undefined, () => pool.end());
