// The built console as the API process sends it: precompressed bytes to a browser that accepts
// them (brotli first, then gzip), the files themselves otherwise, and the security headers on
// every answer. Builds admin/dist first when it is stale (test/e2e/support/console.ts).
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { consoleDir, withConsole } from '@tepei/api/console';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../e2e/support/console.ts';
import { listen, type Listening, type RawResponse } from './http.ts';

let server: Listening;
let mainScript: string;

/** Stands in for yoga: the console must hand it every path that is not the console's. */
function api(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(418, { 'content-type': 'text/plain' }).end('api');
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  server = await listen(withConsole(api, consoleDir));
  mainScript = /<script type="module" crossorigin src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync(join(consoleDir, 'index.html'), 'utf8'))![1]!;
}, 900_000);

afterAll(async () => {
  await server?.close();
});

function expectSecurityHeaders(response: RawResponse): void {
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['permissions-policy']).toContain('camera=()');
}

describe('console delivery', () => {
  it('builds an index.html without inline scripts, so that script-src \'self\' is enough', () => {
    const html = readFileSync(join(consoleDir, 'index.html'), 'utf8');
    expect(html.match(/<script\b[^>]*>/g)!.every((tag) => /\bsrc="\/assets\//.test(tag))).toBe(true);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('sends brotli to a browser that accepts it, with the compressed length and Vary', async () => {
    const file = join(consoleDir, mainScript);
    const response = await server.get(mainScript, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBe(statSync(`${file}.br`).size);
    expect(response.body.length).toBeLessThan(statSync(file).size / 2);
    expect(brotliDecompressSync(response.body).equals(readFileSync(file))).toBe(true);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(response);
  });

  it('sends gzip when brotli is not accepted (absent or q=0)', async () => {
    const file = join(consoleDir, mainScript);
    for (const acceptEncoding of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const response = await server.get(mainScript, { 'accept-encoding': acceptEncoding });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(Number(response.headers['content-length'])).toBe(statSync(`${file}.gz`).size);
      expect(gunzipSync(response.body).equals(readFileSync(file))).toBe(true);
    }
  });

  it('sends the file itself to a client that accepts no compression', async () => {
    const file = join(consoleDir, mainScript);
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br;q=0' }] as Record<string, string>[]) {
      const response = await server.get(mainScript, headers);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(Number(response.headers['content-length'])).toBe(statSync(file).size);
      expect(response.body.equals(readFileSync(file))).toBe(true);
    }
  });

  it('puts the security headers on index.html, a client route and a missing asset, and keeps index.html fresh', async () => {
    const index = await server.get('/', { 'accept-encoding': 'br' });
    expect(index.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(index);
    const route = await server.get('/applications/some/show');
    expect(route.body.toString()).toContain('<div id="root">');
    expectSecurityHeaders(route);
    const missing = await server.get('/assets/missing-0000.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    // The API's paths still go to the API.
    expect((await server.get('/graphql')).status).toBe(418);
  });
});
