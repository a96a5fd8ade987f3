// The append-only audit log: one record for every mutation and every refused attempt. Nothing
// in the API updates or deletes a record.
import type { Prisma } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { seesPersonalIdentifiers } from '../../auth/personal-data.ts';
import { auditVisibleTo } from '../../auth/row-rules.ts';
import type { Context } from '../../context.ts';
import { inUnitOfWork, prisma } from '../../db.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import type { AuditResult, Role } from '@tepei/db/enums';
import { logger } from '../../logger.ts';
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
/** Response keys of the root mutation fields that already have their audit record. */
const recorded = new WeakMap<Context, Set<string>>();

function scopeOf(ctx: Context): string | null {
  const actor = ctx.actor;
  if (!actor) return null;
  if (actor.role === 'PREFECTURE') return `area:${actor.areaId}`;
  if (actor.role === 'EMPLOYER' || actor.role === 'APPLICANT') return `unit:${actor.unitId}`;
  return 'region';
}

/**
 * Writes one record. Inside a unit of work (db.ts) it is part of the unit's transaction, so it
 * commits with the change or not at all; outside one it stands alone.
 */
export function writeAudit(ctx: Context, entry: AuditEntry, responseKey?: string): Promise<void> {
  if (responseKey) {
    const keys = recorded.get(ctx) ?? new Set<string>();
    keys.add(responseKey);
    recorded.set(ctx, keys);
  }
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
  list.push(write.catch((error) => logger.error({ err: error, requestId: ctx.requestId }, 'audit write failed')));
  pending.set(ctx, list);
  return write;
}

/** Awaited before the response leaves, so a client never sees a result whose audit is missing. */
export async function flushAudit(ctx: Context): Promise<void> {
  const list = pending.get(ctx);
  if (list) await Promise.all(list);
}

interface ResultError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Readonly<Record<string, unknown>>;
}

/**
 * Records the refusals that never reached a field's resolver: variables the schema could not
 * coerce, an ID of another type, a scope check that threw. Called once a mutation operation has
 * been executed; a root field that failed without a record of its own gets a REFUSED one.
 */
export async function auditUnrecordedRefusals(
  ctx: Context,
  rootFields: ReadonlyArray<{ responseKey: string; fieldName: string }>,
  errors: ReadonlyArray<ResultError>,
): Promise<void> {
  const keys = recorded.get(ctx) ?? new Set<string>();
  const requestWide = errors.find((error) => !error.path?.length);
  for (const { responseKey, fieldName } of rootFields) {
    if (keys.has(responseKey)) continue;
    const error = requestWide ?? errors.find((candidate) => candidate.path?.[0] === responseKey);
    if (!error) continue;
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'BAD_USER_INPUT';
    await writeAudit(ctx, { operation: fieldName, result: 'REFUSED', errorCode: code }, responseKey);
  }
}

export interface AuditedOptions<Args, Prepared> {
  /** What the record keeps of the arguments (default: all of them, redacted). */
  details?: (args: Args) => unknown;
  /**
   * Work done before the unit of work opens, outside any transaction: checks whose traces must
   * stay although the mutation is refused (a counted sign-in attempt), and slow work that should
   * not hold a transaction (password hashing). Its result is handed to `resolve`.
   */
  prepare?: (args: Args, ctx: Context) => Promise<Prepared>;
}

/**
 * Wraps a mutation's resolver as one unit of work: the resolver's queries and the SUCCESS record
 * commit together or not at all. A domain error rolls the unit back and is recorded as REFUSED
 * (returned to the client as a typed error), anything else as FAILED; the outcome passes on
 * unchanged.
 */
export function audited<Args extends object, Result, Prepared = undefined>(
  operation: string,
  targetOf: (args: NoInfer<Args>) => AuditTarget | null,
  resolve: (args: Args, ctx: Context, prepared: NoInfer<Prepared>) => Promise<Result>,
  detailsOrOptions: ((args: NoInfer<Args>) => unknown) | AuditedOptions<NoInfer<Args>, Prepared> = {},
): (root: unknown, args: Args, ctx: Context, info?: { path: { key: string | number } }) => Promise<Result> {
  const options: AuditedOptions<Args, Prepared> = typeof detailsOrOptions === 'function' ? { details: detailsOrOptions } : detailsOrOptions;
  const detailsOf = options.details ?? ((args: Args) => args);
  return async (_root, args, ctx, info) => {
    const responseKey = info ? String(info.path.key) : undefined;
    const target = targetOf(args);
    try {
      const prepared = (options.prepare ? await options.prepare(args, ctx) : undefined) as Prepared;
      const result = await inUnitOfWork(async () => {
        const result = await resolve(args, ctx, prepared);
        // Sign-in and registration return the account under `user`.
        const shape = result as { id?: string; user?: { id?: string } } | null;
        const id = target?.id ?? shape?.id ?? shape?.user?.id ?? null;
        await writeAudit(
          ctx,
          { operation, target: target ? { ...target, id } : null, result: 'SUCCESS', details: detailsOf(args) },
          responseKey,
        );
        return result;
      });
      // Whatever changed, the dashboards of this process count it from now on.
      ctx.aggregates?.clear();
      return result;
    } catch (error) {
      const refused = error instanceof DomainError;
      // The unit has rolled back: this record stands alone.
      await writeAudit(
        ctx,
        { operation, target, result: refused ? 'REFUSED' : 'FAILED', errorCode: refused ? error.code : 'INTERNAL', details: detailsOf(args) },
        responseKey,
      );
      throw error;
    }
  };
}

// ───────────────────────────── reading the log ─────────────────────────────
// The `auditRecords` connection and the log's export (exports/audit-record-export.ts) read it
// through these: the same rows, in the same order, with the operator named the same way.

/** Who may read the log (auth/scopes.ts): regional admins and analysts. */
export const auditReaders = { wholeProgrammeReader: true } as const;

/** The `auditRecords` connection's filter (AuditFilter). */
export interface AuditFilter {
  operation?: string | null;
  actorUsername?: string | null;
  result?: AuditResult | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Newest first; the id is the keyset of the connection's cursor and of the export's batches. */
export const auditRecordsOrder = { id: 'desc' } as const satisfies Prisma.AuditRecordOrderByWithRelationInput;

/** The records the reader may see (row-rules.ts) that pass the filter. */
export function auditRecordsWhere(actor: Actor, filter: AuditFilter | null | undefined): Prisma.AuditRecordWhereInput {
  return {
    AND: [
      auditVisibleTo(actor),
      filter?.operation ? { operation: filter.operation } : {},
      filter?.actorUsername ? { actor: actorNamed(actor, filter.actorUsername) } : {},
      filter?.result ? { result: filter.result } : {},
      filter?.targetId ? { targetId: filter.targetId } : {},
      filter?.from || filter?.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {},
    ],
  };
}

/** An applicant's username is their ID number: analysts may look up staff accounts only. */
function actorNamed(actor: Actor, username: string): Prisma.UserWhereInput {
  return seesPersonalIdentifiers(actor) ? { username: username.trim() } : { username: username.trim(), role: { not: 'APPLICANT' } };
}

/** What the operator's name is read from. */
export const auditActorSelect = { actor: { select: { username: true, role: true } } } as const satisfies Prisma.AuditRecordSelect;

/** The operator as readers see them: applicants sign in with their ID number, so never show it. */
export function auditActorName(record: { actor: { username: string; role: Role } | null }): string | null {
  return record.actor ? (record.actor.role === 'APPLICANT' ? '申报人' : record.actor.username) : null;
}
