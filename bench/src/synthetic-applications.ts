// Grows the seeded demo round to the size under test: more applications in the open round,
// drawn by the seed's own generators (people, forms 2 and 3, legal status histories with
// reviews and findings), spread over areas by their quota share, over units by the seed's
// unit weights, and over statuses as the open round stands mid-review. Deterministic: the
// i-th synthetic application is the same in every run.
// With them the signed scans the regional selection requires (api documents/signed-scans.ts),
// as the seed stores them (prisma/seed/signed-scans.ts): the unit's form 4 shortly after the
// endorsement — for every endorsed application but some still waiting in ENDORSED, so the
// queue shows what is missing — and, once all are written, each area's form 5 after its
// latest recommendation, superseding the seed's. One small PDF's bytes serve every scan.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { TrainingMode } from '@tepei/db/client';
import { staffAccounts } from '@tepei/db/seed/accounts';
import { fillForms } from '@tepei/db/seed/application-form';
import { openRoundStatuses } from '@tepei/db/seed/applications';
import { statusPath, writeHistory } from '@tepei/db/seed/history';
import { newPerson } from '@tepei/db/seed/people';
import { Random, seedId } from '@tepei/db/seed/random';
import { traineeNumber, traineeNumberPrefix, traineeNumberSequence } from '@tepei/db/reference/trainee-number';
import { currentRound, quotaTable, trainingModes } from '@tepei/db/seed/rounds';
import { type AreaRef, buildUnits, type SeedUnit } from '@tepei/db/seed/units';
import { insertRows, insertSharedBytes } from './bulk-insert.ts';

/** Applications generated and written per step: bounded memory at any size. */
const chunkSize = 5000;

const minuteMs = 60_000;
const scanBytes = Buffer.from('%PDF-1.4\n% 签字盖章扫描件 (bench)\ntrailer<<>>\n%%EOF\n');
const scanFacts = { mimeType: 'application/pdf', sizeBytes: scanBytes.length, sha256: createHash('sha256').update(scanBytes).digest('hex') };

/** An instant shortly after `from` (at most two hours) and before `until`, as the seed uploads scans. */
function shortlyAfter(from: Date, until: Date): Date {
  return new Date(from.getTime() + Math.max(0, Math.min(120 * minuteMs, Math.floor((until.getTime() - from.getTime()) / 2))));
}

type Row = Record<string, unknown>;

interface Chunk {
  applications: Row[];
  workHistory: Row[];
  awards: Row[];
  publications: Row[];
  hostPreferences: Row[];
  statusChanges: Row[];
  reviews: Row[];
  reviewFindings: Row[];
  /** FORM4_SCAN documents; their content is the shared scan bytes. */
  scans: Row[];
}

const emptyChunk = (): Chunk => ({
  applications: [],
  workHistory: [],
  awards: [],
  publications: [],
  hostPreferences: [],
  statusChanges: [],
  reviews: [],
  reviewFindings: [],
  scans: [],
});

/**
 * Adds applications to the open round until it holds `total`; returns how many were added.
 * The size is the open round's alone: the closed rounds the seed holds (2023–2025) come on top.
 */
export async function addSyntheticApplications(client: pg.Client, total: number, today: Date, log: (line: string) => void): Promise<number> {
  const round = currentRound(today);
  const [{ count }] = (
    await client.query<{ count: number }>('SELECT count(*)::int AS count FROM "Application" WHERE "roundId" = $1', [round.id])
  ).rows as [{ count: number }];
  const missing = total - count;
  if (missing <= 0) return 0;

  const areas: AreaRef[] = (
    await client.query<AreaRef>('SELECT id, code, name, "isSouthernXinjiang" FROM "Area" ORDER BY "sortOrder", code')
  ).rows;
  const units = buildUnits(new Map(areas.map((area) => [area.code, area])));
  const quota = quotaTable(round, areas);
  const { actors } = staffAccounts(areas, units);

  const taken = new Set(
    (await client.query<{ idNumber: string }>('SELECT "idNumber" FROM "Application" WHERE "roundId" = $1', [round.id])).rows.map((row) => row.idNumber),
  );
  // Blacklisted units may send nobody (DOMAIN.md rule 5), as in the seed's open round.
  const barred = new Set(
    (
      await client.query<{ unitId: string }>(
        'SELECT DISTINCT "unitId" FROM "BlacklistEntry" WHERE "unitId" IS NOT NULL AND "liftedAt" IS NULL AND "expiresAt" > $1',
        [today.toISOString()],
      )
    ).rows.map((row) => row.unitId),
  );
  const serials = new Map<string, number>();
  for (const { serialNumber } of (
    await client.query<{ serialNumber: string }>('SELECT "serialNumber" FROM "Application" WHERE "serialNumber" LIKE $1', [`${round.year}-%`])
  ).rows) {
    const prefix = serialNumber.slice(0, serialNumber.lastIndexOf('-'));
    const sequence = traineeNumberSequence(serialNumber, prefix);
    if (sequence !== null) serials.set(prefix, Math.max(serials.get(prefix) ?? 0, sequence));
  }

  // Where an application comes from: a mode and area by their share of the places, then a unit by its weight.
  const places = trainingModes.flatMap((mode) => areas.map((area) => [{ mode, area }, quota.get(mode)!.get(area.code)!] as const));
  const unitsByArea = new Map(
    areas.map((area) => [area.code, units.filter((unit) => unit.areaCode === area.code && !barred.has(unit.id)).map((unit) => [unit, unit.weight] as const)]),
  );
  const random = Random.stream(`bench:applications:${round.year}`);

  let chunk = emptyChunk();
  const started = Date.now();
  for (let index = 0; index < missing; index++) {
    const { mode, area } = random.weighted(places);
    const unit: SeedUnit = random.weighted(unitsByArea.get(area.code)!);
    const status = random.weighted(openRoundStatuses);
    const key = `bench:application:${round.year}:${index}`;
    const id = seedId(key);
    const person = newPerson(random, {
      areaCode: area.code,
      isSouthernXinjiang: area.isSouthernXinjiang,
      roundYear: round.year,
      ageCutoffDate: round.ageCutoffDate,
      taken,
    });
    const forms = fillForms(Random.stream(`${key}:forms`), round, unit, mode as TrainingMode, person);
    const path = statusPath(Random.stream(`${key}:path`), status);
    const history = writeHistory(
      Random.stream(`${key}:history`),
      key,
      id,
      path,
      round,
      // Synthetic applicants have no accounts: their own steps carry no actor, as in the 2025 round.
      { applicantId: null, employerId: actors.employerByUnit.get(unit.id)!, prefectureId: actors.prefectureByArea.get(area.code)!, adminId: actors.adminId },
      { hasAwards: forms.awards.length > 0, hasPublications: forms.publications.length > 0 },
    );
    const { firstSubmittedAt, ...workflow } = history.workflow;
    let serialNumber: string | null = null;
    if (firstSubmittedAt) {
      const prefix = traineeNumberPrefix(round.year, area.code);
      const next = (serials.get(prefix) ?? 0) + 1;
      serials.set(prefix, next);
      serialNumber = traineeNumber(round.year, area.code, next);
    }
    chunk.applications.push({ id, roundId: round.id, applicantId: null, unitId: unit.id, areaId: area.id, mode, serialNumber, ...forms.form, ...workflow });
    const children = (rows: object[], kind: string) => rows.map((row, position) => ({ id: seedId(`${key}:${kind}:${position}`), applicationId: id, ...row }));
    chunk.workHistory.push(...children(forms.workHistory, 'work'));
    chunk.awards.push(...children(forms.awards, 'award'));
    chunk.publications.push(...children(forms.publications, 'publication'));
    chunk.hostPreferences.push(...children(forms.hostPreferences, 'host'));
    chunk.statusChanges.push(...history.statusChanges);
    chunk.reviews.push(...history.reviews);
    chunk.reviewFindings.push(...history.findings);
    // Form 4, uploaded by the unit before the application's next step; as in the seed's open
    // round, three in ten of those still ENDORSED wait for theirs.
    const { endorsedAt } = workflow;
    if (endorsedAt && !(workflow.status === 'ENDORSED' && Random.stream(`${key}:form4-scan`).chance(0.3))) {
      const later = history.statusChanges.map((change) => change.at as Date).filter((at) => at.getTime() > endorsedAt.getTime());
      const until = new Date(Math.min(today.getTime(), ...later.map((at) => at.getTime())));
      chunk.scans.push({
        id: seedId(`${key}:form4-scan`),
        kind: 'FORM4_SCAN',
        applicationId: id,
        unitId: unit.id,
        roundId: round.id,
        fileName: `用人单位审核表（签字盖章）-${unit.spec.name}.pdf`,
        uploadedById: actors.employerByUnit.get(unit.id)!,
        uploadedAt: shortlyAfter(endorsedAt, until),
        ...scanFacts,
      });
    }

    if (chunk.applications.length === chunkSize || index === missing - 1) {
      await writeChunk(client, chunk);
      chunk = emptyChunk();
      const done = index + 1;
      if (done % 50_000 < chunkSize || done === missing) {
        log(`  ${done.toLocaleString('en')} / ${missing.toLocaleString('en')} synthetic applications (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
  }
  await storeAreaLists(client, round, areas, actors.prefectureByArea, today);
  return missing;
}

/**
 * Form 5 of each area of the round whose current list predates a recommendation: a new list
 * uploaded shortly after the area's latest recommendation (before `today`), superseding the old.
 */
async function storeAreaLists(
  client: pg.Client,
  round: { id: string; name: string },
  areas: readonly AreaRef[],
  prefectureByArea: ReadonlyMap<string, string>,
  today: Date,
): Promise<void> {
  const { rows } = await client.query<{ areaId: string; latest: Date; current: string | null; listedAt: Date | null }>(
    `SELECT a."areaId", max(a."recommendedAt") AS latest,
            (SELECT d.id FROM "Document" d WHERE d.kind = 'FORM5_SCAN' AND d."roundId" = $1 AND d."areaId" = a."areaId" AND d."supersededAt" IS NULL
             ORDER BY d."uploadedAt" DESC LIMIT 1) AS current,
            (SELECT max(d."uploadedAt") FROM "Document" d WHERE d.kind = 'FORM5_SCAN' AND d."roundId" = $1 AND d."areaId" = a."areaId") AS "listedAt"
     FROM "Application" a
     WHERE a."roundId" = $1 AND a.status = 'RECOMMENDED' AND a."recommendedAt" IS NOT NULL
     GROUP BY a."areaId"`,
    [round.id],
  );
  const codeOf = new Map(areas.map((area) => [area.id, area.code]));
  const lists = rows
    .filter((row) => !row.listedAt || row.listedAt < row.latest)
    .map((row) => {
      const code = codeOf.get(row.areaId)!;
      return {
        replaces: row.current,
        document: {
          id: seedId(`bench:form5-scan:${round.id}:${code}`),
          kind: 'FORM5_SCAN',
          areaId: row.areaId,
          roundId: round.id,
          fileName: `名单汇总表（签字盖章）-${round.name}.pdf`,
          uploadedById: prefectureByArea.get(code)!,
          uploadedAt: shortlyAfter(row.latest, today),
          ...scanFacts,
        },
      };
    });
  if (!lists.length) return;
  await client.query('BEGIN');
  try {
    const documents = lists.map((list) => list.document);
    await insertRows(client, 'Document', documents);
    await insertSharedBytes(client, 'DocumentContent', 'documentId', documents.map((document) => document.id), 'bytes', scanBytes);
    const replaced = lists.filter((list) => list.replaces);
    await client.query(
      `UPDATE "Document" d SET "supersededAt" = s.at, "supersededById" = s.successor
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS s(id, successor, at) WHERE d.id = s.id`,
      [replaced.map((list) => list.replaces), replaced.map((list) => list.document.id), replaced.map((list) => list.document.uploadedAt.toISOString())],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function writeChunk(client: pg.Client, chunk: Chunk): Promise<void> {
  await client.query('BEGIN');
  try {
    await insertRows(client, 'Application', chunk.applications);
    await insertRows(client, 'WorkHistoryEntry', chunk.workHistory);
    await insertRows(client, 'Award', chunk.awards);
    await insertRows(client, 'Publication', chunk.publications);
    await insertRows(client, 'HostPreference', chunk.hostPreferences);
    await insertRows(client, 'StatusChange', chunk.statusChanges);
    await insertRows(client, 'Review', chunk.reviews);
    await insertRows(client, 'ReviewFinding', chunk.reviewFindings);
    await insertRows(client, 'Document', chunk.scans);
    await insertSharedBytes(client, 'DocumentContent', 'documentId', chunk.scans.map((scan) => scan.id as string), 'bytes', scanBytes);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
