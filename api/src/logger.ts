// The process's log: JSON lines on stdout (pino), one per HTTP request and one per event worth
// an operator's attention. Nothing a client sent is logged as it came — no bodies, no GraphQL
// variables, no query strings, no headers but the request id — and free text we do log (an
// error's message and stack) has ID and phone numbers masked (audit/redact.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import { config } from './config.ts';
import { redactText } from './modules/audit/redact.ts';

export const logger = pino({
  level: config.logLevel,
  base: { pid: process.pid },
  // Belt and braces: no code here logs headers, but a future one must not leak these.
  redact: {
    paths: ['headers.authorization', 'headers.cookie', 'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    censor: '[redacted]',
  },
  serializers: { err: errorForLog },
});

/** An error as logged: its kind, code, message and stack, identifiers masked. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactText(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: redactText(error.message),
    stack: error.stack ? redactText(error.stack) : undefined,
    ...(error.cause ? { cause: errorForLog(error.cause) } : {}),
  };
}

/** A client's own id for its request, when it is a plain token of at most 64 characters. */
const clientRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFrom(header: string | null | undefined): string {
  return header && clientRequestId.test(header) ? header : randomUUID();
}

const requestIds = new WeakMap<object, string>();

/** The id `withRequestLog` gave node's request: the one its x-request-id header carries back. */
export function requestIdOf(request: object | undefined): string | undefined {
  return request ? requestIds.get(request) : undefined;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * Gives each request its id (the client's x-request-id when acceptable), answers it in the
 * x-request-id header — the same id the GraphQL context and so the audit record get
 * (context.ts) — and logs one line when the response is finished or abandoned.
 */
export function withRequestLog(next: Handler): Handler {
  return (request, response) => {
    const header = request.headers['x-request-id'];
    const requestId = requestIdFrom(Array.isArray(header) ? header[0] : header);
    requestIds.set(request, requestId);
    response.setHeader('x-request-id', requestId);
    const started = performance.now();
    response.once('close', () => {
      const line = {
        requestId,
        method: request.method,
        path: (request.url ?? '/').split('?')[0]!.slice(0, 200),
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (response.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    return next(request, response);
  };
}
