// The form files over HTTP: GET /files/forms/… (form-paths.ts), signed in with the same
// `Authorization: Bearer` token as /graphql. A yoga plugin answers these paths before GraphQL
// sees the request and lets every other request through. Every download, and every refused
// attempt, is written to the audit log before the answer leaves.
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { NodeServerContext } from '../../auth/client-address.ts';
import type { Clock } from '../../clock.ts';
import { type Context, contextFactory } from '../../context.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import { logger } from '../../logger.ts';
import { type AuditTarget, writeAudit } from '../audit/audit.service.ts';
import { formFile } from './form-files.ts';
import { type FormRoute, matchFormPath } from './form-paths.ts';

const prefix = '/files/forms/';

/** The audit operation of each form's download. */
const operations: Record<FormRoute['form'], string> = {
  applicationForm: 'downloadForm2',
  hostPreferences: 'downloadForm3',
  unitReview: 'downloadForm4',
  summaryList: 'downloadForm5',
};

const statusOfCode: Record<string, number> = { FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION_FAILED: 400 };

export function formFilesPlugin(clock: Clock): Plugin {
  const contextOf = contextFactory(clock);
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (!url.pathname.startsWith(prefix)) return;
      // Errors thrown here would escape yoga altogether: answer every one of them.
      try {
        endResponse(await serve(request, url, await contextOf({ request, req: (serverContext as NodeServerContext | undefined)?.req } as YogaInitialContext & NodeServerContext), fetchAPI.Response));
      } catch (error) {
        logger.error({ err: error }, 'form file failed');
        endResponse(problem(fetchAPI.Response, 500, 'INTERNAL', '文件生成失败，请稍后重试'));
      }
    },
  };
}

async function serve(request: Request, url: URL, ctx: Context, Response: typeof globalThis.Response): Promise<Response> {
  const route = matchFormPath(url.pathname);
  if (!route) return problem(Response, 404, 'NOT_FOUND', '文件不存在');
  if (request.method !== 'GET') return problem(Response, 405, 'METHOD_NOT_ALLOWED', '仅支持 GET 下载', { allow: 'GET' });

  const operation = operations[route.form];
  const round = url.searchParams.get('round')?.slice(0, 16) ?? null;
  const details = { round, ...('format' in route ? { format: route.format } : {}) };
  const requested = requestedTarget(route);
  if (!ctx.actor) {
    await writeAudit(ctx, { operation, target: requested, result: 'REFUSED', errorCode: 'UNAUTHENTICATED', details });
    return problem(Response, 401, 'UNAUTHENTICATED', '请先登录', { 'www-authenticate': 'Bearer' });
  }
  try {
    const file = await formFile(ctx.actor, route, round, ctx.now());
    await writeAudit(ctx, { operation, target: file.target, result: 'SUCCESS', details: { ...details, fileName: file.fileName, bytes: file.bytes.length } });
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.bytes.length),
        'content-disposition': contentDisposition(file.fileName, file.asciiFileName),
        // Personal data: never kept by a browser or a proxy.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    const expected = error instanceof DomainError;
    await writeAudit(ctx, {
      operation,
      target: requested,
      result: expected ? 'REFUSED' : 'FAILED',
      errorCode: expected ? error.code : 'INTERNAL',
      details,
    });
    if (!expected) throw error;
    return problem(Response, statusOfCode[error.code] ?? 409, error.code, error.message);
  }
}

function requestedTarget(route: FormRoute): AuditTarget {
  switch (route.form) {
    case 'applicationForm':
    case 'hostPreferences':
      return { type: 'Application', id: route.applicationId };
    case 'unitReview':
      return { type: 'EmployerUnit', id: route.unitId };
    case 'summaryList':
      return route.areaId ? { type: 'Area', id: route.areaId } : { type: 'Round', id: null };
  }
}

/** RFC 6266 with an RFC 5987 UTF-8 name, and a plain ASCII one for clients that lack it. */
export function contentDisposition(fileName: string, asciiFileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

function problem(Response: typeof globalThis.Response, status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
