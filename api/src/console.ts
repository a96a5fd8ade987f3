// The review console (admin/, built into admin/dist) served by the API's own process, so that
// one port answers both: /graphql and /files/* go to yoga, every other GET to the console's
// files, and a path that names no file (a client-side route such as /applications/…/show) to
// its index.html. Without a build, everything goes to yoga as before.
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
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
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

function send(request: IncomingMessage, response: ServerResponse, file: string): void {
  const extension = extname(file);
  response.writeHead(200, {
    'content-type': contentTypes[extension] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    // Built assets carry a content hash in their names; index.html must always be fresh.
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
