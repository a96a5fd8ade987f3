// The form files over HTTP: GET /files/forms/… (form-paths.ts), and the applications list as
// Excel, GET /files/exports/applications.xlsx (exports/application-list-sheet.ts), signed in with
// the same `Authorization: Bearer` token as /graphql. A yoga plugin answers these paths before
// GraphQL sees the request and lets every other request through. Every download, and every
// refused attempt, is written to the audit log before the answer leaves.
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { NodeServerContext } from '../../auth/client-address.ts';
import { authScopesFor } from '../../auth/scopes.ts';
import type { Clock } from '../../clock.ts';
import { type Context, contextFactory } from '../../context.ts';
import { DomainError, ForbiddenError } from '../../errors/domain-errors.ts';
import { logger } from '../../logger.ts';
import { type AuditTarget, writeAudit } from '../audit/audit.service.ts';
import { applicationList, applicationListQuery, applicationListXlsx } from '../exports/application-list-export.ts';
import { applicationListExportPathname, applicationListExportPrefix, applicationListFileName } from '../exports/application-list-sheet.ts';
import { contentTypes, formFile } from './form-files.ts';
import { type FormRoute, matchFormPath } from './form-paths.ts';

const prefix = '/files/forms/';

/** The audit operation of each form's download. */
const operations: Record<FormRoute['form'], string> = {
  applicationForm: 'downloadForm2',
  hostPreferences: 'downloadForm3',
  unitReview: 'downloadForm4',
  summaryList: 'downloadForm5',
  certificate: 'downloadCertificate',
  completionList: 'downloadCompletionList',
};

const statusOfCode: Record<string, number> = { FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION_FAILED: 400 };

export function formFilesPlugin(clock: Clock): Plugin {
  const contextOf = contextFactory(clock);
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const answer = url.pathname.startsWith(prefix) ? serve : url.pathname.startsWith(applicationListExportPrefix) ? serveApplicationList : null;
      if (!answer) return;
      // Errors thrown here would escape yoga altogether: answer every one of them.
      try {
        endResponse(await answer(request, url, await contextOf({ request, req: (serverContext as NodeServerContext | undefined)?.req } as YogaInitialContext & NodeServerContext), fetchAPI.Response));
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
      headers: { ...fileHeaders(file.contentType, file.fileName, file.asciiFileName), 'content-length': String(file.bytes.length) },
    });
  } catch (error) {
    return refused(ctx, Response, error, { operation, target: requested, details });
  }
}

/**
 * The whole applications list the reader may see, filtered and sorted as the `applications`
 * connection is, streamed as it is written. Reviewers of every stage and analysts (masked) may
 * export; an applicant has no list. The success is audited before the first byte leaves, with
 * the row count; a failure after that is audited as well, and cuts the download short.
 */
async function serveApplicationList(request: Request, url: URL, ctx: Context, Response: typeof globalThis.Response): Promise<Response> {
  if (url.pathname.toLowerCase() !== applicationListExportPathname) return problem(Response, 404, 'NOT_FOUND', '文件不存在');
  if (request.method !== 'GET') return problem(Response, 405, 'METHOD_NOT_ALLOWED', '仅支持 GET 下载', { allow: 'GET' });

  const audited = {
    operation: 'exportApplications',
    target: { type: 'Application', id: null },
    details: { filter: url.searchParams.get('filter')?.slice(0, 2000) ?? null, orderBy: url.searchParams.get('orderBy')?.slice(0, 500) ?? null },
  };
  if (!ctx.actor) {
    await writeAudit(ctx, { ...audited, result: 'REFUSED', errorCode: 'UNAUTHENTICATED' });
    return problem(Response, 401, 'UNAUTHENTICATED', '请先登录', { 'www-authenticate': 'Bearer' });
  }
  const actor = ctx.actor;
  try {
    const scopes = authScopesFor(ctx);
    if (!scopes.reviewer && !scopes.wholeProgrammeReader) throw new ForbiddenError('仅审核人和数据分析账号可导出申报列表');
    const { total, batches } = await applicationList(actor, applicationListQuery(url.searchParams), ctx.now());
    const fileName = applicationListFileName(ctx.now());
    await writeAudit(ctx, { ...audited, result: 'SUCCESS', details: { ...audited.details, fileName, rows: total } });
    const body = applicationListXlsx(actor, batches, ctx.now(), (error) => {
      logger.error({ err: error }, 'applications export failed');
      void writeAudit(ctx, { ...audited, result: 'FAILED', errorCode: 'INTERNAL' });
    });
    return new Response(body, {
      status: 200,
      // No length: the file is written as it is sent. The row count lets the console say how many.
      headers: { ...fileHeaders(contentTypes.xlsx, fileName, fileName.replace('申报', 'applications')), 'x-total-count': String(total) },
    });
  } catch (error) {
    return refused(ctx, Response, error, audited);
  }
}

function fileHeaders(contentType: string, fileName: string, asciiFileName: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': contentDisposition(fileName, asciiFileName),
    // Personal data: never kept by a browser or a proxy.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** A domain error as its status and Chinese message, audited as refused; anything else audited as failed and thrown on. */
async function refused(
  ctx: Context,
  Response: typeof globalThis.Response,
  error: unknown,
  audited: { operation: string; target: AuditTarget; details: unknown },
): Promise<Response> {
  const expected = error instanceof DomainError;
  await writeAudit(ctx, { ...audited, result: expected ? 'REFUSED' : 'FAILED', errorCode: expected ? error.code : 'INTERNAL' });
  if (!expected) throw error;
  return problem(Response, statusOfCode[error.code] ?? 409, error.code, error.message);
}

function requestedTarget(route: FormRoute): AuditTarget {
  switch (route.form) {
    case 'applicationForm':
    case 'hostPreferences':
    case 'certificate':
      return { type: 'Application', id: route.applicationId };
    case 'unitReview':
      return { type: 'EmployerUnit', id: route.unitId };
    case 'summaryList':
      return route.areaId ? { type: 'Area', id: route.areaId } : { type: 'Round', id: null };
    case 'completionList':
      return { type: 'Round', id: null };
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
