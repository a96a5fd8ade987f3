// What the bench's server processes share: the statement counter, the IPC protocol with the
// parent (ready with the port; "stats" answered with the statements so far), and shutdown.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { StatementCounter } from './statement-counter.ts';

export type ParentMessage = 'stats' | 'stop';
/** Milliseconds from the process's start (performance.timeOrigin) to each step of its start. */
export interface StartupPhases {
  /** Every module imported (and, under tsx, compiled). */
  loadedMs: number;
  /** Pending migrations applied (production start only). */
  migratedMs?: number;
  /** The server listens. */
  listeningMs?: number;
  /** CPU time (user + system) the process had used when it listened: the start's cost on a core of its own. */
  cpuMs?: number;
  /** Its memory when it listened, MB: resident set, V8 heap used and total, external (array buffers, WebAssembly). */
  memoryMb?: { rss: number; heapUsed: number; heapTotal: number; external: number };
}

export type ChildMessage = { type: 'ready'; port: number; phases?: StartupPhases } | { type: 'stats'; statements: number; inFlight: number; memory: NodeJS.MemoryUsage };

/**
 * Requests still being handled. The load generator stops without waiting for them and closes
 * their sockets, but a handler (a selection's transaction) runs on to its end: a request counts
 * until its response is sent and its handler has returned — or, for a handler that never
 * settles once its client is gone (yoga's), until its socket has closed.
 */
let inFlight = 0;

export function tracked(handler: (request: IncomingMessage, response: ServerResponse) => unknown) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    response.once('close', () => {
      // Sent in full: the handler has done its work. Aborted: give it a moment to finish.
      if (response.writableFinished) done();
      else setTimeout(done, 2000).unref();
    });
    try {
      await handler(request, response);
    } finally {
      done();
    }
  };
}

export async function serveForParent(server: Server, counter: StatementCounter, phases: StartupPhases | undefined, close: () => Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  if (phases) {
    phases.listeningMs = performance.now();
    const cpu = process.cpuUsage();
    phases.cpuMs = (cpu.user + cpu.system) / 1000;
    const memory = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    phases.memoryMb = { rss: mb(memory.rss), heapUsed: mb(memory.heapUsed), heapTotal: mb(memory.heapTotal), external: mb(memory.external) };
  }
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  process.on('message', async (message: ParentMessage) => {
    if (message === 'stats') process.send!({ type: 'stats', statements: counter.count, inFlight, memory: process.memoryUsage() } satisfies ChildMessage);
    if (message === 'stop') {
      server.closeAllConnections();
      server.close();
      await close();
      process.exit(0);
    }
  });
  // The parent going away ends the child too.
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', port: address.port, phases } satisfies ChildMessage);
}
