// One cell of the matrix: autocannon at a number of concurrent clients for a few seconds,
// every response's latency kept (autocannon's own summary has no p95) and every answer checked
// for success, since GraphQL reports refusals with status 200.
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  path: string;
  token: string;
  /** The body of the next request; a function when each request differs (the selection pool). */
  body: string | (() => string | null);
  /** True when the response's body is the expected answer. */
  succeeded(body: string): boolean;
}

export interface CellResult {
  connections: number;
  responses: number;
  failures: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  seconds: number;
  /**
   * CPU per response during the cell (cpu.ts), ms: the server process's, and PostgreSQL's when it
   * runs apart from the server (null for PGlite, inside the API process). Absent in older runs.
   */
  cpuPerResponseMs?: { server: number; postgres: number | null };
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export async function runCell(request: LoadRequest, connections: number, durationSeconds: number, maxRequests?: number): Promise<CellResult> {
  const latencies: number[] = [];
  let failures = 0;
  let stopped = false;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: request.url,
    connections,
    duration: durationSeconds,
    ...(maxRequests !== undefined ? { maxOverallRequests: Math.max(maxRequests, connections) } : {}),
    requests: [
      {
        method: 'POST',
        path: request.path,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${request.token}`,
          'x-graphql-yoga-csrf': '1',
        },
        ...(typeof request.body === 'string'
          ? { body: request.body }
          : {
              setupRequest: (req: autocannon.Request) => {
                const body = (request.body as () => string | null)();
                if (body === null) {
                  // The pool ran out: stop rather than measure refusals.
                  if (!stopped) setImmediate(() => instance.stop());
                  stopped = true;
                  return { ...req, body: '{}' };
                }
                return { ...req, body };
              },
            }),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || !request.succeeded(body)) {
            if (!failures && !stopped) console.error(`    first failure (HTTP ${status}): ${body.slice(0, 300)}`);
            failures += 1;
          }
        },
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await finished;
  latencies.sort((a, b) => a - b);
  return {
    connections,
    responses: latencies.length,
    failures: failures + result.errors + result.timeouts,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    seconds: result.duration,
  };
}
