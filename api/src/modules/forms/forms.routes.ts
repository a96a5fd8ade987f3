// The form files over HTTP: GET /files/forms/… (form-paths.ts), and whole lists as Excel,
// GET /files/exports/<list>.xlsx (exports/list-export.route.ts), signed in with the same
// `Authorization: Bearer` token as /graphql. A yoga plugin answers these paths before
// GraphQL sees the request and lets every other request through. Every download, and every
// refused attempt, is written to the audit log before the answer leaves.
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { NodeServerContext } from '../../auth/client-address.ts';
import type { Clock } from '../../clock.ts';
import { type Context, contextFactory } from '../../context.ts';
import { fileHeaders, problem, refused } from '../../file-responses.ts';
import { logger } from '../../logger.ts';
import { type AuditTarget, writeAudit } from '../audit/audit.service.ts';
import { applicationListExport } from '../exports/application-list-export.ts';
import { areaListExport } from '../exports/area-list-export.ts';
import { auditRecordListExport } from '../exports/audit-record-export.ts';
import { blacklistExport } from '../exports/blacklist-export.ts';
import { roundListExport } from '../exports/round-list-export.ts';
import { unitListExport } from '../exports/unit-list-export.ts';
import { userListExport } from '../exports/user-list-export.ts';
import { listExportPrefix } from '../exports/list-sheet.ts';
import { listExportRoute } from '../exports/list-export.route.ts';
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

/** The lists downloaded whole from /files/exports/. */
const serveList = listExportRoute([applicationListExport, auditRecordListExport, userListExport, unitListExport, areaListExport, roundListExport, blacklistExport]);

export function formFilesPlugin(clock: Clock): Plugin {
  const contextOf = contextFactory(clock);
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const answer = url.pathname.startsWith(prefix) ? serve : url.pathname.startsWith(listExportPrefix) ? serveList : null;
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
