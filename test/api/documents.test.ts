// Uploaded documents (issue 4, item 5): photo and evidence of the applicant, the unit's signed
// form 4, the area's and region's signed form 5. Uploads are GraphQL multipart requests sent
// through yoga with real tokens; files are recognised by their bytes; a document and its bytes
// are stored in one transaction, replacing keeps the history, and downloads take a signed,
// per-user, short-lived link plus the same user's bearer token.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadPath } from '@tepei/api/modules/documents/download-links';
import { insertApplications } from '../fixtures/applications.ts';
import { applicationDeadline, applicationForm, arrangeProgramme, person, type Programme } from '../fixtures/programme.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { exeBytes, file, gqlUpload, jpegBytes, pdfBytes, pngBytes } from '../support/uploads.ts';
import { createApplication, globalId, registerApplicant, submitApplication } from '../support/workflow.ts';

let api: TestApi;
let programme: Programme;
const startOfTests = new Date('2026-12-01T10:00:00+08:00');
let now = startOfTests;
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};

interface Subject {
  token: string;
  idNumber: string;
  /** Global id of the application. */
  id: string;
  rawId: string;
  version: number;
}
/** draft: the applicant's draft; other: another applicant's draft; submitted: a submitted application of the Kashgar hospital; urumqi: one of Urumqi. */
const subjects = {} as Record<'draft' | 'other' | 'submitted' | 'urumqi', Subject>;

const rawId = (globalIdValue: string) => Buffer.from(globalIdValue, 'base64').toString().split(':')[1]!;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function applicantWith(sequence: number, where: 'kashgar' | 'urumqi', submit: boolean): Promise<Subject> {
  const who = person(sequence, '1988-06-15', 'FEMALE', where === 'kashgar' ? '653101' : '650102');
  const token = await registerApplicant(api, who, where === 'kashgar' ? programme.kashgar.unitId : programme.urumqi.unitId);
  let step = await createApplication(api, token, globalId('Round', programme.roundId), applicationForm(who));
  expect(step.data, JSON.stringify(step)).toBeTruthy();
  if (submit) step = await submitApplication(api, token, step.data!.id, step.data!.version);
  expect(step.data, JSON.stringify(step)).toBeTruthy();
  return { token, idNumber: who.idNumber, id: step.data!.id, rawId: rawIdOf(step.data!.id), version: step.data!.version };
}
const rawIdOf = rawId;

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  for (const username of ['admin', 'analyst', 'pref-653100', 'pref-650100', 'unit-kashgar', 'unit-kashgar-school', 'unit-urumqi']) {
    tokens[username] = await api.login(username);
    userIds[username] = (await api.prisma.user.findUniqueOrThrow({ where: { username } })).id;
  }
  subjects.draft = await applicantWith(21, 'kashgar', false);
  subjects.other = await applicantWith(22, 'kashgar', false);
  subjects.submitted = await applicantWith(23, 'kashgar', true);
  subjects.urumqi = await applicantWith(24, 'urumqi', true);
});
afterAll(() => api?.close());

// ─────────────────────────────── helpers ───────────────────────────────

const documentFields = 'id kind fileName mimeType sizeBytes sha256 uploadedAt supersededAt isCurrent uploadedByName downloadUrl';

interface DocumentShape {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  supersededAt: string | null;
  isCurrent: boolean;
  uploadedByName: string;
  downloadUrl: string | null;
}

interface UploadResult {
  __typename: string;
  code?: string;
  message?: string;
  problems?: Array<{ path: string[]; message: string }>;
  data?: DocumentShape;
  /** A GraphQL error instead of a result (FORBIDDEN, UNAUTHENTICATED, masked failures). */
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function upload(field: string, signature: string, args: string, variables: Record<string, unknown>, upload: File, token: string): Promise<UploadResult> {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  const response = await gqlUpload(
    api,
    `mutation(${signature}, $file: File!) { ${field}(${args}, file: $file) { __typename ... on Error { code message } ... on ValidationFailedError { problems { path message } } ... on ${success} { data { ${documentFields} } } } }`,
    variables,
    { file: upload },
    token,
  );
  if (response.errors?.length) return { __typename: 'GraphQLError', errors: response.errors as UploadResult['errors'] };
  return response.data[field] as UploadResult;
}

const uploadPhoto = (token: string, applicationId: string, photo: File) => upload('uploadApplicationPhoto', '$id: ID!', 'applicationId: $id', { id: applicationId }, photo, token);
const uploadEvidence = (token: string, applicationId: string, evidence: File, title?: string) =>
  upload('uploadEvidence', '$id: ID!, $title: String', 'applicationId: $id, title: $title', { id: applicationId, title: title ?? null }, evidence, token);
const uploadForm4 = (token: string, applicationId: string, scan: File) => upload('uploadForm4Scan', '$id: ID!', 'applicationId: $id', { id: applicationId }, scan, token);
const uploadForm5 = (token: string, areaId: string | null, scan: File) =>
  upload('uploadForm5Scan', '$roundId: ID!, $areaId: ID', 'roundId: $roundId, areaId: $areaId', { roundId: globalId('Round', programme.roundId), areaId: areaId ? globalId('Area', areaId) : null }, scan, token);

async function download(path: string, token?: string) {
  const response = await api.yoga.fetch(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function counts() {
  return { documents: await api.prisma.document.count(), contents: await api.prisma.documentContent.count() };
}

async function documentsOf(applicationId: string, token: string, args = '') {
  const response = await api.gql(`query($id: ID!) { application(id: $id) { documents${args} { ${documentFields} } } }`, { id: applicationId }, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.application.documents as DocumentShape[];
}

/** The `t` parameter changed in one character of its signature. */
function tampered(path: string): string {
  const url = new URL(path, 'http://test');
  const token = url.searchParams.get('t')!;
  const at = token.indexOf('.') + 10;
  url.searchParams.set('t', `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`);
  return `${url.pathname}${url.search}`;
}

// ─────────────────────────────── what is accepted ───────────────────────────────

describe('files are recognised by their content', () => {
  it('accepts a PDF, a JPEG and a PNG, whatever their names and declared types say, and stores the detected type', async () => {
    const before = await counts();
    const cases = [
      { bytes: pdfBytes('accepted'), name: 'scan.PDF', declared: 'application/octet-stream', mimeType: 'application/pdf', stored: 'scan.pdf' },
      { bytes: jpegBytes(), name: 'certificate.png', declared: 'image/png', mimeType: 'image/jpeg', stored: 'certificate.jpg' },
      { bytes: pngBytes(), name: 'award', declared: 'text/plain', mimeType: 'image/png', stored: 'award.png' },
    ];
    for (const sample of cases) {
      const result = await uploadEvidence(subjects.draft.token, subjects.draft.id, file(sample.bytes, sample.name, sample.declared));
      expect(result.__typename, JSON.stringify(result)).toBe('MutationUploadEvidenceSuccess');
      expect(result.data).toMatchObject({ kind: 'EVIDENCE', mimeType: sample.mimeType, fileName: sample.stored, sizeBytes: sample.bytes.length, sha256: sha256(sample.bytes), isCurrent: true, supersededAt: null });
      const stored = await api.prisma.document.findUniqueOrThrow({ where: { id: rawId(result.data!.id) }, include: { content: true } });
      expect(stored).toMatchObject({ applicationId: subjects.draft.rawId, mimeType: sample.mimeType, uploadedAt: now });
      expect(Buffer.from(stored.content!.bytes).equals(Buffer.from(sample.bytes))).toBe(true);
    }
    expect(await counts()).toEqual({ documents: before.documents + 3, contents: before.contents + 3 });
  });

  it.each([
    ['a text file named .pdf', () => file(new TextEncoder().encode('这不是 PDF 文件，只是一段文字。'), '学历证书.pdf', 'application/pdf')],
    ['an .exe renamed .png', () => file(exeBytes(), 'photo.png', 'image/png')],
    ['a PDF whose signature does not start the file', () => file(new Uint8Array([0x20, ...pdfBytes()]), 'padded.pdf', 'application/pdf')],
    ['an empty file', () => file(new Uint8Array(0), 'empty.pdf', 'application/pdf')],
    ['a file one byte over 10 MB', () => {
      const bytes = new Uint8Array(10 * 1024 * 1024 + 1);
      bytes.set(pdfBytes());
      return file(bytes, 'big.pdf', 'application/pdf');
    }],
  ])('refuses %s with ValidationFailedError on ["file"], storing nothing', async (_name, make) => {
    const before = await counts();
    const result = await uploadEvidence(subjects.draft.token, subjects.draft.id, make());
    expect(result.__typename, JSON.stringify(result)).toBe('ValidationFailedError');
    expect(result.problems).toEqual([{ path: ['file'], message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
  });

  it('accepts a file of exactly 10 MB', async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024);
    bytes.set(pdfBytes('ten megabytes'));
    const result = await uploadEvidence(subjects.other.token, subjects.other.id, file(bytes, 'ten.pdf'));
    expect(result.__typename, JSON.stringify(result)).toBe('MutationUploadEvidenceSuccess');
    expect(result.data!.sizeBytes).toBe(bytes.length);
  });

  it('takes only an image as the photo: a PDF photo is refused on ["file"]', async () => {
    const result = await uploadPhoto(subjects.other.token, subjects.other.id, file(pdfBytes(), 'photo.pdf'));
    expect(result).toMatchObject({ __typename: 'ValidationFailedError', problems: [{ path: ['file'] }] });
  });

  it('keeps only the base name: no directories, control or invisible characters, at most 200 characters, the right extension', async () => {
    const cases: Array<[string, string]> = [
      ['C:\\Users\\阿依古丽\\Desktop\\..\\毕业证书.jpg', '毕业证书.pdf'],
      ['../../etc/passwd', 'passwd.pdf'],
      ['获奖\u0000证书\u0007<2022>\u202Efdp.exe', '获奖证书_2022_fdp.pdf'],
      ['...', '文件.pdf'],
      [`${'很长的文件名'.repeat(60)}.pdf`, `${'很长的文件名'.repeat(60)}`.slice(0, 196) + '.pdf'],
    ];
    for (const [name, stored] of cases) {
      const result = await uploadEvidence(subjects.other.token, subjects.other.id, file(pdfBytes(), name));
      expect(result.data?.fileName, `${name}: ${JSON.stringify(result)}`).toBe(stored);
      expect(Array.from(result.data!.fileName).length).toBeLessThanOrEqual(200);
    }
  });

  it('stores an evidence title as its file name, with the extension of the detected type', async () => {
    const result = await uploadEvidence(subjects.other.token, subjects.other.id, file(pngBytes(), 'IMG_0001.PNG'), '2022年喀什地区科技进步奖证书');
    expect(result.data).toMatchObject({ fileName: '2022年喀什地区科技进步奖证书.png', mimeType: 'image/png' });
    const odd = await uploadEvidence(subjects.other.token, subjects.other.id, file(pdfBytes(), 'a.pdf'), '学位证书\u0007/复印件');
    expect(odd.data).toMatchObject({ fileName: '学位证书_复印件.pdf' });
    // A NUL is not a character of any title: the input boundary refuses it, naming the argument.
    const withNul = await uploadEvidence(subjects.other.token, subjects.other.id, file(pdfBytes(), 'a.pdf'), '学位证书\u0000复印件');
    expect(withNul.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^输入有误：title：/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a multipart request whose declared length cannot hold an acceptable file (413), before reading it', async () => {
    const response = await api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      body: '--x--',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(12 * 1024 * 1024), 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${subjects.draft.token}` },
    });
    expect(response.status).toBe(413);
  });
});

// ─────────────────────────────── who may upload what ───────────────────────────────

describe('who may upload', () => {
  it('an applicant uploads a photo and evidence to their own application only', async () => {
    const own = await uploadPhoto(subjects.other.token, subjects.other.id, file(jpegBytes(), 'me.jpg'));
    expect(own.__typename).toBe('MutationUploadApplicationPhotoSuccess');
    expect(own.data!.uploadedByName).toBe(person(22).name);
    const before = await counts();
    const photo = await uploadPhoto(subjects.other.token, subjects.draft.id, file(jpegBytes(), 'not-mine.jpg'));
    expect(photo.__typename).toBe('NotFoundError');
    const evidence = await uploadEvidence(subjects.other.token, subjects.draft.id, file(pdfBytes(), 'not-mine.pdf'));
    expect(evidence.__typename).toBe('NotFoundError');
    expect(await counts()).toEqual(before);
  });

  it('no reviewer uploads an applicant\'s photo or evidence (FORBIDDEN)', async () => {
    for (const username of ['unit-kashgar', 'pref-653100', 'admin', 'analyst']) {
      const result = await uploadPhoto(tokens[username]!, subjects.draft.id, file(jpegBytes(), 'x.jpg'));
      expect(result.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
    }
  });

  it('a submitted application takes no new photo or evidence (InvalidTransitionError)', async () => {
    const before = await counts();
    expect((await uploadPhoto(subjects.submitted.token, subjects.submitted.id, file(jpegBytes(), 'late.jpg'))).__typename).toBe('InvalidTransitionError');
    expect((await uploadEvidence(subjects.submitted.token, subjects.submitted.id, file(pdfBytes(), 'late.pdf'))).__typename).toBe('InvalidTransitionError');
    expect(await counts()).toEqual(before);
  });

  it('a draft takes no photo once applications have closed (DeadlinePassedError)', async () => {
    now = new Date(applicationDeadline.getTime() + 1000);
    try {
      const token = await api.login(subjects.other.idNumber, 'Passw0rd2025');
      const result = await uploadPhoto(token, subjects.other.id, file(jpegBytes(), 'late.jpg'));
      expect(result.__typename).toBe('DeadlinePassedError');
    } finally {
      now = startOfTests;
    }
  });

  it("the employer uploads the signed form 4 of its own unit's application only, from its review until the regional decision", async () => {
    const own = await uploadForm4(tokens['unit-kashgar']!, subjects.submitted.id, file(pdfBytes('form 4'), '用人单位审核表（盖章）.pdf'));
    expect(own.__typename, JSON.stringify(own)).toBe('MutationUploadForm4ScanSuccess');
    expect(own.data).toMatchObject({ kind: 'FORM4_SCAN', fileName: '用人单位审核表（盖章）.pdf' });
    const stored = await api.prisma.document.findUniqueOrThrow({ where: { id: rawId(own.data!.id) } });
    expect(stored).toMatchObject({ applicationId: subjects.submitted.rawId, unitId: programme.kashgar.unitId });

    const before = await counts();
    // Another unit of the same area, and a unit of another area: the application is out of their sight.
    expect((await uploadForm4(tokens['unit-kashgar-school']!, subjects.submitted.id, file(pdfBytes(), 'x.pdf'))).__typename).toBe('NotFoundError');
    expect((await uploadForm4(tokens['unit-urumqi']!, subjects.submitted.id, file(pdfBytes(), 'x.pdf'))).__typename).toBe('NotFoundError');
    // Its own unit's application, but a draft (not yet its to review) or already decided by the region.
    expect((await uploadForm4(tokens['unit-kashgar']!, subjects.draft.id, file(pdfBytes(), 'x.pdf'))).__typename).toBe('InvalidTransitionError');
    const [selected] = await insertApplications(api.prisma, { roundId: programme.roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId }, 1, 'SELECTED', 'REMOTE', { signedScans: false });
    expect((await uploadForm4(tokens['unit-kashgar']!, globalId('Application', selected!), file(pdfBytes(), 'x.pdf'))).__typename).toBe('InvalidTransitionError');
    // Applicants and prefectures are not units.
    expect((await uploadForm4(subjects.submitted.token, subjects.submitted.id, file(pdfBytes(), 'x.pdf'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await uploadForm4(tokens['pref-653100']!, subjects.submitted.id, file(pdfBytes(), 'x.pdf'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);

    // The applicant and the area's prefecture see it on the application; the other applicant does not reach it.
    expect((await documentsOf(subjects.submitted.id, tokens['pref-653100']!, '(kind: FORM4_SCAN)')).map((d) => d.id)).toEqual([own.data!.id]);
    const node = await api.gql('query($id: ID!) { node(id: $id) { id } }', { id: own.data!.id }, subjects.other.token);
    expect(node.data.node).toBeNull();
    expect((await api.gql('query($id: ID!) { node(id: $id) { id } }', { id: own.data!.id }, tokens['pref-650100'])).data.node).toBeNull();
  });

  it('a prefecture uploads its own area\'s form 5 and downloads it again, byte for byte', async () => {
    const bytes = pdfBytes('form 5 of 653100');
    const own = await uploadForm5(tokens['pref-653100']!, programme.kashgar.areaId, file(bytes, '2027年名单汇总表-喀什地区.pdf'));
    expect(own.__typename, JSON.stringify(own)).toBe('MutationUploadForm5ScanSuccess');
    const stored = await api.prisma.document.findUniqueOrThrow({ where: { id: rawId(own.data!.id) } });
    expect(stored).toMatchObject({ kind: 'FORM5_SCAN', areaId: programme.kashgar.areaId, roundId: programme.roundId, applicationId: null });

    const before = await counts();
    expect((await uploadForm5(tokens['pref-650100']!, programme.kashgar.areaId, file(pdfBytes(), 'x.pdf'))).__typename).toBe('NotFoundError');
    expect((await uploadForm5(tokens['pref-653100']!, null, file(pdfBytes(), 'x.pdf'))).__typename).toBe('ForbiddenError');
    expect((await uploadForm5(tokens.admin!, programme.kashgar.areaId, file(pdfBytes(), 'x.pdf'))).__typename).toBe('ForbiddenError');
    expect((await uploadForm5(tokens['unit-kashgar']!, programme.kashgar.areaId, file(pdfBytes(), 'x.pdf'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);

    const listed = await api.gql('{ areas { code form5Scans(roundYear: 2027) { id downloadUrl } } }', {}, tokens['pref-653100']);
    expect(listed.data.areas).toEqual([{ code: '653100', form5Scans: [{ id: own.data!.id, downloadUrl: expect.stringMatching(/^\/files\/documents\/[0-9a-f-]{36}\?t=/) }] }]);
    const { response, bytes: downloaded } = await download(listed.data.areas[0].form5Scans[0].downloadUrl, tokens['pref-653100']);
    expect(response.status).toBe(200);
    expect(Buffer.from(downloaded).equals(Buffer.from(bytes))).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('2027年名单汇总表-喀什地区.pdf')}`);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');

    // Another prefecture sees no form 5 of this area; units see none at all.
    expect((await api.gql('{ areas { form5Scans(roundYear: 2027) { id } } }', {}, tokens['pref-650100'])).data.areas).toEqual([{ form5Scans: [] }]);
    expect((await api.gql('{ areas { form5Scans(roundYear: 2027) { id } } }', {}, tokens['unit-kashgar'])).data.areas).toEqual([{ form5Scans: [] }]);
  });

  it('the regional admin uploads the whole region\'s form 5 (no area); prefectures do not see it', async () => {
    const result = await uploadForm5(tokens.admin!, null, file(jpegBytes(), '全区名单汇总表.jpg'));
    expect(result.__typename, JSON.stringify(result)).toBe('MutationUploadForm5ScanSuccess');
    const query = '{ rounds { regionForm5Scans { id kind } } }';
    expect((await api.gql(query, {}, tokens.admin)).data.rounds).toEqual([{ regionForm5Scans: [{ id: result.data!.id, kind: 'FORM5_SCAN' }] }]);
    expect((await api.gql(query, {}, tokens['pref-653100'])).data.rounds).toEqual([{ regionForm5Scans: [] }]);
  });
});

// ─────────────────────────────── history and transactions ───────────────────────────────

describe('replacing keeps the history; a failed upload changes nothing', () => {
  it('a new photo supersedes the old one in the same transaction; both stay downloadable by the admin', async () => {
    const first = await uploadPhoto(subjects.draft.token, subjects.draft.id, file(jpegBytes(), 'first.jpg'));
    now = new Date(startOfTests.getTime() + 60_000);
    const secondBytes = pngBytes();
    const second = await uploadPhoto(subjects.draft.token, subjects.draft.id, file(secondBytes, 'second.png'));
    now = startOfTests;
    expect(second.__typename).toBe('MutationUploadApplicationPhotoSuccess');

    const old = await api.prisma.document.findUniqueOrThrow({ where: { id: rawId(first.data!.id) } });
    expect(old).toMatchObject({ supersededById: rawId(second.data!.id), supersededAt: new Date(startOfTests.getTime() + 60_000) });
    expect(await documentsOf(subjects.draft.id, subjects.draft.token, '(kind: PHOTO)')).toEqual([expect.objectContaining({ id: second.data!.id, isCurrent: true })]);
    const history = await documentsOf(subjects.draft.id, tokens.admin!, '(kind: PHOTO, includeSuperseded: true)');
    expect(history.map((d) => [d.id, d.isCurrent])).toEqual([[first.data!.id, false], [second.data!.id, true]]);
    for (const [document, bytes] of [[history[0]!, jpegBytes()], [history[1]!, secondBytes]] as const) {
      const { response, bytes: downloaded } = await download(document.downloadUrl!, tokens.admin);
      expect(response.status).toBe(200);
      expect(Buffer.from(downloaded).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('evidence accumulates: several are current at once', async () => {
    const current = await documentsOf(subjects.draft.id, subjects.draft.token, '(kind: EVIDENCE)');
    expect(current.length).toBeGreaterThanOrEqual(3);
    expect(current.every((d) => d.isCurrent)).toBe(true);
  });

  it('a write that fails after the new rows are in (the supersede step) rolls back the document and its bytes, and keeps the old photo', async () => {
    const [before] = await documentsOf(subjects.draft.id, subjects.draft.token, '(kind: PHOTO)');
    const countsBefore = await counts();
    await api.prisma.$executeRawUnsafe(`CREATE FUNCTION tepei_test_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`);
    await api.prisma.$executeRawUnsafe(`CREATE TRIGGER tepei_test_refuse_update BEFORE UPDATE ON "Document" FOR EACH ROW EXECUTE FUNCTION tepei_test_refuse_update()`);
    try {
      const failed = await uploadPhoto(subjects.draft.token, subjects.draft.id, file(jpegBytes(), 'third.jpg'));
      expect(failed.errors?.[0]).toMatchObject({ message: 'Unexpected error.' });
    } finally {
      await api.prisma.$executeRawUnsafe('DROP TRIGGER tepei_test_refuse_update ON "Document"');
      await api.prisma.$executeRawUnsafe('DROP FUNCTION tepei_test_refuse_update()');
    }
    expect(await counts()).toEqual(countsBefore);
    const [after] = await documentsOf(subjects.draft.id, subjects.draft.token, '(kind: PHOTO)');
    expect(after).toMatchObject({ id: before!.id, isCurrent: true });
    const audit = await api.prisma.auditRecord.findFirstOrThrow({ where: { operation: 'uploadApplicationPhoto' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ result: 'FAILED', errorCode: 'INTERNAL' });
  });

  it('an upload refused after the file passed its checks (wrong status) leaves no orphan and loses no earlier file', async () => {
    const draft = await applicantWith(25, 'kashgar', false);
    const photoBytes = jpegBytes();
    const first = await uploadPhoto(draft.token, draft.id, file(photoBytes, 'photo.jpg'));
    expect(first.__typename).toBe('MutationUploadApplicationPhotoSuccess');
    const submitted = await submitApplication(api, draft.token, draft.id, draft.version);
    expect(submitted.data?.status).toBe('SUBMITTED');

    const before = await counts();
    const refused = await uploadPhoto(draft.token, draft.id, file(pngBytes(), 'valid-but-too-late.png'));
    expect(refused.__typename).toBe('InvalidTransitionError');
    expect(await counts()).toEqual(before);
    const [kept] = await documentsOf(draft.id, draft.token, '(kind: PHOTO, includeSuperseded: true)');
    expect(kept).toMatchObject({ id: first.data!.id, isCurrent: true });
    const { response, bytes } = await download(kept!.downloadUrl!, draft.token);
    expect(response.status).toBe(200);
    expect(Buffer.from(bytes).equals(Buffer.from(photoBytes))).toBe(true);
  });

  it('photos uploaded at the same moment leave exactly one current, the others superseded in a line', async () => {
    const draft = await applicantWith(26, 'kashgar', false);
    const results = await Promise.all([1, 2, 3].map((n) => uploadPhoto(draft.token, draft.id, file(jpegBytes(), `photo-${n}.jpg`))));
    expect(results.map((r) => r.__typename)).toEqual(Array(3).fill('MutationUploadApplicationPhotoSuccess'));
    const rows = await api.prisma.document.findMany({ where: { applicationId: draft.rawId, kind: 'PHOTO' } });
    expect(rows.filter((row) => row.supersededAt === null)).toHaveLength(1);
    expect(rows.filter((row) => row.supersededById !== null)).toHaveLength(2);
    expect(new Set(rows.map((row) => row.supersededById).filter(Boolean)).size).toBe(2);
  });
});

// ─────────────────────────────── download links ───────────────────────────────

describe('download links', () => {
  let photo: DocumentShape;

  beforeAll(async () => {
    [photo] = await documentsOf(subjects.draft.id, subjects.draft.token, '(kind: PHOTO)') as [DocumentShape];
  });

  it('open the file for the user they were made for, with that user\'s bearer token', async () => {
    const { response } = await download(photo.downloadUrl!, subjects.draft.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(photo.mimeType);
  });

  it('are refused with another user\'s token (403), even one who may see the document', async () => {
    expect((await download(photo.downloadUrl!, tokens.admin)).response.status).toBe(403);
    expect((await download(photo.downloadUrl!, tokens['unit-kashgar'])).response.status).toBe(403);
    expect((await download(photo.downloadUrl!, subjects.other.token)).response.status).toBe(403);
  });

  it('are refused without a bearer token (401)', async () => {
    const { response } = await download(photo.downloadUrl!);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('are refused when altered: signature, expiry, document, or no token at all (403)', async () => {
    expect((await download(tampered(photo.downloadUrl!), subjects.draft.token)).response.status).toBe(403);
    const url = new URL(photo.downloadUrl!, 'http://test');
    const [expiry, signature] = url.searchParams.get('t')!.split('.') as [string, string];
    const later = `${(Number.parseInt(expiry, 36) + 3600).toString(36)}.${signature}`;
    expect((await download(`${url.pathname}?t=${later}`, subjects.draft.token)).response.status).toBe(403);
    const [otherDocument] = await documentsOf(subjects.draft.id, subjects.draft.token, '(kind: EVIDENCE)');
    expect((await download(`/files/documents/${rawId(otherDocument!.id)}${url.search}`, subjects.draft.token)).response.status).toBe(403);
    expect((await download(url.pathname, subjects.draft.token)).response.status).toBe(403);
  });

  it('expire after 10 minutes (403); a fresh one works again', async () => {
    now = new Date(startOfTests.getTime() + 10 * 60 * 1000 + 1000);
    try {
      const expired = await download(photo.downloadUrl!, subjects.draft.token);
      expect(expired.response.status).toBe(403);
      const [fresh] = await documentsOf(subjects.draft.id, subjects.draft.token, '(kind: PHOTO)');
      expect((await download(fresh!.downloadUrl!, subjects.draft.token)).response.status).toBe(200);
    } finally {
      now = startOfTests;
    }
  });

  it('are checked against the row rules again: a valid link of a document the user may no longer see answers 404', async () => {
    // A link made for the other applicant (as if the document had been theirs once).
    const path = downloadPath(rawId(photo.id), (await api.prisma.user.findFirstOrThrow({ where: { idNumber: subjects.other.idNumber } })).id, now);
    expect((await download(path, subjects.other.token)).response.status).toBe(404);
  });

  it('every download and every refusal is audited', async () => {
    const before = (await api.prisma.auditRecord.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
    await download(photo.downloadUrl!, subjects.draft.token);
    await download(photo.downloadUrl!, tokens.admin);
    await download(photo.downloadUrl!);
    const records = await api.prisma.auditRecord.findMany({ where: { id: { gt: before }, operation: 'downloadDocument' }, orderBy: { id: 'asc' } });
    expect(records.map((r) => [r.result, r.errorCode, r.targetId])).toEqual([
      ['SUCCESS', null, rawId(photo.id)],
      ['REFUSED', 'FORBIDDEN', rawId(photo.id)],
      ['REFUSED', 'UNAUTHENTICATED', rawId(photo.id)],
    ]);
  });

  it('uploads are audited with the new document as target, without the bytes', async () => {
    const record = await api.prisma.auditRecord.findFirstOrThrow({ where: { operation: 'uploadEvidence', result: 'SUCCESS' }, orderBy: { id: 'desc' } });
    expect(record.targetType).toBe('Document');
    expect(await api.prisma.document.findUnique({ where: { id: record.targetId! } })).not.toBeNull();
    expect(record.details).toMatchObject({ applicationId: expect.any(String), fileName: expect.any(String), declaredSize: expect.any(Number) });
    expect(JSON.stringify(record.details).length).toBeLessThan(1000);
  });
});

// ─────────────────────────────── analysts ───────────────────────────────

describe('analysts', () => {
  it('list documents (metadata, identifiers masked in names) but get no download link', async () => {
    const withId = await uploadEvidence(subjects.other.token, subjects.other.id, file(pdfBytes(), `身份证-${subjects.other.idNumber}.pdf`));
    expect(withId.data!.fileName).toBe(`身份证-${subjects.other.idNumber}.pdf`);
    const documents = await documentsOf(subjects.other.id, tokens.analyst!, '(kind: EVIDENCE)');
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(document).toMatchObject({ kind: 'EVIDENCE', mimeType: expect.any(String), sizeBytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), downloadUrl: null });
    }
    const named = documents.find((document) => document.id === withId.data!.id)!;
    expect(named.fileName).not.toContain(subjects.other.idNumber);
    expect(named.fileName).toBe(`身份证-${'*'.repeat(18)}.pdf`);
    const scans = await api.gql('{ areas { code form5Scans(roundYear: 2027) { kind downloadUrl } } }', {}, tokens.analyst);
    expect(scans.data.areas.find((area: { code: string }) => area.code === '653100').form5Scans).toEqual([{ kind: 'FORM5_SCAN', downloadUrl: null }]);
  });

  it('may not download content even with a link made for them: scans carry identifiers (403)', async () => {
    const [document] = await documentsOf(subjects.other.id, tokens.analyst!, '(kind: EVIDENCE)');
    const { response, bytes } = await download(downloadPath(rawId(document!.id), userIds.analyst!, now), tokens.analyst);
    expect(response.status).toBe(403);
    expect(JSON.parse(new TextDecoder().decode(bytes)).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('may not upload anything', async () => {
    expect((await uploadForm5(tokens.analyst!, null, file(pdfBytes(), 'x.pdf'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
