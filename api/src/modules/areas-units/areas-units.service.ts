// Which areas (areasVisibleTo and the list's filter) and units a reader lists, and in which order: the `areas`, `areasConnection` and
// `units` fields and their Excel exports (exports/area-list-export.ts, unit-list-export.ts) read
// these, so the file holds the rows the list shows. Each order ends on the id, as a keyset needs.
import type { AreaKind, Prisma } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { areasVisibleTo, unitsVisibleTo } from '../../auth/row-rules.ts';

/** Who may list areas and units (auth/scopes.ts): anyone signed in, each within their row rules. */
export const areaReaders = { signedIn: true } as const;
export const unitReaders = { signedIn: true } as const;

/** The `areas` list's filter: its kind, southern Xinjiang or not, and text found in its name or code. */
export interface AreaFilter {
  kind?: AreaKind | null;
  isSouthernXinjiang?: boolean | null;
  search?: string | null;
}

export function areasWhere(actor: Actor, filter: AreaFilter = {}): Prisma.AreaWhereInput {
  const text = filter.search?.trim();
  return {
    AND: [
      areasVisibleTo(actor),
      filter.kind ? { kind: filter.kind } : {},
      typeof filter.isSouthernXinjiang === 'boolean' ? { isSouthernXinjiang: filter.isSouthernXinjiang } : {},
      text ? { OR: [{ name: { contains: text } }, { code: { contains: text } }] } : {},
    ],
  };
}

/** By the regional bureau's order of the authorities, then GB/T 2260 code. */
export const areasOrder = [{ sortOrder: 'asc' }, { code: 'asc' }, { id: 'asc' }] as const satisfies Prisma.AreaOrderByWithRelationInput[];

/** The `units` connection's filter: one authority's units. */
export interface UnitFilter {
  areaId?: string | null;
}

export function unitsWhere(actor: Actor, filter: UnitFilter = {}): Prisma.EmployerUnitWhereInput {
  return { AND: [unitsVisibleTo(actor), filter.areaId ? { areaId: filter.areaId } : {}] };
}

export const unitsOrder = [{ name: 'asc' }, { id: 'asc' }] as const satisfies Prisma.EmployerUnitOrderByWithRelationInput[];
