// The review console (admin/, built into admin/dist) served by the API's own process, so that
// one port answers both: /graphql and /files/* go to yoga, every other GET to the console's
// files, and a path that names no file (a client-side route such as /applications/…/show) to
// its index.html. Without a build, everything goes to yoga as before. Every answer of the console
// carries its security headers; a file precompressed at build time (admin/precompress.ts) is sent
// as .br or .gz to a browser that accepts it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export const consoleDir = fileURLToPath(new URL('../../admin/dist/', import.meta.url));

/** Whether `pnpm --filter @tepei/admin build` has written the console. */
export function consoleBuilt(dir = consoleDir): boolean {
  return existsSync(join(dir, 'index.html'));
}

const apiPath = /^\/(graphql|files)(\/|$)/;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Scripts only from this origin, no inline script; styles inline too, because MUI's emotion
 * writes <style> elements at run time. Blob workers: the Excel export zips in a worker
 * (fflate). GraphiQL (/graphql) is yoga's page and is not covered.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** Precompressed siblings, best first: `app.js.br`, then `app.js.gz`. */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export function withConsole(api: Handler, dir = consoleDir): Handler {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  return (request, response) => {
    const path = safePath(request.url);
    if (path === null || apiPath.test(path) || (request.method !== 'GET' && request.method !== 'HEAD') || !consoleBuilt(root)) {
      return api(request, response);
    }
    const file = resolve(root, `.${path}`);
    if (file.startsWith(root + sep) && isFile(file)) return send(request, response, file);
    // A missing asset is a 404; any other path is a route of the single-page console.
    if (extname(path) && path.startsWith('/assets/')) {
      response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
      return;
    }
    return send(request, response, index);
  };
}

function safePath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://console').pathname);
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The codings `accept-encoding` allows, q=0 excluded (RFC 9110 §12.5.3). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  if (accepted.has('*')) for (const { name } of encodings) accepted.add(name);
  return accepted;
}

function send(request: IncomingMessage, response: ServerResponse, file: string): void {
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  const encoding = encodings.find(({ name, suffix }) => accepted.has(name) && isFile(file + suffix));
  const served = encoding ? file + encoding.suffix : file;
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(served).size,
    ...(encoding ? { 'content-encoding': encoding.name } : {}),
    // Caches must keep the identity and the compressed answers apart.
    vary: 'Accept-Encoding',
    // Built assets carry a content hash in their names; index.html must always be fresh.
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(served).pipe(response);
}
