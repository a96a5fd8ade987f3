// Stored documents over HTTP: GET /files/documents/<id>?t=<signed token>, as forms.routes.ts
// serves the forms. Three locks, all required: the link's HMAC (made for this document, this
// user, and not expired: download-links.ts), the same user's `Authorization: Bearer` token,
// and the row rules checked again now. Every download and every refusal is audited before the
// answer leaves.
//
// The plugin also turns away, before yoga reads them, multipart requests to /graphql whose
// declared length could not hold an acceptable upload.
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { NodeServerContext } from '../../auth/client-address.ts';
import type { Clock } from '../../clock.ts';
import { type Context, contextFactory } from '../../context.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import { logger } from '../../logger.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { contentDisposition } from '../../file-responses.ts';
import { checkDownloadToken, documentPathPrefix, loadDownloadLinkSecret } from './download-links.ts';
import { documentForDownload } from './documents.service.ts';
import { maxDocumentBytes } from './file-content.ts';

const operation = 'downloadDocument';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One file of the cap, plus room for the operation, the map and the multipart framing. */
const maxMultipartBytes = maxDocumentBytes + 1024 * 1024;

const statusOfCode: Record<string, number> = { FORBIDDEN: 403, NOT_FOUND: 404 };

export function documentFilesPlugin(clock: Clock): Plugin {
  const contextOf = contextFactory(clock);
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      // Links are made by resolvers and checked below with the key every process shares. Without
      // it (the database unreachable) only links fail, and the next request tries again.
      await loadDownloadLinkSecret().catch((error: unknown) => logger.error({ err: error }, 'download link key not loaded'));
      if (request.method === 'POST' && /^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) {
        const length = Number(request.headers.get('content-length') ?? 0);
        if (length > maxMultipartBytes) {
          endResponse(problem(fetchAPI.Response, 413, 'REQUEST_ENTITY_TOO_LARGE', `上传文件不能超过 ${maxDocumentBytes / 1024 / 1024} MB`));
        }
        return;
      }
      if (!url.pathname.startsWith(documentPathPrefix)) return;
      // Errors thrown here would escape yoga altogether: answer every one of them.
      try {
        endResponse(await serve(request, url, await contextOf({ request, req: (serverContext as NodeServerContext | undefined)?.req } as YogaInitialContext & NodeServerContext), fetchAPI.Response));
      } catch (error) {
        logger.error({ err: error }, 'document download failed');
        endResponse(problem(fetchAPI.Response, 500, 'INTERNAL', '文件下载失败，请稍后重试'));
      }
    },
  };
}

async function serve(request: Request, url: URL, ctx: Context, Response: typeof globalThis.Response): Promise<Response> {
  const id = url.pathname.slice(documentPathPrefix.length).toLowerCase();
  if (!uuid.test(id)) return problem(Response, 404, 'NOT_FOUND', '文件不存在');
  if (request.method !== 'GET') return problem(Response, 405, 'METHOD_NOT_ALLOWED', '仅支持 GET 下载', { allow: 'GET' });
  const target = { type: 'Document', id };

  if (!ctx.actor) {
    await writeAudit(ctx, { operation, target, result: 'REFUSED', errorCode: 'UNAUTHENTICATED' });
    return problem(Response, 401, 'UNAUTHENTICATED', '请先登录', { 'www-authenticate': 'Bearer' });
  }
  const link = checkDownloadToken(url.searchParams.get('t'), id, ctx.actor.userId, ctx.now());
  if (link !== 'valid') {
    // Another user's link, an altered one and an expired one are all refused alike.
    await writeAudit(ctx, { operation, target, result: 'REFUSED', errorCode: 'FORBIDDEN', details: { link } });
    const message = link === 'expired' ? '下载链接已过期，请刷新页面后重新获取' : '下载链接无效，请刷新页面后重新获取';
    return problem(Response, 403, 'FORBIDDEN', message);
  }
  try {
    const document = await documentForDownload(ctx.actor, id);
    await writeAudit(ctx, {
      operation,
      target,
      result: 'SUCCESS',
      details: { kind: document.kind, applicationId: document.applicationId, areaId: document.areaId, bytes: document.bytes.length },
    });
    return new Response(new Uint8Array(document.bytes), {
      status: 200,
      headers: {
        'content-type': document.mimeType,
        'content-length': String(document.bytes.length),
        'content-disposition': contentDisposition(document.fileName, asciiName(document)),
        // Personal data: never kept by a browser or a proxy, never sniffed into something else.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'referrer-policy': 'no-referrer',
      },
    });
  } catch (error) {
    const expected = error instanceof DomainError;
    await writeAudit(ctx, { operation, target, result: expected ? 'REFUSED' : 'FAILED', errorCode: expected ? error.code : 'INTERNAL' });
    if (!expected) throw error;
    return problem(Response, statusOfCode[error.code] ?? 409, error.code, error.message);
  }
}

/** The plain-ASCII name for clients without RFC 5987: kind and id, with the stored extension. */
function asciiName(document: { id: string; kind: string; fileName: string }): string {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(document.fileName)?.[1] ?? 'bin';
  return `${document.kind.toLowerCase()}-${document.id}.${extension.toLowerCase()}`;
}

function problem(Response: typeof globalThis.Response, status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
