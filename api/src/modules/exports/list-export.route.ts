// GET /files/exports/<list>.xlsx: each ListExport (list-export.ts) served the same way, signed
// in with the `Authorization: Bearer` token of /graphql. The whole list the reader may see,
// filtered and sorted as its connection is, streamed as it is written. The success is audited
// before the first byte leaves, with the arguments and the row count; every refusal is audited
// as well, and a failure after the first bytes is audited and cuts the download short.
import { grantsScopes } from '../../auth/scope-check.ts';
import type { Context } from '../../context.ts';
import { ForbiddenError } from '../../errors/domain-errors.ts';
import { fileHeaders, problem, refused } from '../../file-responses.ts';
import { logger } from '../../logger.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { contentTypes } from '../forms/form-files.ts';
import { type ListExport, listQuery, listXlsx } from './list-export.ts';

/** What of an argument the audit record keeps. */
const auditedChars = 2000;

/** The handler of /files/exports/: each of `exports` at its path, any other path not found. */
export const listExportRoute =
  (exports: readonly ListExport<any, any>[]) =>
  (request: Request, url: URL, ctx: Context, Response: typeof globalThis.Response): Promise<Response> =>
    serveListExport(exports, request, url, ctx, Response);

async function serveListExport(
  exports: readonly ListExport<any, any>[],
  request: Request,
  url: URL,
  ctx: Context,
  Response: typeof globalThis.Response,
): Promise<Response> {
  const list = exports.find((candidate) => candidate.pathname === url.pathname.toLowerCase());
  if (!list) return problem(Response, 404, 'NOT_FOUND', '文件不存在');
  if (request.method !== 'GET') return problem(Response, 405, 'METHOD_NOT_ALLOWED', '仅支持 GET 下载', { allow: 'GET' });

  const audited = {
    operation: list.operation,
    target: { type: list.targetType, id: null },
    details: Object.fromEntries(Object.keys(list.parameters).map((name) => [name, url.searchParams.get(name)?.slice(0, auditedChars) ?? null])),
  };
  if (!ctx.actor) {
    await writeAudit(ctx, { ...audited, result: 'REFUSED', errorCode: 'UNAUTHENTICATED' });
    return problem(Response, 401, 'UNAUTHENTICATED', '请先登录', { 'www-authenticate': 'Bearer' });
  }
  const actor = ctx.actor;
  try {
    if (!(await grantsScopes(ctx, list.authScopes))) throw new ForbiddenError(list.refusal);
    const { total, batches } = await list.list(actor, listQuery(list.parameters, url.searchParams), ctx.now());
    const fileName = list.fileName(ctx.now());
    await writeAudit(ctx, { ...audited, result: 'SUCCESS', details: { ...audited.details, fileName, rows: total } });
    const body = listXlsx(actor, list, batches, ctx.now(), (error) => {
      logger.error({ err: error, operation: list.operation }, 'list export failed');
      void writeAudit(ctx, { ...audited, result: 'FAILED', errorCode: 'INTERNAL' });
    });
    return new Response(body, {
      status: 200,
      // No length: the file is written as it is sent. The row count lets the console say how many.
      headers: { ...fileHeaders(contentTypes.xlsx, fileName, list.asciiFileName(ctx.now())), 'x-total-count': String(total) },
    });
  } catch (error) {
    return refused(ctx, Response, error, audited);
  }
}
