// The signed and stamped scans the story needs (附件4、附件5 扫描件), as the API's regional
// decision requires them (api documents/signed-scans.ts): each application's form 4, uploaded
// by its unit shortly after the latest endorsement, and each area's form 5 of a round, uploaded
// by its prefecture after the recommendations it lists and before any of them is decided — a
// newer list superseding the older one when recommendations went on after a decision.
// In the open round a few endorsed applications still wait for their unit's form 4, so the
// prefecture's queue shows what is missing; every recommended one has both.
import { createHash } from 'node:crypto';
import type { Prisma } from '../src/client.ts';
import type { PlannedApplication } from './applications.ts';
import type { WrittenHistory } from './history.ts';
import { Random, seedId } from './random.ts';

const minuteMs = 60_000;
const scanBytes = new TextEncoder().encode('%PDF-1.4\n% 签字盖章扫描件 (demo)\ntrailer<<>>\n%%EOF\n');
const scanFacts = { mimeType: 'application/pdf', sizeBytes: scanBytes.length, sha256: createHash('sha256').update(scanBytes).digest('hex') };

export interface SignedScanRows {
  documents: Prisma.DocumentCreateManyInput[];
  contents: Prisma.DocumentContentCreateManyInput[];
}

/** The first status change after `at`, or the end of the round's story. */
function nextStepAfter(history: WrittenHistory, at: Date, storyEnd: Date): Date {
  const later = history.statusChanges.map((change) => change.at as Date).filter((time) => time.getTime() > at.getTime());
  return new Date(Math.min(storyEnd.getTime(), ...later.map((time) => time.getTime())));
}

/** An instant shortly after `from` (at most two hours) and before `until`. */
function shortlyAfter(from: Date, until: Date): Date {
  return new Date(from.getTime() + Math.min(120 * minuteMs, Math.floor((until.getTime() - from.getTime()) / 2)));
}

export function signedScanRows(
  planned: readonly PlannedApplication[],
  histories: ReadonlyMap<string, WrittenHistory>,
  actors: { employerByUnit: ReadonlyMap<string, string>; prefectureByArea: ReadonlyMap<string, string> },
): SignedScanRows {
  const random = Random.stream('signed-scans');
  const documents: Prisma.DocumentCreateManyInput[] = [];

  for (const application of planned) {
    const history = histories.get(application.id)!;
    const { endorsedAt, status } = history.workflow;
    if (!endorsedAt) continue;
    if (!application.round.closed && status === 'ENDORSED' && random.chance(0.3)) continue;
    const until = new Date(Math.min(nextStepAfter(history, endorsedAt, application.round.activityEndsAt).getTime(), application.round.recommendationDeadline.getTime()));
    documents.push({
      id: seedId(`${application.key}:form4-scan`),
      kind: 'FORM4_SCAN',
      applicationId: application.id,
      unitId: application.unit.id,
      roundId: application.round.id,
      fileName: `用人单位审核表（签字盖章）-${application.unit.spec.name}.pdf`,
      uploadedById: actors.employerByUnit.get(application.unit.id)!,
      uploadedAt: shortlyAfter(endorsedAt, until),
      ...scanFacts,
    });
  }

  // Form 5: per round and area, the recommendations as intervals from the recommendation to
  // the next step (the decision, a withdrawal, or today); each upload falls inside those it lists.
  const groups = new Map<string, { application: PlannedApplication; from: Date; until: Date }[]>();
  for (const application of planned) {
    const history = histories.get(application.id)!;
    const { recommendedAt } = history.workflow;
    if (!recommendedAt) continue;
    const key = `${application.round.year}:${application.unit.areaCode}`;
    const group = groups.get(key) ?? [];
    group.push({ application, from: recommendedAt, until: nextStepAfter(history, recommendedAt, application.round.activityEndsAt) });
    groups.set(key, group);
  }
  for (const [key, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const open = [...group].sort((a, b) => a.until.getTime() - b.until.getTime());
    const uploads: Date[] = [];
    while (open.length) {
      // Before the earliest step still to come, after every recommendation made by then.
      const deadline = new Date(Math.max(open[0]!.until.getTime() - minuteMs, open[0]!.from.getTime()));
      const listed = open.filter((entry) => entry.from.getTime() <= deadline.getTime());
      const lastListed = new Date(Math.max(...listed.map((entry) => entry.from.getTime())));
      uploads.push(shortlyAfter(lastListed, deadline));
      for (const entry of listed) open.splice(open.indexOf(entry), 1);
    }
    const { round, unit } = group[0]!.application;
    const ids = uploads.map((_, index) => seedId(`form5-scan:${key}:${index}`));
    // The newest first: a superseded scan's successor is then inserted before it (its foreign key).
    [...uploads.entries()].reverse().forEach(([index, uploadedAt]) =>
      documents.push({
        id: ids[index]!,
        kind: 'FORM5_SCAN',
        areaId: unit.areaId,
        roundId: round.id,
        fileName: `名单汇总表（签字盖章）-${round.name}.pdf`,
        uploadedById: actors.prefectureByArea.get(unit.areaCode)!,
        uploadedAt,
        supersededAt: index + 1 < uploads.length ? uploads[index + 1]! : null,
        supersededById: index + 1 < uploads.length ? ids[index + 1]! : null,
        ...scanFacts,
      }),
    );
  }
  return { documents, contents: documents.map((document) => ({ documentId: document.id!, bytes: scanBytes })) };
}
