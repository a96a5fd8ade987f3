// Which rows each role may see: the where-filter half of access control (DOMAIN.md, "Who
// takes part"). Every list, connection, relation, node lookup, count and aggregate of these
// models goes through one of these filters, and services apply them again. Each rule is written
// once, as a Prisma where-input: Prisma renders it for reads and writes, and the reads shaped
// like their page render the same value into their one statement (shaped-reads/where.ts), so
// SQL never holds a second copy of a rule.
import type { Prisma } from '@tepei/db/client';
import type { Actor } from './actor.ts';

/** Matches nothing: for a role that has no business with a model. */
const none = { id: { in: [] as string[] } };

export function applicationsVisibleTo(actor: Actor): Prisma.ApplicationWhereInput {
  switch (actor.role) {
    case 'APPLICANT':
      return { applicantId: actor.userId };
    case 'EMPLOYER':
      return actor.unitId ? { unitId: actor.unitId } : none;
    case 'PREFECTURE':
      return actor.areaId ? { areaId: actor.areaId } : none;
    case 'REGIONAL':
    case 'ANALYST':
      return {};
  }
}

export function unitsVisibleTo(actor: Actor): Prisma.EmployerUnitWhereInput {
  switch (actor.role) {
    case 'APPLICANT':
    case 'EMPLOYER':
      return actor.unitId ? { id: actor.unitId } : none;
    case 'PREFECTURE':
      return actor.areaId ? { areaId: actor.areaId } : none;
    case 'REGIONAL':
    case 'ANALYST':
      return {};
  }
}

export function areasVisibleTo(actor: Actor): Prisma.AreaWhereInput {
  switch (actor.role) {
    case 'APPLICANT':
    case 'EMPLOYER':
      return actor.unitId ? { units: { some: { id: actor.unitId } } } : none;
    case 'PREFECTURE':
      return actor.areaId ? { id: actor.areaId } : none;
    case 'REGIONAL':
    case 'ANALYST':
      return {};
  }
}

export function usersVisibleTo(actor: Actor): Prisma.UserWhereInput {
  switch (actor.role) {
    case 'REGIONAL':
    case 'ANALYST':
      return {};
    default:
      return { id: actor.userId };
  }
}

export function blacklistVisibleTo(actor: Actor): Prisma.BlacklistEntryWhereInput {
  switch (actor.role) {
    case 'REGIONAL':
    case 'ANALYST':
      return {};
    case 'PREFECTURE':
      // Reviewers see the listings that touch the units and applications they review.
      return actor.areaId
        ? { OR: [{ unit: { areaId: actor.areaId } }, { application: { areaId: actor.areaId } }] }
        : none;
    case 'EMPLOYER':
      return actor.unitId ? { OR: [{ unitId: actor.unitId }, { application: { unitId: actor.unitId } }] } : none;
    case 'APPLICANT':
      return none;
  }
}

export function auditVisibleTo(actor: Actor): Prisma.AuditRecordWhereInput {
  return actor.role === 'REGIONAL' || actor.role === 'ANALYST' ? {} : { id: { in: [] } };
}

/** The rounds out of preparation (筹备中): a round in preparation is the regional bureau's draft. */
export const publishedRounds = { stage: { not: 'PREPARING' } } as const satisfies Prisma.RoundWhereInput;

/** A round in preparation is the regional bureau's draft: nobody else sees it yet. */
export function roundsVisibleTo(actor: Actor): Prisma.RoundWhereInput {
  return actor.role === 'REGIONAL' || actor.role === 'ANALYST' ? {} : publishedRounds;
}
