// What a client sees of an error that no resolver turned into a typed result. Input the
// boundary (input-boundary.plugin.ts) did not foresee but a library refused — a Pothos check of
// a global ID's type or a cursor, a value Prisma or PostgreSQL cannot take — is still the
// client's input: it is answered as BAD_USER_INPUT without echoing the input. A business
// refusal (a DomainError) that a field's result union does not list is still a refusal, not a
// fault: it is answered with its own Chinese message and code, and logged as a gap in that
// union. Anything else stays masked as unexpected (yoga's default), its cause logged on the
// server only.
import { PothosValidationError } from '@pothos/core';
import { Prisma } from '@tepei/db/client';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaLogger } from 'graphql-yoga';
import { logger } from '../logger.ts';
import { DomainError } from './domain-errors.ts';
import { redactText } from '../modules/audit/redact.ts';

/** Prisma's codes for a value the column cannot hold (bad UUID, too long, out of range…). */
const inputErrorCodes = new Set(['P2000', 'P2005', 'P2006', 'P2007', 'P2019', 'P2020', 'P2023', 'P2033']);

export function isClientInputError(error: unknown): boolean {
  if (error instanceof PothosValidationError) return true;
  if (error instanceof Prisma.PrismaClientValidationError) return true;
  return error instanceof Prisma.PrismaClientKnownRequestError && inputErrorCodes.has(error.code);
}

export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  // Pothos' own checks are GraphQLErrors, which yoga would pass on as they are, ID included.
  const original = error instanceof PothosValidationError ? error : error instanceof GraphQLError ? error.originalError : error;
  if (original && isClientInputError(original)) {
    return new GraphQLError('输入有误：标识、分页游标或数值的格式不正确', {
      path: error instanceof GraphQLError ? error.path : undefined,
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (original instanceof DomainError) {
    const path = error instanceof GraphQLError ? error.path : undefined;
    yogaLog.warn({ code: original.code, path }, 'a domain error outside the result union of its field; add it to the field\'s errors');
    return new GraphQLError(original.message, {
      path,
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      extensions: { code: original.code },
    });
  }
  return yogaMaskError(error, message, isDev);
}

/** Yoga's own lines in the log (exported for tests that check what is, and is not, logged). */
export const yogaLog = logger.child({ component: 'yoga' });

/** Yoga's arguments as one pino line: the errors among them serialized, the rest as the message. */
function logLine(level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]): void {
  const errors = args.filter((arg) => arg instanceof Error);
  const message = args
    .filter((arg) => !(arg instanceof Error))
    .map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)))
    .join(' ');
  const text = message || errors[0]?.message || '';
  if (errors.length) yogaLog[level]({ err: errors[0], ...(errors.length > 1 ? { more: errors.slice(1) } : {}) }, redactText(text));
  else yogaLog[level](redactText(text));
}

/**
 * Yoga's logger, writing through pino, without the client's own mistakes: a malformed ID or
 * cursor refused above is answered as BAD_USER_INPUT and is not a server-side fault worth a
 * stack trace in the log.
 */
export const apiLogger: YogaLogger = {
  debug: (...args: unknown[]) => logLine('debug', args),
  info: (...args: unknown[]) => logLine('info', args),
  warn: (...args: unknown[]) => logLine('warn', args),
  error: (...args: unknown[]) => {
    const clientInput = args.some((arg) => isClientInputError(arg) || (arg instanceof GraphQLError && isClientInputError(arg.originalError)));
    if (!clientInput) logLine('error', args);
  },
};
