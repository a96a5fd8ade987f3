// The probes a load balancer and Prometheus ask, on the handler `pnpm start` listens with:
// answered before the console (built or not) and before yoga, /metrics only with its token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withConsole } from '@tepei/api/console';
import { withProbes } from '@tepei/api/probes';
import { migrationNames } from '@tepei/db/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { listen, type Listening } from './http.ts';

const metricsToken = 'test-metrics-token';

let api: TestApi;
let notBuilt: string;
let built: string;
let withoutConsole: Listening;
let withBuiltConsole: Listening;
let withoutToken: Listening;

beforeAll(async () => {
  api = await startApi();
  notBuilt = mkdtempSync(join(tmpdir(), 'console-none-'));
  // A console whose SPA fallback would answer every path with its index.html.
  built = mkdtempSync(join(tmpdir(), 'console-built-'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><div id="root"></div>');
  withoutConsole = await listen(withProbes(withConsole(api.yoga, notBuilt), { metricsToken }));
  withBuiltConsole = await listen(withProbes(withConsole(api.yoga, built), { metricsToken }));
  withoutToken = await listen(withProbes(withConsole(api.yoga, built)));
});

afterAll(async () => {
  await withoutConsole?.close();
  await withBuiltConsole?.close();
  await withoutToken?.close();
  await api?.close();
  for (const dir of [notBuilt, built]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function json(response: { body: Buffer }): unknown {
  return JSON.parse(response.body.toString('utf8'));
}

describe('probes and metrics', () => {
  it('answers /health with JSON whether or not the console is built, never with its index.html', async () => {
    for (const server of [withoutConsole, withBuiltConsole]) {
      const response = await server.get('/health');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('application/json');
      expect(json(response)).toEqual({ status: 'ok' });
    }
    // The SPA fallback still answers the console's own routes.
    expect((await withBuiltConsole.get('/applications')).body.toString()).toContain('<div id="root">');
  });

  it('reports ready on a database with every shipped migration applied', async () => {
    for (const server of [withoutConsole, withBuiltConsole]) {
      const response = await server.get('/readiness');
      expect(response.status).toBe(200);
      expect(json(response)).toEqual({ status: 'ready' });
    }
  });

  it('refuses /metrics without the bearer token, and has no /metrics at all without METRICS_TOKEN', async () => {
    const missing = await withBuiltConsole.get('/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toContain('Bearer');
    expect(missing.body.toString()).not.toContain('process_cpu');
    expect((await withBuiltConsole.get('/metrics', { authorization: `Bearer ${metricsToken}x` })).status).toBe(401);
    expect((await withBuiltConsole.get('/metrics', { authorization: metricsToken })).status).toBe(401);
    const disabled = await withoutToken.get('/metrics', { authorization: `Bearer ${metricsToken}` });
    expect(disabled.status).toBe(404);
    expect(disabled.body.toString()).not.toContain('process_cpu');
  });

  it('serves Prometheus text with yoga request, error and root-resolver metrics and process metrics', async () => {
    const post = (query: string) =>
      fetch(`${withBuiltConsole.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.json());
    expect(await post('query Probe { health { ok } }')).toMatchObject({ data: { health: { ok: true } } });
    expect(await post('query Broken { health { noSuchField } }')).toHaveProperty('errors');

    const response = await withBuiltConsole.get('/metrics', { authorization: `Bearer ${metricsToken}` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body.toString();
    expect(text).toMatch(/^graphql_envelop_request\{[^}]*operationName="Probe"[^}]*\} [1-9]/m);
    expect(text).toMatch(/^graphql_envelop_request_duration_count\{[^}]*operationName="Probe"[^}]*\} [1-9]/m);
    expect(text).toMatch(/^graphql_yoga_http_duration_count\{[^}]*operationName="Probe"[^}]*\} [1-9]/m);
    expect(text).toMatch(/^graphql_envelop_execute_resolver_count\{[^}]*fieldName="health"[^}]*typeName="Query"[^}]*\} [1-9]/m);
    expect(text).toMatch(/^graphql_envelop_error_result\{[^}]*operationName="Broken"[^}]*\} [1-9]/m);
    // Only root fields are timed; full URLs are no label.
    expect(text).not.toMatch(/typeName="Health"/);
    expect(text).not.toMatch(/url="/);
    // Series nobody reads, each work on every request, are not kept (metrics.ts).
    for (const unread of ['graphql_envelop_deprecated_field', 'graphql_envelop_request_time_summary', 'graphql_envelop_phase_parse', 'graphql_envelop_phase_validate', 'graphql_envelop_phase_execute']) {
      expect(text).not.toContain(unread);
    }
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('answers 503 with the missing migration when the database lacks one shipped in prisma/migrations', async () => {
    const newest = migrationNames().at(-1)!;
    await api.prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${newest}`;
    const response = await withBuiltConsole.get('/readiness');
    expect(response.status).toBe(503);
    expect(json(response)).toEqual({ status: 'not ready', reason: expect.stringContaining('migrations not applied'), pending: [newest] });
    // Liveness does not depend on the database.
    expect((await withBuiltConsole.get('/health')).status).toBe(200);
  });
});
