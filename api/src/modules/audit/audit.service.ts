// The append-only audit log: one record for every mutation and every refused attempt. Nothing
// in the API updates or deletes a record.
import type { Context } from '../../context.ts';
import { prisma } from '../../db.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import type { AuditResult } from '@tepei/db/enums';
import { redact } from './redact.ts';

export interface AuditTarget {
  type: string;
  id?: string | null;
}

export interface AuditEntry {
  operation: string;
  target?: AuditTarget | null;
  result: AuditResult;
  errorCode?: string | null;
  details?: unknown;
}

const pending = new WeakMap<Context, Promise<unknown>[]>();

function scopeOf(ctx: Context): string | null {
  const actor = ctx.actor;
  if (!actor) return null;
  if (actor.role === 'PREFECTURE') return `area:${actor.areaId}`;
  if (actor.role === 'EMPLOYER' || actor.role === 'APPLICANT') return `unit:${actor.unitId}`;
  return 'region';
}

export function writeAudit(ctx: Context, entry: AuditEntry): Promise<void> {
  const write = prisma.auditRecord
    .create({
      data: {
        at: ctx.now(),
        requestId: ctx.requestId,
        actorId: ctx.actor?.userId ?? null,
        actorRole: ctx.actor?.role ?? null,
        actorScope: scopeOf(ctx),
        operation: entry.operation,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        result: entry.result,
        errorCode: entry.errorCode ?? null,
        details: entry.details === undefined ? undefined : (redact(entry.details) as object),
      },
    })
    .then(() => undefined);
  const list = pending.get(ctx) ?? [];
  list.push(write.catch((error) => console.error('audit write failed', error)));
  pending.set(ctx, list);
  return write;
}

/** Awaited before the response leaves, so a client never sees a result whose audit is missing. */
export async function flushAudit(ctx: Context): Promise<void> {
  const list = pending.get(ctx);
  if (list) await Promise.all(list);
}

/**
 * Wraps a mutation's resolver: records SUCCESS, REFUSED (a domain error, returned to the
 * client as a typed error) or FAILED (unexpected), then passes the outcome on unchanged.
 */
export function audited<Args extends object, Result>(
  operation: string,
  targetOf: (args: NoInfer<Args>) => AuditTarget | null,
  resolve: (args: Args, ctx: Context) => Promise<Result>,
  detailsOf: (args: NoInfer<Args>) => unknown = (args) => args,
): (root: unknown, args: Args, ctx: Context) => Promise<Result> {
  return async (_root, args, ctx) => {
    const target = targetOf(args);
    try {
      const result = await resolve(args, ctx);
      // Sign-in and registration return the account under `user`.
      const shape = result as { id?: string; user?: { id?: string } } | null;
      const id = target?.id ?? shape?.id ?? shape?.user?.id ?? null;
      // Whatever changed, the dashboards of this process count it from now on.
      ctx.aggregates?.clear();
      await writeAudit(ctx, { operation, target: target ? { ...target, id } : null, result: 'SUCCESS', details: detailsOf(args) });
      return result;
    } catch (error) {
      const refused = error instanceof DomainError;
      await writeAudit(ctx, {
        operation,
        target,
        result: refused ? 'REFUSED' : 'FAILED',
        errorCode: refused ? error.code : 'INTERNAL',
        details: detailsOf(args),
      });
      throw error;
    }
  };
}
