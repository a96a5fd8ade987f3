// How the API's file routes (forms.routes.ts, documents.routes.ts, exports/list-export.route.ts)
// answer over HTTP: a file's headers, and a refusal as a GraphQL-shaped error in Chinese with
// its status, audited as the GraphQL fields audit theirs.
import type { Context } from './context.ts';
import { DomainError, ValidationFailedError } from './errors/domain-errors.ts';
import { type AuditTarget, writeAudit } from './modules/audit/audit.service.ts';

const statusOfCode: Record<string, number> = { FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION_FAILED: 400 };

export function fileHeaders(contentType: string, fileName: string, asciiFileName: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': contentDisposition(fileName, asciiFileName),
    // Personal data: never kept by a browser or a proxy.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** A domain error as its status and Chinese message, audited as refused; anything else audited as failed and thrown on. */
export async function refused(
  ctx: Context,
  Response: typeof globalThis.Response,
  error: unknown,
  audited: { operation: string; target: AuditTarget; details: unknown },
): Promise<Response> {
  const expected = error instanceof DomainError;
  await writeAudit(ctx, { ...audited, result: expected ? 'REFUSED' : 'FAILED', errorCode: expected ? error.code : 'INTERNAL' });
  if (!expected) throw error;
  // Each problem at its path, as a ValidationFailedError's `problems` in a GraphQL answer.
  const extensions = error instanceof ValidationFailedError ? { problems: error.problems } : {};
  return problem(Response, statusOfCode[error.code] ?? 409, error.code, error.message, {}, extensions);
}

/** RFC 6266 with an RFC 5987 UTF-8 name, and a plain ASCII one for clients that lack it. */
export function contentDisposition(fileName: string, asciiFileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function problem(
  Response: typeof globalThis.Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
