// Which stored documents each role may see, and who may have their content.
//
// A photo, an evidence file or a form-4 scan is visible exactly when its application is
// (applicationsVisibleTo). A form-5 scan (名单汇总表) belongs to an area, or to the whole region:
// the area's own prefecture reviewers, regional admins and analysts see it.
//
// Analysts see the list (kind, name, size, hash, dates) but never the content: photos and
// scans carry the ID numbers, faces and signatures that analysts are kept from everywhere
// else (DOMAIN.md). Their `downloadUrl` is null and the download route answers 403.
import type { Prisma } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';

const none: Prisma.DocumentWhereInput = { id: { in: [] } };

function form5ScansVisibleTo(actor: Actor): Prisma.DocumentWhereInput | null {
  switch (actor.role) {
    case 'REGIONAL':
    case 'ANALYST':
      return { kind: 'FORM5_SCAN' };
    case 'PREFECTURE':
      return actor.areaId ? { kind: 'FORM5_SCAN', areaId: actor.areaId } : null;
    default:
      return null;
  }
}

export function documentsVisibleTo(actor: Actor | null): Prisma.DocumentWhereInput {
  if (!actor) return none;
  const form5 = form5ScansVisibleTo(actor);
  return {
    OR: [
      { kind: { in: ['PHOTO', 'EVIDENCE', 'FORM4_SCAN'] }, applicationId: { not: null }, application: { is: applicationsVisibleTo(actor) } },
      ...(form5 ? [form5] : []),
    ],
  };
}

/** Whether the actor may have the content of the documents it sees. */
export function mayDownloadDocuments(actor: Actor): boolean {
  return actor.role !== 'ANALYST';
}
