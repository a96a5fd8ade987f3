// Child process: PostGraphile 5 (amber preset, grafserv on node:http) on the bench database,
// run by Node 22 (bench/node22). It authenticates the same bearer tokens as the API, by the
// baseline's session look-up (baseline/actor.ts), and answers as the prefecture reviewer's
// PostgreSQL role with the reviewer's area as a setting, so that row-level security
// (postgraphile/row-security.ts) applies the area rule. Other roles are refused: the bench
// measures the prefecture's pages only. Same pool size as the API and the baseline (10).
import { createServer, type IncomingMessage } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import type { Actor } from '@tepei/api/auth/actor';
import { actorForToken } from './baseline/actor.ts';
import { benchToday } from './bench-today.ts';
import { areaSetting, prefectureRole } from './postgraphile/row-security.ts';
import { serveForParent, tracked } from './server-process.ts';
import { installStatementCounter } from './statement-counter.ts';

const counter = installStatementCounter();
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });

// Who sent each request: looked up before grafserv sees it, read by Grafast's context.
const actors = new WeakMap<IncomingMessage, Actor>();

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphiql: false },
  grafast: {
    context(requestContext) {
      const actor = actors.get(requestContext.node!.req)!;
      return { pgSettings: { role: prefectureRole, [areaSetting]: actor.areaId! } };
    },
  },
});
const handler = pgl.createServ(grafserv).createHandler();

const server = createServer(tracked(async (request, response) => {
  const actor = await actorForToken(pool, request.headers.authorization, benchToday);
  if (actor?.role !== 'PREFECTURE' || !actor.areaId) {
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: '仅限已登录的地州市审核人员' }] }));
    return;
  }
  actors.set(request, actor);
  // grafserv answers asynchronously: the request counts until its response is closed.
  await new Promise<void>((resolve) => {
    response.once('close', resolve);
    handler(request, response);
  });
}));
await serveForParent(server, counter, undefined, async () => {
  await pgl.release();
  await pool.end();
});
